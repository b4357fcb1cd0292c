// sim/sched/policy_registry.cpp — the table of policies. Adding one = one line here.
#include "sim/sched/policy_registry.hpp"

#include <algorithm>
#include <functional>
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

using Factory = std::function<std::unique_ptr<Policy>(MapReader& params)>;

const std::vector<std::pair<std::string, Factory>>& table() {
  static const std::vector<std::pair<std::string, Factory>> kPolicies = {
      {"fcfs", [](MapReader&) { return std::make_unique<FcfsPolicy>(); }},
      {"fair-share", [](MapReader& p) { return std::make_unique<FairSharePolicy>(p); }},
      {"priority", [](MapReader& p) { return std::make_unique<PriorityPolicy>(p); }},
      {"las", [](MapReader& p) { return std::make_unique<LasPolicy>(p); }},
      {"easy", [](MapReader&) { return std::make_unique<EasyPolicy>(); }},
      {"conservative", [](MapReader& p) { return ConservativePolicy::from_params(p); }},
      {"sjf", [](MapReader& p) { return SjfPolicy::from_params(p); }},
  };
  return kPolicies;
}

}  // namespace

std::vector<std::string> policy_names() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : table()) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<Policy> make_policy(const std::string& name, MapReader& params) {
  for (const auto& [n, factory] : table()) {
    if (n == name) return factory(params);
  }
  return nullptr;
}

}  // namespace sovsim::sim
