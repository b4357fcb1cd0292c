// sim/cli/scenario_input.hpp — what the scenario-taking commands share: the scenario path and
// --set/--seed options, loading the built-in catalog and the scenario, and printing diagnostics.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "models/common/result.hpp"
#include "models/catalogs.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::cli {

struct ScenarioInput {
  std::string path;
  std::vector<std::string> overrides;  // --set key.path=value, in order
  std::optional<uint64_t> seed;        // --seed N (same as --set seed=N, applied last)
  bool force = false;                  // --force: skip the run-size check (run_size.hpp)
};

void add_scenario_options(CLI::App& command, ScenarioInput& input);

struct LoadedScenario {
  models::Catalogs catalogs;
  sim::Scenario scenario;
};

// Loads catalog + scenario and, unless --force, checks its size (run_size.hpp); prints every
// diagnostic to `err` and returns nullopt on bad input.
std::optional<LoadedScenario> load_scenario_input(const ScenarioInput& input, std::ostream& err);

// Prints each diagnostic, then the count. A message repeated more than kMaxRepeats times (the
// same unknown tenant in every job of a list) is shown kMaxRepeats times, then summarised as
// "... and N more like this".
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err);
inline constexpr size_t kMaxRepeats = 5;

struct PreparedInput {
  models::Catalogs catalogs;
  sim::PreparedWorkload prepared;  // the sized scenario, its cluster and job table
};

// load_scenario_input, then the workload (traces are read here): nullopt on bad input, with
// every diagnostic printed to `err`. For commands that look at a scenario without running it.
std::optional<PreparedInput> prepare_scenario_input(const ScenarioInput& input, std::ostream& err);

}  // namespace sovsim::cli
