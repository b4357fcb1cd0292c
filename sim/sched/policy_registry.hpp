// sim/sched/policy_registry.hpp — policies by name, for `scheduler: {policy: NAME}`. An explicit
// table in policy_registry.cpp (not static self-registration, which the linker can drop).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

// Registered names, sorted.
std::vector<std::string> policy_names();

// A new policy instance; nullptr for an unknown name (the loader has already rejected those).
std::unique_ptr<Policy> make_policy(const std::string& name);

}  // namespace sovsim::sim
