// models/failures.cpp — see failures.hpp.
#include "models/failures.hpp"

#include <algorithm>
#include <cmath>

#include "models/common/check.hpp"

namespace sovsim::models {

const char* component_name(FailureComponent c) {
  switch (c) {
    case FailureComponent::kGpu:
      return "gpu";
    case FailureComponent::kHbm:
      return "hbm";
    case FailureComponent::kNetwork:
      return "network";
    case FailureComponent::kHost:
      return "host";
    case FailureComponent::kDomain:
      return "domain";
  }
  return "?";
}

FailureProcess::FailureProcess(const FailureRates& rates, std::vector<int> gpus_per_node,
                               const std::vector<int32_t>& domain_of_node, uint64_t seed,
                               uint64_t stream, double start_s)
    : rates_(rates), gpus_per_node_(std::move(gpus_per_node)), now_s_(start_s), rng_(seed, stream) {
  // An empty domain_of_node means no domains.
  SOVSIM_CHECK(domain_of_node.empty() || domain_of_node.size() == gpus_per_node_.size(),
               "one domain per node");

  bool uniform = true;
  for (int g : gpus_per_node_) {
    SOVSIM_CHECK(g >= 0, "GPUs per node are not negative");
    total_gpus_ += g;
    uniform = uniform && g == gpus_per_node_.front();
  }
  if (!uniform) {  // weighted pick: cumulative GPU counts, searched per event
    gpu_prefix_.reserve(gpus_per_node_.size());
    int64_t sum = 0;
    for (int g : gpus_per_node_) gpu_prefix_.push_back(sum += g);
  }

  for (size_t i = 0; i < domain_of_node.size(); ++i) {
    if (domain_of_node[i] >= 0)
      domain_members_.emplace_back(domain_of_node[i], static_cast<int32_t>(i));
  }
  std::sort(domain_members_.begin(), domain_members_.end());  // by domain, then node
  for (const auto& [domain, node] : domain_members_) {
    if (domain_ids_.empty() || domain_ids_.back() != domain) domain_ids_.push_back(domain);
  }

  if (rates_.enabled) {
    node_rate_per_s_ = static_cast<double>(total_gpus_) * rates_.per_gpu_rate_per_s();
    domain_rate_total_per_s_ = static_cast<double>(domain_ids_.size()) * rates_.domain_rate_per_s();
  }
}

std::vector<int32_t> FailureProcess::nodes_in_domain(int32_t domain) const {
  std::vector<int32_t> nodes;
  auto it = std::lower_bound(domain_members_.begin(), domain_members_.end(),
                             std::make_pair(domain, std::numeric_limits<int32_t>::min()));
  for (; it != domain_members_.end() && it->first == domain; ++it) nodes.push_back(it->second);
  return nodes;
}

int32_t FailureProcess::pick_node() {
  if (gpu_prefix_.empty()) {  // all nodes have the same GPU count: every node equally likely
    return static_cast<int32_t>(rng_.below(gpus_per_node_.size()));
  }
  // GPU number k in [0, total) belongs to the first node whose prefix exceeds k; nodes with no
  // GPUs have an empty range and are never picked.
  const auto k = static_cast<int64_t>(rng_.below(static_cast<uint64_t>(total_gpus_)));
  const auto it = std::upper_bound(gpu_prefix_.begin(), gpu_prefix_.end(), k);
  return static_cast<int32_t>(it - gpu_prefix_.begin());
}

FailureComponent FailureProcess::pick_component() {
  const double w[4] = {rates_.gpu_per_year, rates_.hbm_per_year, rates_.network_per_year,
                       rates_.host_per_year};
  double u = rng_.uniform01() * (w[0] + w[1] + w[2] + w[3]);
  for (int i = 0; i < 3; ++i) {
    if (u < w[i]) return static_cast<FailureComponent>(i);
    u -= w[i];
  }
  return FailureComponent::kHost;
}

FailureEvent FailureProcess::next() {
  FailureEvent e;
  const double total = total_rate_per_s();
  if (!(total > 0)) return e;  // time_s stays +inf

  now_s_ += rng_.exponential(1.0 / total);
  e.time_s = now_s_;
  const bool domain_event = rng_.uniform01() * total >= node_rate_per_s_;
  if (domain_event) {
    e.kind = FailureEvent::Kind::kDomain;
    e.node_or_domain = domain_ids_[rng_.below(domain_ids_.size())];
    e.component = FailureComponent::kDomain;
    e.repair_s = rates_.domain_repair_median_s > 0
                     ? rng_.lognormal(rates_.domain_repair_median_s, rates_.domain_repair_sigma)
                     : 0;
  } else {
    e.kind = FailureEvent::Kind::kNode;
    e.node_or_domain = pick_node();
    e.component = pick_component();
    e.repair_s = rates_.repair_median_s > 0
                     ? rng_.lognormal(rates_.repair_median_s, rates_.repair_sigma)
                     : 0;
  }
  return e;
}

double job_mtbf_s(const FailureRates& rates, int64_t gpus, int domains) {
  if (!rates.enabled) return std::numeric_limits<double>::infinity();
  const double rate = static_cast<double>(gpus) * rates.per_gpu_rate_per_s() +
                      static_cast<double>(domains) * rates.domain_rate_per_s();
  return rate > 0 ? 1.0 / rate : std::numeric_limits<double>::infinity();
}

double young_interval_s(double checkpoint_cost_s, double mtbf_s) {
  return std::sqrt(2.0 * checkpoint_cost_s * mtbf_s);
}

double daly_interval_s(double checkpoint_cost_s, double mtbf_s) {
  const double c = checkpoint_cost_s, m = mtbf_s;
  if (!(c < 2.0 * m)) return m;  // checkpointing costs more than the expected run between failures
  return std::sqrt(2.0 * c * m) * (1.0 + std::sqrt(c / (2.0 * m)) / 3.0 + c / (18.0 * m)) - c;
}

double waste_fraction(double interval_s, double checkpoint_cost_s, double mtbf_s) {
  return checkpoint_cost_s / interval_s + interval_s / (2.0 * mtbf_s);
}

double checkpoint_bytes_for_params(double params, double bytes_per_param) {
  return params * bytes_per_param;
}

double checkpoint_cost_s(double checkpoint_bytes, double storage_bw_bytes_per_s) {
  SOVSIM_CHECK(storage_bw_bytes_per_s > 0, "storage bandwidth is positive");
  return checkpoint_bytes / storage_bw_bytes_per_s;
}

}  // namespace sovsim::models
