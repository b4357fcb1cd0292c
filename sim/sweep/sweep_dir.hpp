// sim/sweep/sweep_dir.hpp — the layout of a sweep's output directory, and the checks before one
// is written into (docs/sweeps.md):
//   DIR/plan.json            the plan (sweep_plan.hpp)
//   DIR/runs/<id>/           each run's `sovsim run` outputs; DIR/runs/<id>.log its stderr
//   DIR/results/<id>.json    each finished run's result (run_result.hpp), written atomically
//   DIR/results.sqlite, results.csv, aggregate.csv   rebuilt from results/ (results_table.hpp)
//   DIR/slurm/               --backend slurm: the array scripts and each task's log
//                            (slurm_backend.hpp)
// A directory is reused only if it is new, empty or holds a sweep's plan.json, so `-o ~`
// cannot remove anything.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "sim/sweep/sweep_plan.hpp"

namespace sovsim::sim::sweep_dir {

namespace fs = std::filesystem;

inline fs::path plan_file(const fs::path& dir) { return dir / "plan.json"; }
inline fs::path runs_dir(const fs::path& dir) { return dir / "runs"; }
inline fs::path run_output(const fs::path& dir, const std::string& id) { return dir / "runs" / id; }
inline fs::path run_log(const fs::path& dir, const std::string& id) {
  return dir / "runs" / (id + ".log");
}
inline fs::path results_dir(const fs::path& dir) { return dir / "results"; }
inline fs::path slurm_dir(const fs::path& dir) { return dir / "slurm"; }
// The log of array task `index` (a plan entry), in blocks of 1000 (slurm_backend.cpp).
inline fs::path slurm_task_log(const fs::path& dir, size_t index) {
  return dir / "slurm" / ("task-" + std::to_string(index / 1000) + "-" + std::to_string(index % 1000) + ".out");
}
inline fs::path result_file(const fs::path& dir, const std::string& id) {
  return dir / "results" / (id + ".json");
}

// Why `dir` cannot hold this sweep's outputs, or nullopt: it must not exist, be empty, or hold
// a plan.json (and only what a sweep writes).
std::optional<std::string> problem(const fs::path& dir);

// The plan in DIR/plan.json; nullopt if there is none. Throws std::runtime_error if it exists
// but cannot be read as a plan.
std::optional<SweepPlan> read_plan(const fs::path& dir);

// Creates DIR, runs/ and results/, and writes plan.json atomically. Throws on I/O failure.
void start(const fs::path& dir, const SweepPlan& plan);

// Removes the temporary files and staging directories (NAME.tmp-PID, .NAME.old-PID) that
// processes killed with SIGKILL left in DIR, runs/ and results/; those of live processes stay.
void remove_stale_temporaries(const fs::path& dir);

// Removes what an earlier sweep wrote into DIR (plan, runs, results, tables), for --restart.
void clear(const fs::path& dir);

}  // namespace sovsim::sim::sweep_dir
