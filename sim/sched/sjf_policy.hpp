// sim/sched/sjf_policy.hpp — shortest job first, an oracle: it orders the queue by the TRUE
// duration (Job::duration_s, which real schedulers never know), so it is a bound to compare
// against, not a deployable policy. Non-blocking by default: a job that does not fit is skipped,
// so a large job can starve while shorter ones keep arriving.
#pragma once

#include <memory>
#include <set>
#include <utility>

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class SjfPolicy final : public Policy {
 public:
  // blocking: stop at the first job (in SJF order) that does not fit, instead of skipping it.
  explicit SjfPolicy(bool blocking = false) : blocking_(blocking) {}

  void schedule(SchedulingContext& ctx) override;

 private:
  bool blocking_;
  // The queue in SJF order, kept between calls so a call costs O(new arrivals × log queue) plus
  // the scan, not a sort of the whole queue. Only this policy takes jobs out of the queue.
  std::set<std::pair<double, JobIndex>> order_;  // (duration_s, index)
  JobIndex next_unseen_ = 0;                     // arrivals come in index order
};

}  // namespace sovsim::sim
