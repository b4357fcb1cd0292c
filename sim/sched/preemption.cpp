// sim/sched/preemption.cpp — see preemption.hpp.
#include "sim/sched/preemption.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

#include "sim/sched/partition_gate.hpp"

namespace sovsim::sim {

int64_t held_gpus(const SchedulingContext& ctx, const Job& job) {
  return ctx.cluster().gpus_held(job.placement.pool, job.gpus);
}

double held_gpu_equivalent(const SchedulingContext& ctx, const Job& job) {
  return static_cast<double>(held_gpus(ctx, job)) / job.placement.slots_per_gpu;
}

double attained_service_gpu_s(const SchedulingContext& ctx, const Job& job) {
  double s = job.service_gpu_s;
  if (job.state == JobState::kRunning) {
    s += held_gpu_equivalent(ctx, job) * (ctx.now() - job.run_start_s);
  }
  return s;
}

double TenantShare::usage_ratio() const {
  if (entitled_gpus <= 0) return std::numeric_limits<double>::infinity();
  return static_cast<double>(busy_gpus) / entitled_gpus;
}

std::vector<TenantShare> tenant_shares(const SchedulingContext& ctx) {
  const auto& tenants = ctx.tenants();
  const Cluster& cluster = ctx.cluster();
  std::vector<TenantShare> out(tenants.size());
  for (size_t t = 0; t < tenants.size(); ++t) {
    const auto& sites = tenants[t].sites;
    int64_t usable_gpus = 0;
    for (size_t p = 0; p < cluster.pools().size(); ++p) {
      const Pool& pool = cluster.pools()[p];
      if (sites.empty() || std::find(sites.begin(), sites.end(), pool.site_name) != sites.end()) {
        usable_gpus += cluster.open_gpus(static_cast<int>(p));
      }
    }
    // What it owns in service, plus its share of what nobody owns (docs/fleet.md#ownership).
    const double entitled = static_cast<double>(cluster.owned_open_gpus(static_cast<int>(t))) +
                            tenants[t].share * static_cast<double>(cluster.unowned_open_gpus());
    out[t].entitled_gpus = std::min(entitled, static_cast<double>(usable_gpus));
    out[t].busy_gpus = ctx.tenant_busy_gpus(static_cast<int>(t));
  }
  return out;
}

namespace {

// GPUs a set of victims would free on each node of one pool, and whether a job then fits there
// — in GPUs and, under a site power cap, in the watts they free.
class FreedGpus {
 public:
  FreedGpus(const SchedulingContext& ctx, int pool, int64_t gpus)
      : ctx_(ctx), cluster_(ctx.cluster()), pool_(pool), gpus_(gpus) {}

  void add(const Job& victim) {  // GPUs on closed (draining) nodes free nothing placeable
    for (const NodeSlice& s : victim.placement.slices) {
      if (cluster_.is_open(s.node)) freed_[s.node] += s.gpus;
      stopped_gpus_ += s.gpus;  // but they stop drawing power all the same
    }
  }

  bool fits() const {
    return gpus_fit() && ctx_.power_admits(pool_, cluster_.gpus_held(pool_, gpus_), stopped_gpus_);
  }

  // Exact for any placement that fills a request when capacity allows (first-fit, pack): a job
  // up to one node needs one node with room; a larger job needs ceil(gpus / gpus_per_node) idle
  // nodes, counting nodes the victims empty completely.
  bool gpus_fit() const {
    const int per_node = cluster_.pools()[pool_].gpus_per_node;
    if (gpus_ <= per_node) {
      if (cluster_.first_fit(pool_, gpus_)) return true;
      for (const auto& [node, f] : freed_) {
        if (cluster_.free_gpus_on(node) + f >= gpus_) return true;
      }
      return false;
    }
    const int64_t nodes = (gpus_ + per_node - 1) / per_node;
    int64_t emptied = 0;
    for (const auto& [node, f] : freed_) {
      const int free_now = cluster_.free_gpus_on(node);
      if (free_now < per_node && free_now + f == per_node) ++emptied;
    }
    const int64_t idle_needed = nodes - emptied;
    return idle_needed <= 0 || cluster_.first_fit(pool_, idle_needed * per_node).has_value();
  }

