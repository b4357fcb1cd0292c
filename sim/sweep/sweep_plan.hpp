// sim/sweep/sweep_plan.hpp — a sweep expanded into runs, in a fixed order: the grid (first
// parameter slowest), then each zip group, then the seeds (fastest). Run i is `r0007`-style
// (zero-padded to at least 4 digits), so ids are stable and sort in plan order. The plan is
// written to DIR/plan.json when a sweep starts; any backend runs entry i from it alone (the local
// process pool, `sovsim sweep-task DIR i`, a Slurm array task i), and a later invocation compares
// its own plan with it to resume.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/sweep/sweep_spec.hpp"

namespace sovsim::sim {

using Assignments = std::vector<std::pair<std::string, std::string>>;  // path -> value text

struct PlannedRun {
  std::string id;          // "r0007"
  size_t combination = 0;  // index of its parameter combination (all but the seed)
  uint64_t seed = 0;
  Assignments parameters;  // grid then zip values, in column order
};

// inputs_fnv1a64 of a plan written before the key existed: taken to match any.
inline constexpr std::string_view kInputsUnknown = "unknown";

struct SweepPlan {
  std::string scenario;                 // absolute path
  std::string scenario_fnv1a64;         // the scenario file's content hash, hex
  std::string inputs_fnv1a64;           // hash of the files it reads (its trace); "" if none
  std::string outputs = "all";          // `sovsim run --outputs` of every run
  Assignments set;                      // the fixed overrides
  std::vector<std::string> parameters;  // the parameter columns: grid paths, then zip paths
  std::vector<std::pair<std::string, std::string>> metrics;  // name -> summary.json path
  std::vector<PlannedRun> runs;

  // `sovsim run` arguments after the scenario: --seed N, --outputs summary if so, then
  // --set PATH=VALUE for the fixed overrides and the run's parameters.
  std::vector<std::string> run_arguments(const PlannedRun& run) const;
};

// The plan of `spec` (whose scenario file is read for its hash). Throws std::runtime_error if the
// scenario cannot be read.
SweepPlan make_plan(const SweepSpec& spec);

// plan.json; and back (nullopt and `error` if it is not a plan this version wrote).
nlohmann::ordered_json plan_json(const SweepPlan& plan);
std::optional<SweepPlan> plan_from_json(const nlohmann::ordered_json& json, std::string& error);

// "r0007  --seed 3 --set scheduler.policy=easy ..." (arguments shell-quoted where needed).
std::string dry_run_line(const SweepPlan& plan, const PlannedRun& run);

// `text` as one shell word: as is if it holds only safe characters, else in single quotes.
std::string shell_quote(const std::string& text);

}  // namespace sovsim::sim
