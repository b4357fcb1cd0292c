// sim/cli/scenario_input.cpp — see scenario_input.hpp.
#include "sim/cli/scenario_input.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "sim/cli/number_flags.hpp"
#include "sim/scenario/run_size.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace sovsim::cli {

void add_scenario_options(CLI::App& command, ScenarioInput& input) {
  command.add_option("scenario", input.path, "Scenario YAML file")->required();
  command.add_option("--set", input.overrides,
                     "Override a scenario value: key.path=value (list index allowed, e.g. "
                     "sites[0].nodes[0].count=64); repeatable")
      ->take_all()
      ->allow_extra_args(false);
  command.add_option("--seed", input.seed, "Random seed (overrides the scenario's seed)")
      ->check(seed_validator());
  command.add_flag("--force", input.force,
                   "Proceed even if the run is estimated to be absurdly large (more than 50 "
                   "million generated jobs or 10 million nodes; docs/scenario.md, Limits)");
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  std::map<std::string, size_t> seen;  // message -> occurrences so far
  std::vector<std::string> repeated;   // messages beyond kMaxRepeats, in first-seen order
  for (const auto& d : diagnostics) {
    const size_t n = ++seen[d.message];
    if (n <= kMaxRepeats) err << "error: " << d.to_string() << "\n";
    if (n == kMaxRepeats + 1) repeated.push_back(d.message);
  }
  for (const auto& message : repeated) {
    err << fmt::format("error: ... and {} more like this: {}\n", seen[message] - kMaxRepeats,
                       message);
  }
  err << fmt::format("{} error{}; nothing was run or written\n", diagnostics.size(),
                     diagnostics.size() == 1 ? "" : "s");
}

std::optional<LoadedScenario> load_scenario_input(const ScenarioInput& input, std::ostream& err) {
  auto catalogs = models::Catalogs::builtin();
  if (!catalogs.ok()) {
    // The built-in catalogs are part of the program: a problem there is a bug, not bad input.
    for (const auto& d : catalogs.diagnostics()) err << "internal error: " << d.to_string() << "\n";
    throw std::runtime_error("built-in catalogs are invalid");
  }
  std::vector<std::string> overrides = input.overrides;
  if (input.seed) overrides.push_back(fmt::format("seed={}", *input.seed));
  auto scenario = sim::load_scenario(input.path, overrides, catalogs.value());
  if (!scenario.ok()) {
    print_diagnostics(scenario.diagnostics(), err);
    return std::nullopt;
  }
  if (const Diagnostics too_large = input.force ? Diagnostics{} : sim::check_run_size(scenario.value());
      !too_large.empty()) {
    print_diagnostics(too_large, err);
    return std::nullopt;
  }
  return LoadedScenario{std::move(catalogs).value(), std::move(scenario).value()};
}

std::optional<PreparedInput> prepare_scenario_input(const ScenarioInput& input, std::ostream& err) {
  auto loaded = load_scenario_input(input, err);
  if (!loaded) return std::nullopt;
  auto prepared = sim::prepare_workload(loaded->scenario, loaded->catalogs);
  if (!prepared.ok()) {
    print_diagnostics(prepared.diagnostics(), err);
    return std::nullopt;
  }
  return PreparedInput{std::move(loaded->catalogs), std::move(prepared).value()};
}

}  // namespace sovsim::cli
