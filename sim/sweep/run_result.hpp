// sim/sweep/run_result.hpp — what a sweep keeps of one finished run: status, error, seed,
// parameters and metrics, as one small JSON file DIR/results/<id>.json, written atomically by
// whoever waited for the run (the local pool, or `sovsim sweep-task`). These files are the
// sweep's source of truth: results.sqlite and results.csv are rebuilt from them.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/sweep/sweep_plan.hpp"

namespace sovsim::sim {

struct RunResult {
  std::string id;
  bool ok = false;
  std::string error;  // why it failed ("" when ok)
  uint64_t seed = 0;
  Assignments parameters;
  std::vector<std::pair<std::string, std::optional<double>>> metrics;  // null: no value
  int exit_code = 0;  // of `sovsim run`; -1 if killed by a signal
  double wall_s = 0;  // in the JSON file only, never in the tables (they are deterministic)
};

nlohmann::ordered_json result_json(const RunResult& result);

// The result of plan entry `run`, made once `sovsim run` ended with `wait_status` (waitpid):
// on exit 0 the metrics are read from its summary.json (a path that does not resolve fails the
// run, naming it); otherwise the error is the last lines of its log.
RunResult collect_result(const std::filesystem::path& dir, const SweepPlan& plan,
                         const PlannedRun& run, int wait_status, double wall_s);

// Writes DIR/results/<id>.json atomically. Throws std::runtime_error on I/O failure.
void write_result(const std::filesystem::path& dir, const RunResult& result);

// The results in DIR/results/ of the plan's runs, by plan index. A file that cannot be read or
// does not match its plan entry (id, seed, parameters, metric names) counts as missing.
std::map<size_t, RunResult> read_results(const std::filesystem::path& dir, const SweepPlan& plan);

}  // namespace sovsim::sim
