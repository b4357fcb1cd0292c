// sim/sched/priority_policy.cpp — see priority_policy.hpp.
#include "sim/sched/priority_policy.hpp"

#include <tuple>

#include "sim/sched/preemption.hpp"

namespace sovsim::sim {

void PriorityPolicy::schedule(SchedulingContext& ctx) {
  // Higher priority = smaller rank; tenant priority dominates job priority.
  auto rank = [&ctx](JobIndex j) {
    const Job& job = ctx.job(j);
    return Rank{-int64_t{ctx.tenants()[job.tenant].priority}, -int64_t{job.priority}};
  };
  // Checkpoint-aware victim cost: the work lost (time since the victim's last checkpoint) first,
  // then the lowest priority, then the most recently started (the least sunk cost).
  const double now = ctx.now();
  auto victim_before = [&](JobIndex a, JobIndex b) {
    const Job& x = ctx.job(a);
    const Job& y = ctx.job(b);
    return std::make_tuple(x.preemption_loss_at(now), -rank(a).first, -rank(a).second,
                           -x.run_start_s, -int64_t{a}) <
           std::make_tuple(y.preemption_loss_at(now), -rank(b).first, -rank(b).second,
                           -y.run_start_s, -int64_t{b});
  };
  ranked_preemptive_pass(ctx, rank, victim_before, {options_.preempt, options_.backfill});
}

}  // namespace sovsim::sim
