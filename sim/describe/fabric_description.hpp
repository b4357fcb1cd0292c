// sim/describe/fabric_description.hpp — the fabric part of `sovsim describe`: per site and for
// the fleet, one row per tier (nodes, NVLink, leaves, pods, core, WAN, storage) with counts,
// per-link and aggregate bandwidth and oversubscription, from Topology::sizes() (docs/fabric.md);
// as text, or as JSON for `describe --json`.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "sim/fabric/topology.hpp"

namespace sovsim::sim {

void print_fabric(std::ostream& out, const Scenario& scenario, const Topology& topology);
nlohmann::ordered_json describe_fabric(const Scenario& scenario, const Topology& topology);

}  // namespace sovsim::sim
