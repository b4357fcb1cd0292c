// sim/run/run.hpp — one run, wired: scenario -> cluster and jobs -> SimGrid platform and
// controller -> metrics -> atomic outputs (summary.json, jobs.csv, utilisation.csv, services.csv
// with living services, perf.json, and report.html rendered from them).
// A wiring function, not a god object: each step lives in its own module.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "models/common/result.hpp"
#include "models/catalogs.hpp"
#include "sim/engine/run_progress.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

struct RunOutcome {
  nlohmann::ordered_json summary;  // as written to summary.json
  nlohmann::ordered_json perf;     // as written to perf.json (wall times: not deterministic)
  std::string text;                // one-screen summary
  std::vector<std::string> notes;  // for stderr: size rules the trace applied (--trace)
};

// How to run, beyond the scenario: what `sovsim run`'s flags ask for.
struct RunSettings {
  // Write summary.json and perf.json, not the per-job and per-service tables nor
  // utilisation.csv nor report.html (`sovsim run --outputs summary`: what a sweep of thousands
  // of runs collects).
  bool summary_only = false;
  ProgressReport progress;  // optional: told where the simulation is now and then
  std::string engine_log = "warning";  // SimGrid's log threshold: "error", "warning" or "info"
  // `--trace FILE`: also write a Chrome/Perfetto trace there, atomically, once the run has
  // succeeded (docs/trace-view.md). Empty: none, and nothing of it in the run's path.
  std::filesystem::path trace;
};

// Bad input discovered while preparing the run (e.g. a malformed trace) comes back as
// diagnostics, before anything is written. I/O failures and broken invariants throw.
Result<RunOutcome> run_scenario(const Scenario& scenario, const models::Catalogs& catalogs,
                                const std::filesystem::path& output_dir,
                                const RunSettings& settings = {});

}  // namespace sovsim::sim
