// sim/scenario/fleet_reader.hpp — reads the fleet's life over time from a scenario: a node
// group's owner, deliveries, retirement and drain, and the top-level `events:` list
// (fleet_schema.cpp, docs/fleet.md). Internal to sim/scenario/.
#pragma once

#include <string>
#include <vector>

#include "models/common/yaml_reader.hpp"
#include "models/hardware.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/section_readers.hpp"

namespace sovsim::sim {

// Tenant names as declared, read ahead of the sites so owners can be checked where they appear.
std::vector<std::string> declared_tenant_names(const YAML::Node& root);

// `owner`, `deliveries`, `retire`, `drain` of the group `g`; sets group.count when the group has
// deliveries and no `count` (reports a `count` smaller than the tranches).
void read_group_life(MapReader& g, NodeGroup& group, const std::vector<std::string>& tenants);

// `mig` or `shared` of the group `g` on hardware `hw` (null if unknown): its GPUs' slots
// (docs/gpu-sharing.md).
void read_group_sharing(MapReader& g, NodeGroup& group, const models::Hardware* hw);

// The `events:` list, sorted by date (stable), with names and filters checked.
std::vector<FleetEvent> read_events(MapReader& top, const KnownNames& names);

}  // namespace sovsim::sim
