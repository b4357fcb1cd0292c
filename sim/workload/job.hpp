// sim/workload/job.hpp — a job as the engine tracks it during a run: its request (compact form
// of JobSpec, with tenant and kind as indices) and its lifecycle. Jobs live in one vector indexed
// by JobIndex, in arrival order (submit time, then input order), so "queue order" is index order.
#pragma once

#include <cstdint>
#include <limits>

#include "sim/cluster/cluster.hpp"

namespace sovsim::sim {

using JobIndex = uint32_t;

enum class JobState : uint8_t {
  kPending,    // not submitted yet
  kQueued,     // waiting for resources
  kRunning,
  kCompleted,
  kRejected,   // can never fit on any pool its tenant may use
};

const char* to_string(JobState state);

struct Job {
  int64_t id = 0;           // user-visible id (jobs.csv job_id)
  uint16_t tenant = 0;      // index into Scenario::tenants
  uint16_t kind = 0;        // index into the run's kind names
  uint32_t eligibility = 0; // index into the run's eligible-pool lists
  int32_t gpus = 1;
  int32_t priority = 0;
  double submit_s = 0;
  double duration_s = 0;
  double estimate_s = 0;
  JobState state = JobState::kPending;
  double start_s = -1;
  double end_s = -1;
  Placement placement;      // valid while running and after
};

}  // namespace sovsim::sim
