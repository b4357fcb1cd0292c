// sim/sched/policy_registry.cpp — the table of policies and the reading of their parameters.
#include "sim/sched/policy_registry.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <utility>

#include "sim/sched/conservative_policy.hpp"
#include "sim/sched/easy_policy.hpp"
#include "sim/sched/fair_share_policy.hpp"
#include "sim/sched/fcfs_policy.hpp"
#include "sim/sched/las_policy.hpp"
#include "sim/sched/priority_policy.hpp"
#include "sim/sched/sjf_policy.hpp"

namespace sovsim::sim {
namespace {

struct Entry {
  const char* name;
  std::function<void(MapReader& scheduler, PolicyParams& p)> read;  // its own keys
  std::function<std::unique_ptr<Policy>(const PolicyParams& p)> make;
};

void read_las_thresholds(MapReader& scheduler, std::vector<double>& thresholds) {
  if (!scheduler.has("queue_thresholds_gpu_h")) return;
  thresholds.clear();
  for (const auto& [node, path] : scheduler.list("queue_thresholds_gpu_h")) {
    double value = std::numeric_limits<double>::quiet_NaN();
    if (node.IsScalar()) {
      try {
        value = node.as<double>();
      } catch (const YAML::BadConversion&) {
      }
    }
    const double previous = thresholds.empty() ? 0 : thresholds.back();
    if (!std::isfinite(value) || value <= previous) {
      scheduler.context().error(node, path,
                                "expected a number of GPU-hours > 0, greater than the previous "
                                "threshold, found " + describe_node(node));
      continue;
    }
    thresholds.push_back(value);
  }
}

const std::vector<Entry>& table() {
  static const std::vector<Entry> kPolicies = {
      {"fcfs", [](MapReader&, PolicyParams&) {},
       [](const PolicyParams&) { return std::make_unique<FcfsPolicy>(); }},
      {"easy", [](MapReader&, PolicyParams&) {},
       [](const PolicyParams&) { return std::make_unique<EasyPolicy>(); }},
      {"conservative",
       [](MapReader& s, PolicyParams& p) { p.max_queue_scan = s.integer("max_queue_scan"); },
       [](const PolicyParams& p) { return std::make_unique<ConservativePolicy>(p.max_queue_scan); }},
      {"sjf", [](MapReader& s, PolicyParams& p) { p.blocking = s.boolean("blocking"); },
       [](const PolicyParams& p) { return std::make_unique<SjfPolicy>(p.blocking); }},
      {"fair-share",
       [](MapReader& s, PolicyParams& p) {
         p.fair_share.reclaim = s.boolean("reclaim");
         p.fair_share.min_runtime_before_preempt_s = s.duration_s("min_runtime_before_preempt");
       },
       [](const PolicyParams& p) { return std::make_unique<FairSharePolicy>(p.fair_share); }},
      {"priority",
       [](MapReader& s, PolicyParams& p) {
         p.priority.preempt = s.boolean("preempt");
         p.priority.backfill = s.boolean("backfill");
       },
       [](const PolicyParams& p) { return std::make_unique<PriorityPolicy>(p.priority); }},
      {"las",
       [](MapReader& s, PolicyParams& p) {
         read_las_thresholds(s, p.las.queue_thresholds_gpu_h);
         p.las.starvation_promote_after_s = s.duration_s("starvation_promote_after");
       },
       [](const PolicyParams& p) { return std::make_unique<LasPolicy>(p.las); }},
  };
  return kPolicies;
}

const Entry* find(const std::string& name) {
  for (const Entry& e : table()) {
    if (name == e.name) return &e;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> policy_names() {
  std::vector<std::string> names;
  for (const Entry& e : table()) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

PolicyParams read_policy_params(const std::string& name, MapReader& scheduler) {
  PolicyParams params;
  if (const Entry* e = find(name)) e->read(scheduler, params);
  return params;
}

std::unique_ptr<Policy> make_policy(const std::string& name, const PolicyParams& params) {
  const Entry* e = find(name);
  return e ? e->make(params) : nullptr;
}

}  // namespace sovsim::sim
