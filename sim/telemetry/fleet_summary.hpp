// sim/telemetry/fleet_summary.hpp — the capacity plan in summary.json: every tranche (when it
// was due, when it entered service and left, how many nodes arrived, who owns it, which events
// changed it) under `capacity.tranches`, and every event with what it changed under
// `fleet_events`.
// With a start_date, dates are added beside the seconds (docs/fleet.md).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

#include "sim/fleet/capacity_plan.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

void add_fleet_plan(nlohmann::ordered_json& summary, const CapacityPlan& plan,
                    const std::vector<Site>& sites, std::optional<double> start_unix_s);

}  // namespace sovsim::sim