 private:
  const SchedulingContext& ctx_;
  const Cluster& cluster_;
  int pool_;
  int64_t gpus_;
  std::map<NodeId, int> freed_;
  int64_t stopped_gpus_ = 0;
};

struct PoolPlan {
  PreemptionPlan plan;
  size_t reach = 0;  // position in the candidate list of the least preferred victim used
};

std::optional<PoolPlan> plan_in_pool(const SchedulingContext& ctx, const Job& job, int pool,
                                     const std::vector<JobIndex>& candidates,
                                     const VictimFilter& admissible) {
  const Cluster& cluster = ctx.cluster();
  if (!cluster.can_ever_fit(pool, job.gpus) || cluster.first_fit(pool, job.gpus)) {
    return std::nullopt;
  }
  // Cheap bound first: even preempting every candidate of the pool would not free enough.
  int64_t reachable = cluster.free_gpus(pool);
  for (JobIndex c : candidates) {
    if (ctx.job(c).placement.pool == pool) reachable += held_gpus(ctx, ctx.job(c));
  }
  if (reachable < cluster.gpus_held(pool, job.gpus)) return std::nullopt;

  std::vector<JobIndex> chosen;
  std::vector<size_t> positions;
  FreedGpus freed(ctx, pool, job.gpus);
  bool fits = false;
  for (size_t i = 0; i < candidates.size() && !fits; ++i) {
    const Job& c = ctx.job(candidates[i]);
    if (c.placement.pool != pool) continue;
    if (admissible && !admissible(candidates[i], chosen)) continue;
    chosen.push_back(candidates[i]);
    positions.push_back(i);
    freed.add(c);
    fits = freed.fits();
  }
  if (!fits) return std::nullopt;

  // The last victim was needed; drop earlier ones that are not, least preferred first.
  for (size_t k = chosen.size() - 1; k-- > 0;) {
    FreedGpus without(ctx, pool, job.gpus);
    for (size_t m = 0; m < chosen.size(); ++m) {
      if (m != k) without.add(ctx.job(chosen[m]));
    }
    if (without.fits()) {
      chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(k));
      positions.erase(positions.begin() + static_cast<std::ptrdiff_t>(k));
    }
  }
  return PoolPlan{{pool, std::move(chosen)}, positions.back()};
}

}  // namespace

std::optional<PreemptionPlan> plan_preemption(const SchedulingContext& ctx, JobIndex job,
                                              const std::vector<JobIndex>& candidates,
                                              const VictimFilter& admissible) {
  std::optional<PoolPlan> best;
  for (int pool : ctx.eligible_pools(job)) {
    auto p = plan_in_pool(ctx, ctx.job(job), pool, candidates, admissible);
    if (!p) continue;
    if (!best || std::make_tuple(p->reach, p->plan.victims.size()) <
                     std::make_tuple(best->reach, best->plan.victims.size())) {
      best = std::move(p);
    }
  }
  if (!best) return std::nullopt;
  return std::move(best->plan);
}

void preempt_and_start(SchedulingContext& ctx, JobIndex job, const PreemptionPlan& plan) {
  for (JobIndex v : plan.victims) ctx.preempt(v);
  auto placement = ctx.find_placement(job);
  if (!placement) {
    throw std::logic_error("preemption plan for job " + std::to_string(ctx.job(job).id) +
                           " freed GPUs but the job still has no placement");
  }
  ctx.start(job, *placement);
}

std::vector<JobIndex> ranked_preemptive_pass(
    SchedulingContext& ctx, const std::function<Rank(JobIndex)>& rank,
    const std::function<bool(JobIndex a, JobIndex b)>& victim_before, RankedPassOptions options) {
  std::set<std::pair<Rank, JobIndex>> order;
  for (JobIndex j : ctx.queue()) order.emplace(rank(j), j);
  std::set<JobIndex> preempted_now;
  std::vector<JobIndex> preempted;
  int plans_left = kMaxPreemptionPlansPerCall;
  // Without backfill, a job that cannot start closes the pools it may use, as a partition's
  // queue does: later jobs may still start in other pools (other sites, other hardware).
  PartitionGate gate(ctx);

  // Victims are inserted behind the cursor (their rank is greater), so iterating the set while
  // inserting visits them later; std::set iterators stay valid on insertion.
  for (auto it = order.begin(); it != order.end(); ++it) {
    const auto [r, j] = *it;
    if (ctx.job(j).state != JobState::kQueued) continue;
    if (auto placement = gate.place(ctx, j)) {
      ctx.start(j, *placement);
      continue;
    }
    if (options.preempt && plans_left > 0 && !preempted_now.count(j)) {
      --plans_left;
      std::vector<JobIndex> candidates;
      for (JobIndex v : ctx.running()) {
        if (rank(v) > r) candidates.push_back(v);
      }
      std::sort(candidates.begin(), candidates.end(), victim_before);
      if (auto plan = plan_preemption(ctx, j, candidates)) {
        preempt_and_start(ctx, j, *plan);
        for (JobIndex v : plan->victims) {
          preempted_now.insert(v);
          preempted.push_back(v);
          order.emplace(rank(v), v);
        }
        continue;
      }
    }
    if (options.backfill) continue;
    gate.close(ctx, j);
    if (gate.all_closed()) break;
  }
  return preempted;
}

}  // namespace sovsim::sim
