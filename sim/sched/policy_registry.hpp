// sim/sched/policy_registry.hpp — policies by name, for `scheduler: {policy: NAME}`. An explicit
// table in policy_registry.cpp (not static self-registration, which the linker can drop).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "models/common/yaml_reader.hpp"
#include "sim/sched/policy.hpp"

namespace sovsim::sim {

// Registered names, sorted.
std::vector<std::string> policy_names();

// A new policy instance; nullptr for an unknown name. The policy reads its parameters from
// `params` (the `scheduler:` map of the scenario), reporting bad values through it; the caller
// calls params.finish() afterwards to catch unknown keys.
std::unique_ptr<Policy> make_policy(const std::string& name, MapReader& params);

}  // namespace sovsim::sim
