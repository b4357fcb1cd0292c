// sim/sched/backfill_support.hpp — small helpers shared by the backfilling policies (easy,
// conservative): run times by the user's estimate (never the true duration) and placing a job in
// one given pool. Header-only, no state.
#pragma once

#include <algorithm>
#include <optional>

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

// Run time the job still needs by its estimate: estimate_s minus the work already done
// (duration_s - remaining_s). Never negative. For a job that never ran this is estimate_s.
inline double estimated_remaining_s(const Job& job) {
  return std::max(0.0, job.estimate_s - (job.duration_s - job.remaining_s));
}

// Expected end of a running job by its estimate, clamped to `now_s`: a job that overran its
// estimate is expected to end at once (it is not killed, so this is the only honest guess).
inline double estimated_end_s(const Job& job, double now_s) {
  return std::max(now_s, job.run_start_s + estimated_remaining_s(job));
}

// A free placement for `index` in `pool` now, by the configured placement strategy; nullopt if
// the job does not fit there now.
inline std::optional<Placement> placement_in_pool(const SchedulingContext& ctx, JobIndex index,
                                                  int pool) {
  return ctx.find_placement_in(index, pool);
}

}  // namespace sovsim::sim
