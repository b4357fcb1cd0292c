// sim/engine/capacity_manager.cpp — see capacity_manager.hpp.
#include "sim/engine/capacity_manager.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace sovsim::sim {

CapacityManager::CapacityManager(Cluster& cluster, const CapacityPlan& plan,
                                 const std::vector<Tenant>& tenants, const EnergyRates& rates,
                                 const PowerMeter& meter, TelemetrySink& sink)
    : cluster_(cluster), rates_(rates), meter_(meter), sink_(sink) {
  for (size_t site = 0; site < rates.site_caps.size(); ++site) {
    site_cap_w_.push_back(rates.site_caps[site].front().cap_w);
    for (size_t k = 1; k < rates.site_caps[site].size(); ++k) {
      const PowerCapStep& step = rates.site_caps[site][k];
      changes_.push_back({step.time_s, kPowerCap, 0, 0, 0, static_cast<int>(site), step.cap_w});
    }
  }
  std::vector<Change> at_start;
  for (const Tranche& t : plan.tranches) {
    if (t.nodes == 0) continue;
    int owner = -1;
    for (size_t i = 0; i < tenants.size(); ++i) {
      if (tenants[i].name == t.owner) owner = static_cast<int>(i);
    }
    const Change c{0, kArrive, t.pool,
                   cluster.pools()[t.pool].first_node + static_cast<NodeId>(t.first_node),
                   static_cast<NodeId>(t.nodes), owner};
    for (NodeId n = c.first; n < c.first + c.count; ++n) cluster_.set_owner(n, owner);
    const bool serves = t.in_service_s < t.drain_s;  // else its nodes never take work
    if (t.in_service_s > 0 || !serves) {
      for (NodeId n = c.first; n < c.first + c.count; ++n) cluster_.set_open(n, false);
    }
    if (t.in_service_s > 0 && t.in_service_s < t.retire_s) {
      Change arrive = c;
      arrive.time_s = t.in_service_s;
      changes_.push_back(arrive);
    } else if (t.in_service_s == 0 && t.retire_s > 0) {
      at_start.push_back(c);
    }
    if (serves && std::isfinite(t.drain_s) && t.drain_s < t.retire_s) {
      Change drain = c;
      drain.time_s = std::max(t.drain_s, t.in_service_s);
      drain.kind = kDrain;
      changes_.push_back(drain);
    }
    if (std::isfinite(t.retire_s) && t.in_service_s < t.retire_s) {
      Change retire = c;
      retire.time_s = t.retire_s;
      retire.kind = kRetire;
      changes_.push_back(retire);
    }
  }
  std::sort(changes_.begin(), changes_.end(), [](const Change& a, const Change& b) {
    return std::tie(a.time_s, a.kind, a.pool, a.first) < std::tie(b.time_s, b.kind, b.pool, b.first);
  });
  for (const Change& c : at_start) report(c, +1, 0);
}

double CapacityManager::power_headroom_w(int pool) const {
  const int site = rates_.pools[pool].site;
  if (site_cap_w_[site] <= 0) return std::numeric_limits<double>::infinity();
  return site_cap_w_[site] - meter_.site_it_w(site);
}

bool CapacityManager::admits(int pool, int64_t gpus, int64_t stopped_gpus) const {
  // Per unit the cluster counts: a slot of a partitioned group draws its share of the GPU.
  const double extra_w = rates_.pools[pool].busy_extra_w() / cluster_.pools()[pool].slots_per_gpu;
  return power_headroom_w(pool) + static_cast<double>(stopped_gpus) * extra_w >=
         static_cast<double>(gpus) * extra_w * (1 - 1e-12);
}

double CapacityManager::next_event_s() const {
  return next_ < changes_.size() ? changes_[next_].time_s : std::numeric_limits<double>::infinity();
}

void CapacityManager::report(const Change& c, int sign, double now_s) {
  const int64_t gpus = int64_t{c.count} * cluster_.pools()[c.pool].physical_gpus_per_node();
  sink_.capacity_changed(c.pool, c.owner, sign * gpus, now_s);
}

void CapacityManager::handle_due(double now_s, FailureManager& failures,
                                 const std::function<void(NodeId)>& evict) {
  for (; next_ < changes_.size() && changes_[next_].time_s <= now_s; ++next_) {
    const Change& c = changes_[next_];
    switch (c.kind) {
      case kArrive:
        for (NodeId n = c.first; n < c.first + c.count; ++n) {
          failures.arrive(n);
          cluster_.set_open(n, true);
        }
        report(c, +1, now_s);
        break;
      case kDrain:
        for (NodeId n = c.first; n < c.first + c.count; ++n) cluster_.set_open(n, false);
        break;
      case kPowerCap:
        site_cap_w_[c.owner] = c.cap_w;
        break;
      case kRetire:
        for (NodeId n = c.first; n < c.first + c.count; ++n) {
          evict(n);
          cluster_.set_open(n, false);
          failures.leave(n);
        }
        report(c, -1, now_s);
        break;
    }
  }
}

}  // namespace sovsim::sim
