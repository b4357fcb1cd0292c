// sim/sched/policy_registry.cpp — the table of policies. Adding one = one line here.
#include "sim/sched/policy_registry.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "sim/sched/fcfs_policy.hpp"

namespace sovsim::sim {
namespace {

using Factory = std::function<std::unique_ptr<Policy>(MapReader& params)>;

const std::vector<std::pair<std::string, Factory>>& table() {
  static const std::vector<std::pair<std::string, Factory>> kPolicies = {
      {"fcfs", [](MapReader&) { return std::make_unique<FcfsPolicy>(); }},
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
