// sim/describe/describe_text.hpp — `sovsim describe` as text: the scenario's fleet, GPUs in
// service over time, tenants and workload, printed from the JSON that `describe --json` writes
// (fleet_description.hpp, workload_description.hpp), so the two forms never disagree.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

namespace sovsim::sim {

// `description`: {"scenario": {...}, "fleet": {...}, "tenants": [...], "workload": {...}}.
void print_description(std::ostream& out, const nlohmann::ordered_json& description);

}  // namespace sovsim::sim
