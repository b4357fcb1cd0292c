// sim/scenario/limits.hpp — the upper (and a few lower) bounds on scenario values, in one place so
// the loader, the run-size check and docs/scenario.md ("Limits") agree. They keep a typo or a
// unit slip from hanging a run or exhausting memory; none is near a real fleet's size.
#pragma once

#include <cstdint>

namespace sovsim::sim {

// horizon: at most 100 years of simulated time.
inline constexpr double kMaxHorizon_s = 100 * 365 * 86400.0;
// Nodes in one node group (sites[i].nodes[j].count, also when sized from a trace).
inline constexpr int64_t kMaxNodesPerGroup = 10'000'000;
// A fixed checkpoint_interval: 0 (none) or at least a minute, the same floor the engine applies
// to young/daly intervals (sim/engine/job_runner.cpp). Each checkpoint is an event.
inline constexpr double kMinCheckpointInterval_s = 60;
// A generator's rate_per_hour: 10,000 jobs/h is 240,000 a day and 87.6 M a year, already beyond
// the run-size limit below over a year.
inline constexpr double kMaxRatePerHour = 10'000;

// The run-size check (sim/scenario/run_size.hpp), which `--force` skips:
// jobs the generators are expected to create over the horizon,
inline constexpr double kMaxEstimatedJobs = 50e6;
// nodes in the whole fleet (the cluster and platform hold state per node),
inline constexpr int64_t kMaxTotalNodes = 10'000'000;
// and the memory a job costs through a run (job table, events, outputs), measured on the
// fleet-year benchmark (~480 MiB peak for 1.04 M jobs; docs/performance.md).
inline constexpr double kBytesPerJob = 500;

}  // namespace sovsim::sim
