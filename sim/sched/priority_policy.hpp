// sim/sched/priority_policy.hpp — strict priority: jobs by tenant priority, then job priority,
// then arrival. A job that does not fit may preempt strictly lower-priority running jobs, chosen
// by least checkpoint loss; without backfill the first job that cannot start blocks the rest.
// Semantics and parameters: docs/scheduling-multitenant.md.
#pragma once

#include "sim/sched/policy.hpp"
#include "sim/sched/policy_params.hpp"

namespace sovsim::sim {

class PriorityPolicy final : public Policy {
 public:
  using Options = PriorityOptions;

  explicit PriorityPolicy(Options options) : options_(options) {}

  void schedule(SchedulingContext& ctx) override;

 private:
  Options options_;
};

}  // namespace sovsim::sim
