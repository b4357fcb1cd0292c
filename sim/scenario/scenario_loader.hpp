// sim/scenario/scenario_loader.hpp — YAML file (+ --set overrides) -> validated Scenario, or every
// diagnostic found in one pass. Never throws and never writes anything. The schema it enforces is
// documented key by key in docs/scenario.md; keep the two in the same commit.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "models/common/result.hpp"
#include "models/catalogs.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

Result<Scenario> load_scenario(const std::filesystem::path& file,
                               const std::vector<std::string>& overrides,
                               const models::Catalogs& catalogs);

// Same, from text already in memory (`file_name` is used in diagnostics and to resolve paths).
Result<Scenario> parse_scenario(const std::string& text, const std::string& file_name,
                                const std::vector<std::string>& overrides,
                                const models::Catalogs& catalogs);

}  // namespace sovsim::sim
