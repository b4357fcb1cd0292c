// sim/describe/fleet_description.hpp — what `sovsim describe` says about a scenario's fleet and
// tenants, before anything runs: sites and their node groups (hardware, GPU sharing, NVLink
// domains, spares, owner), GPUs by hardware type, GPUs in service at each date the capacity plan
// changes them (deliveries, retirements, events: docs/fleet.md), and each tenant's entitlement
// (share, priority, sites it may use, capacity it owns). As JSON, the form of `describe --json`;
// describe_text.hpp prints it.
#pragma once

#include <nlohmann/json.hpp>

#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

// {"sites": [...], "hardware": [...], "nodes", "gpus", "in_service": [...] or null,
//  "capacity_gpu_hours"} for the prepared scenario.
nlohmann::ordered_json describe_fleet(const PreparedWorkload& prepared);

// [{"name", "description", "share", "priority", "sites", "owned_gpus", "owns": [...]}].
nlohmann::ordered_json describe_tenants(const PreparedWorkload& prepared);

}  // namespace sovsim::sim
