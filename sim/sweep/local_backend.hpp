// sim/sweep/local_backend.hpp — runs planned runs on this machine: a pool of at most `jobs`
// child processes (run_launcher.hpp). The parent waits for each child, writes its result file
// (run_result.hpp) and starts the next; a failed run is recorded and the others go on. On
// SIGINT/SIGTERM it starts nothing more, passes the signal on to the running children, waits for
// them and keeps the results of those that had finished; interrupted runs get no result, so a
// resumed sweep runs them again. A run that outlives run_timeout_s is stopped and recorded as
// failed, "timed out". A progress line goes to `progress` when it is set.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "sim/sweep/sweep_plan.hpp"

namespace sovsim::sim {

struct LocalOptions {
  int jobs = 1;                      // parallel runs, >= 1
  std::filesystem::path executable;  // the sovsim binary the runs use
  std::ostream* progress = nullptr;  // a terminal: one line, redrawn; nullptr: silent
  size_t already_done = 0;           // runs with an ok result before this invocation
  double run_timeout_s = 0;          // > 0: a run still going after this long gets SIGTERM
                                     // (SIGKILL 10 s later) and is recorded as failed
};

struct LocalOutcome {
  size_t ok = 0, failed = 0;  // among the runs started here
  int signal = 0;             // SIGINT or SIGTERM if the sweep was interrupted, else 0
};

// Runs plan entries `todo` (indices, in order) into `dir` (sweep_dir.hpp).
LocalOutcome run_local(const std::filesystem::path& dir, const SweepPlan& plan,
                       const std::vector<size_t>& todo, const LocalOptions& options);

}  // namespace sovsim::sim
