// sim/sched/fair_share_policy.cpp — see fair_share_policy.hpp.
#include "sim/sched/fair_share_policy.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "sim/sched/preemption.hpp"

namespace sovsim::sim {
namespace {

// Running jobs that may be preempted for `claimant`: jobs of other, over-share tenants that have
// run at least `min_runtime_s`; most over-share tenant first, then least checkpoint loss, then the
// most recently started. A victim may not take its tenant below its entitlement.
std::optional<PreemptionPlan> reclaim_plan(const SchedulingContext& ctx, JobIndex claimant,
                                           const std::vector<TenantShare>& shares,
                                           double min_runtime_s) {
  const double now = ctx.now();
  const int tenant = ctx.job(claimant).tenant;
  std::vector<JobIndex> candidates;
  for (JobIndex v : ctx.running()) {
    const Job& job = ctx.job(v);
    if (job.tenant == tenant || !shares[job.tenant].over_share()) continue;
    if (now - job.run_start_s < min_runtime_s) continue;
    candidates.push_back(v);
  }
  auto key = [&](JobIndex v) {
    const Job& job = ctx.job(v);
    return std::make_tuple(-shares[job.tenant].usage_ratio(), job.preemption_loss_at(now),
                           -job.run_start_s, -static_cast<int64_t>(v));
  };
  std::sort(candidates.begin(), candidates.end(),
            [&](JobIndex a, JobIndex b) { return key(a) < key(b); });
  auto keeps_share = [&](JobIndex c, const std::vector<JobIndex>& chosen) {
    const int u = ctx.job(c).tenant;
    double taken = held_gpu_equivalent(ctx, ctx.job(c));
    for (JobIndex v : chosen) {
      if (ctx.job(v).tenant == u) taken += held_gpu_equivalent(ctx, ctx.job(v));
    }
    return shares[u].busy_gpus - taken >= shares[u].entitled_gpus;
  };
  return plan_preemption(ctx, claimant, candidates, keeps_share);
}

}  // namespace

void FairSharePolicy::schedule(SchedulingContext& ctx) {
  std::vector<TenantShare> shares = tenant_shares(ctx);
  const size_t tenants = shares.size();
  std::vector<std::set<JobIndex>> waiting(tenants);  // not yet tried in this call, per tenant
  for (JobIndex j : ctx.queue()) waiting[ctx.job(j).tenant].insert(j);
  std::set<JobIndex> preempted_now;  // may restart, but not reclaim, in this call
  int plans_left = kMaxPreemptionPlansPerCall;
  // Per eligible-pool list, the fewest GPUs found not to fit in this call: a larger job cannot
  // fit either, as free GPUs only shrink until the next reclaim (which clears this).
  std::map<uint32_t, int32_t> smallest_misfit;

  // Each round starts a job or drops one from this call's candidates (free GPUs only shrink
  // within a call, except by a reclaim, which frees just what its claimant needs). A job reclaims
  // at most once per call and victims never reclaim in the same call: the call terminates.
  while (true) {
    for (size_t t = 0; t < tenants; ++t) shares[t].busy_gpus = ctx.tenant_busy_gpus(int(t));
    int best = -1;
    for (size_t t = 0; t < tenants; ++t) {
      if (waiting[t].empty()) continue;
      if (best < 0 || std::make_tuple(shares[t].usage_ratio(), shares[t].busy_gpus) <
                          std::make_tuple(shares[best].usage_ratio(), shares[best].busy_gpus)) {
        best = static_cast<int>(t);
      }
    }
    if (best < 0) return;
    // The tenant's earliest job that can start: a job that does not fit (and cannot reclaim)
    // does not hold back the tenant's later jobs (best-effort FIFO, as Kueue's default).
    const JobIndex head = *waiting[best].begin();
    waiting[best].erase(head);
    const Job& job = ctx.job(head);
    auto misfit = smallest_misfit.find(job.eligibility);
    if (misfit == smallest_misfit.end() || job.gpus < misfit->second) {
      if (auto placement = ctx.find_placement(head)) {
        ctx.start(head, *placement);
        continue;
      }
      smallest_misfit[job.eligibility] = job.gpus;
    }
    if (options_.reclaim && shares[best].below_share() && !preempted_now.count(head) &&
        plans_left > 0) {
      --plans_left;
      if (auto plan = reclaim_plan(ctx, head, shares, options_.min_runtime_before_preempt_s)) {
        preempt_and_start(ctx, head, *plan);
        smallest_misfit.clear();
        for (JobIndex v : plan->victims) {
          preempted_now.insert(v);
          waiting[ctx.job(v).tenant].insert(v);
        }
        continue;
      }
    }
  }
}

}  // namespace sovsim::sim
