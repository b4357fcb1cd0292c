// sim/sched/policy_params.hpp — every policy's own parameters as typed values, read once when the
// scenario is loaded (policy_registry.cpp) and handed to the policy it names. Plain structs: the
// scenario holds them without depending on the policies.
#pragma once

#include <cstdint>
#include <vector>

namespace sovsim::sim {

struct FairShareOptions {
  // Preempt borrowed GPUs for a below-share tenant; false: lend, and wait for completions.
  bool reclaim = true;
  // A job that has run less than this (current segment) is never preempted: avoids thrashing
  // at the cost of a slower reclaim.
  double min_runtime_before_preempt_s = 0;
};

struct PriorityOptions {
  // A job that does not fit preempts lower-priority running jobs when that makes it fit.
  bool preempt = true;
  // Lower-priority jobs that fit may start while a higher-priority job waits (no reservation:
  // with preempt on, the waiting job takes its GPUs back; with it off, it may starve).
  bool backfill = false;
};

struct LasOptions {
  // Queue boundaries in GPU-hours of attained service, strictly increasing: K thresholds give
  // K + 1 queues (queue 0 = least service, served first). Empty: one FIFO queue.
  std::vector<double> queue_thresholds_gpu_h = {1, 10, 100};
  // A job queued longer than this since it last ran (or arrived) restarts at the top queue,
  // its attained service counted from then on. 0 = never.
  double starvation_promote_after_s = 0;
};

struct PolicyParams {
  int64_t max_queue_scan = 1000;  // conservative: queued jobs given a reservation per call
  bool blocking = false;          // sjf: the shortest job blocks the queue until it fits
  FairShareOptions fair_share;
  PriorityOptions priority;
  LasOptions las;
};

}  // namespace sovsim::sim
