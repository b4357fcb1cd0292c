// sim/sweep/slurm_backend.hpp — runs planned runs as one Slurm job array (docs/sweeps.md,
// "On a Slurm cluster"): writes DIR/slurm/array.sh, whose task i runs `sovsim sweep-task DIR i`
// (so a task writes its result file exactly as a local run does), submits it with
// `sbatch --parsable`, then polls `squeue -h -j JOB` until the array has left the queue — no
// accounting database, no `sbatch --wait`. On SIGINT/SIGTERM it cancels the array (`scancel`),
// waits for it to leave and returns; finished tasks keep their results. DIR must be on a file
// system the compute nodes share, and the sovsim executable at the same path there.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "sim/sweep/sweep_plan.hpp"

namespace sovsim::sim {

struct SlurmOptions {
  std::filesystem::path executable;  // the sovsim binary the tasks run
  int max_parallel = 0;              // array throttle (`%N`); 0: none
  std::string partition, time, mem;  // passed to sbatch when set
  double poll_s = 2;                 // between two squeue calls
  std::ostream* progress = nullptr;  // a terminal: one line, redrawn; nullptr: silent
};

struct SlurmOutcome {
  std::string job_id;  // the array's job id ("" if it was not submitted)
  int signal = 0;      // SIGINT or SIGTERM if the sweep was interrupted, else 0
};

// The array specification of `indices` (sorted, distinct): "0-3,5,7-9".
std::string array_ranges(const std::vector<size_t>& indices);

// The batch script for plan entries `todo` of the sweep in `dir`.
std::string array_script(const std::filesystem::path& dir, const std::vector<size_t>& todo,
                         const SlurmOptions& options);

// Submits plan entries `todo` (sorted) of the sweep in `dir` as one array and waits for it.
// Throws std::runtime_error if sbatch fails (its message included).
SlurmOutcome run_slurm(const std::filesystem::path& dir, const SweepPlan& plan,
                       const std::vector<size_t>& todo, const SlurmOptions& options);

}  // namespace sovsim::sim
