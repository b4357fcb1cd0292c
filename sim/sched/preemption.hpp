// sim/sched/preemption.hpp — what the preemptive policies (fair-share, priority, las) share:
// attained service, tenant entitlement vs usage, choosing running jobs to preempt so a queued job
// fits (checked exactly before anything is preempted), and the rank-ordered preemptive pass of
// priority and las. No policy state here; semantics in docs/scheduling-multitenant.md.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

// GPUs a running job holds: itself, or whole nodes for a job larger than a node. O(1), unlike
// summing Placement::slices of a large job.
int64_t held_gpus(const SchedulingContext& ctx, const Job& job);
// The same in GPUs: a slot of a partitioned group counts as its share of one (entitlements and
// attained service are in GPUs; held_gpus() is in the cluster's units).
double held_gpu_equivalent(const SchedulingContext& ctx, const Job& job);

// GPU-seconds a job has held so far, its current run segment included (Tiresias' "attained
// service": GPUs x time). Counts held GPUs, like Job::service_gpu_s.
double attained_service_gpu_s(const SchedulingContext& ctx, const Job& job);

// One tenant's entitlement and usage at the current instant.
struct TenantShare {
  double entitled_gpus = 0;  // share x fleet GPUs, capped at the GPUs of the sites it may use
  double busy_gpus = 0;
  // busy / entitled; +infinity when nothing is entitled (share 0), so such tenants come last.
  double usage_ratio() const;
  bool over_share() const { return busy_gpus > entitled_gpus; }
  bool below_share() const { return busy_gpus < entitled_gpus; }
};

// Per tenant (index = tenant). A tenant confined to some sites (Tenant::sites) is entitled to
// no more than the GPUs of those sites.
std::vector<TenantShare> tenant_shares(const SchedulingContext& ctx);

// Running jobs to preempt so that a queued job fits, all in one pool.
struct PreemptionPlan {
  int pool = -1;
  std::vector<JobIndex> victims;  // in preemption order
};

// Decides whether a candidate may join the victims already chosen (e.g. "does not take its
// tenant below its share"). Must be monotone: dropping chosen victims never makes one inadmissible.
using VictimFilter = std::function<bool(JobIndex candidate, const std::vector<JobIndex>& chosen)>;

// Which of `candidates` (running jobs, most preferred victim first) to preempt so that `job` fits
// in one of its eligible pools, checked exactly against the placement rule (a job up to one node
// needs one node with room; a larger job needs ceil(gpus / gpus_per_node) idle nodes). Per pool:
// take admissible candidates of that pool in order until the job fits, then drop any victim not
// needed. Among pools, the plan reaching least far down the preference list wins, then fewer
// victims, then pool order. nullopt: no plan (also when the job already fits, or when the pool's
// free + candidate GPUs are too few).
std::optional<PreemptionPlan> plan_preemption(const SchedulingContext& ctx, JobIndex job,
                                              const std::vector<JobIndex>& candidates,
                                              const VictimFilter& admissible = {});

// Preempts the plan's victims, then starts `job`. Throws std::logic_error if the job then has
// no placement (plan_preemption guarantees one; failing would mean a broken fit check).
void preempt_and_start(SchedulingContext& ctx, JobIndex job, const PreemptionPlan& plan);

// Bounds the work of one schedule() call on huge queues: at most this many preemption plans are
// attempted per call; jobs beyond it try again at the next event.
inline constexpr int kMaxPreemptionPlansPerCall = 64;

// Rank of a job in a ranked pass: smaller is served first, ties in arrival order.
using Rank = std::pair<int64_t, int64_t>;

struct RankedPassOptions {
  bool preempt = true;   // a job that does not fit may preempt running jobs of a greater rank
  // false: a job that cannot start blocks the pools it may use for every job after it (a
  // partition queue; on one pool, the whole queue)
  bool backfill = true;
};

// Visits queued jobs by (rank, arrival) and starts those that fit. With `preempt`, a job that
// does not fit asks plan_preemption for victims among running jobs of strictly greater rank,
// ordered by `victim_before` (most preferred victim first). Victims rejoin the visit order and may
// restart in leftover room, but never trigger a preemption in the same call, so each job is
// preempted at most once per call and the call terminates. Returns the jobs preempted.
std::vector<JobIndex> ranked_preemptive_pass(
    SchedulingContext& ctx, const std::function<Rank(JobIndex)>& rank,
    const std::function<bool(JobIndex a, JobIndex b)>& victim_before, RankedPassOptions options);

}  // namespace sovsim::sim
