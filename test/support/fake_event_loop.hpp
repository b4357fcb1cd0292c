// test/support/fake_event_loop.hpp — a tiny discrete-event loop over FakeSchedulingContext for
// policy property tests: at each instant, completions (by true duration), then arrivals, then one
// policy call, as the controller does. No engine, no wake_at (the policies under test need none).
#pragma once

#include <algorithm>
#include <limits>
#include <vector>

#include "models/common/rng.hpp"
#include "test/support/fake_scheduling_context.hpp"

namespace sovsim::test {

struct LoopJob {
  double submit_s = 0;
  int gpus = 1;
  double duration_s = 1;
  double estimate_s = 1;  // >= duration_s unless a test wants overruns
};

// A random small workload on `max_gpus`-GPU flat clusters: integer times (so ties are common),
// estimates from exact to 3x the duration. Sorted by submit time.
inline std::vector<LoopJob> random_workload(uint64_t seed, int jobs, int max_gpus) {
  Rng rng(seed);
  std::vector<LoopJob> out;
  double t_s = 0;
  for (int i = 0; i < jobs; ++i) {
    LoopJob j;
    t_s += static_cast<double>(rng.below(6));
    j.submit_s = t_s;
    // Mostly small jobs, some wide ones: the mix that makes backfilling matter.
    j.gpus = rng.below(4) == 0 ? 1 + static_cast<int>(rng.below(max_gpus))
                               : 1 + static_cast<int>(rng.below(std::max(1, max_gpus / 3)));
    j.duration_s = 1 + static_cast<double>(rng.below(30));
    j.estimate_s =
        j.duration_s + static_cast<double>(rng.below(2 * static_cast<uint64_t>(j.duration_s)));
    out.push_back(j);
  }
  return out;
}

// Runs `jobs` to completion under `policy`. After each policy call, `after_call(ctx, started)`
// sees the jobs started by that call. Returns false if some job never started (a stuck queue).
template <class PolicyT, class Hook>
bool run_fake_loop(FakeSchedulingContext& ctx, PolicyT& policy, const std::vector<LoopJob>& jobs,
                   Hook after_call) {
  constexpr double kNone = std::numeric_limits<double>::infinity();
  size_t next = 0;
  while (true) {
    double t_s = next < jobs.size() ? jobs[next].submit_s : kNone;
    for (sim::JobIndex r : ctx.running()) {
      t_s = std::min(t_s, ctx.job(r).run_start_s + ctx.job(r).remaining_s);
    }
    if (t_s == kNone) break;
    ctx.set_now(t_s);
    std::vector<sim::JobIndex> done;
    for (sim::JobIndex r : ctx.running()) {
      if (ctx.job(r).run_start_s + ctx.job(r).remaining_s <= t_s) done.push_back(r);
    }
    for (sim::JobIndex d : done) ctx.complete(d);
    for (; next < jobs.size() && jobs[next].submit_s <= t_s; ++next) {
      ctx.submit(jobs[next].gpus, jobs[next].duration_s, 0, jobs[next].estimate_s);
    }
    if (ctx.queue().empty()) continue;
    const size_t before = ctx.started.size();
    policy.schedule(ctx);
    after_call(ctx, std::vector<sim::JobIndex>(ctx.started.begin() + before, ctx.started.end()));
  }
  return ctx.queue().empty();
}

}  // namespace sovsim::test
