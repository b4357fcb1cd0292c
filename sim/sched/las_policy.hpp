// sim/sched/las_policy.hpp — Tiresias-style two-dimensional least attained service (Gu et al.,
// NSDI'19): a job's attained service is GPUs x time run; jobs sit in K queues split by service
// thresholds, FIFO within a queue; a job that does not fit preempts running jobs of lower queues.
// Optional starvation promotion back to the top queue. Semantics: docs/scheduling-multitenant.md.
#pragma once

#include <map>
#include <vector>

#include "sim/sched/policy.hpp"
#include "sim/sched/policy_params.hpp"

namespace sovsim::sim {

class LasPolicy final : public Policy {
 public:
  using Options = LasOptions;

  explicit LasPolicy(Options options) : options_(std::move(options)) {}

  void schedule(SchedulingContext& ctx) override;

  // Queue of a job with `service_gpu_s` of (counted) attained service: 0 = top.
  int queue_of(double service_gpu_s) const;

 private:
  double counted_service_gpu_s(const SchedulingContext& ctx, JobIndex j) const;
  void promote_starved(const SchedulingContext& ctx);
  void ask_next_wake(SchedulingContext& ctx);

  Options options_;
  std::map<JobIndex, double> service_offset_gpu_s_;  // service not counted (before a promotion)
  std::map<JobIndex, double> queued_since_s_;        // preempted jobs: when they were preempted
  double pending_wake_s_ = -1;                       // last wake_at() asked
};

}  // namespace sovsim::sim
