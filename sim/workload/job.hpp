// sim/workload/job.hpp — a job as the engine tracks it during a run: its request (compact form
// of JobSpec, with tenant and kind as indices) and its lifecycle. Jobs live in one vector indexed
// by JobIndex, in arrival order (submit time, then input order), so "queue order" is index order.
#pragma once

#include <cstdint>
#include <limits>

#include "sim/cluster/cluster.hpp"
#include "sim/workload/job_spec.hpp"

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
  int32_t profile = -1;     // index into the run's runtime profiles (model-defined jobs), or -1
  int32_t gpus = 1;
  int32_t priority = 0;
  double submit_s = 0;
  double duration_s = 0;
  double estimate_s = 0;
  double checkpoint_interval_s = 0;  // 0: a preempted job keeps all its work
  double checkpoint_bytes = 0;       // written to the site's storage at each checkpoint
  float network_fraction = 0;        // exposed scale-out comm share of its run time (see RunOptions)
  CheckpointRule checkpoint_rule = CheckpointRule::kFixed;
  JobState state = JobState::kPending;
  double start_s = -1;       // first start (wait = start_s - submit_s)
  double end_s = -1;
  double run_start_s = -1;   // start of the current (or last) run segment
  double remaining_s = 0;    // undisturbed run time still to do at run_start_s
  double held_s = 0;         // time spent holding GPUs, before the current segment
  double service_gpu_s = 0;  // GPU-seconds received before the current segment (LAS)
  int32_t preemptions = 0;
  bool restart_pending = false;  // failed since its last run: its next run restarts first
  bool service = false;          // an inference service: a failure costs a restart, no work
  uint32_t generation = 0;   // bumped on preemption; stale end events are ignored
  Placement placement;       // valid while running and after

  // Run time still needed if it keeps running from `now_s` (valid while running).
  double remaining_at(double now_s) const { return remaining_s - (now_s - run_start_s); }
  // Work lost if preempted at `now_s`: time since its last checkpoint (0 if none configured).
  double preemption_loss_at(double now_s) const;
};

}  // namespace sovsim::sim
