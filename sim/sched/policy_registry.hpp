// sim/sched/policy_registry.hpp — policies by name, for `scheduler: {policy: NAME}`, with their
// parameters as typed values read once at load. An explicit table in policy_registry.cpp (not
// static self-registration, which the linker can drop). Adding a policy: one row in the table,
// its keys in sim/scenario/scenario_schema.cpp's scheduler section, and where they are read.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/common/yaml_reader.hpp"
#include "sim/sched/policy.hpp"
#include "sim/sched/policy_params.hpp"

namespace sovsim::sim {

// Registered names, sorted.
std::vector<std::string> policy_names();

// Reads the keys of policy `name` from the `scheduler:` map (built on the scheduler schema
// section), reporting bad values through it. Keys of other policies stay unread, so the caller's
// scheduler.finish() reports them as unknown here.
PolicyParams read_policy_params(const std::string& name, MapReader& scheduler);

// A new policy instance; nullptr for an unknown name.
std::unique_ptr<Policy> make_policy(const std::string& name, const PolicyParams& params);

}  // namespace sovsim::sim
