// sim/sched/easy_policy.cpp — see easy_policy.hpp. One call: start jobs in arrival order while
// they fit; reserve for the blocked head; backfill later jobs (arrival order) that fit now and
// either end (by estimate) by the shadow time or fit in the extra GPUs.
#include "sim/sched/easy_policy.hpp"

#include <algorithm>
#include <iterator>

#include "sim/sched/backfill_support.hpp"

namespace sovsim::sim {
namespace {

int64_t max_free_gpus(const Cluster& cluster) {
  int64_t most = 0;
  for (size_t p = 0; p < cluster.pools().size(); ++p) {
    most = std::max(most, cluster.free_gpus(static_cast<int>(p)));
  }
  return most;
}

// A placement in an eligible pool other than `avoid`, in eligible order; nullopt if none.
std::optional<Placement> placement_avoiding(const SchedulingContext& ctx, JobIndex index,
                                            int avoid) {
  for (int pool : ctx.eligible_pools(index)) {
    if (pool == avoid) continue;
    if (auto p = ctx.find_placement_in(index, pool)) return p;
  }
  return std::nullopt;
}

}  // namespace

// Multi-GPU nodes (gpus_per_node > 1): the shadow time counts GPUs, not node shapes. A job
// larger than a node holds whole nodes, so the head needs gpus_held() GPUs and running jobs
// give back their placement's GPUs; but GPUs freed on different nodes may be too fragmented for
// the head's placement at the shadow time, and an "extra" backfill may land on a node the head
// would have needed. So on such pools the head can start later than its reservation. With
// gpus_per_node = 1 (SWF replays) every count is exact and this is textbook EASY.
EasyPolicy::Reservation EasyPolicy::reserve(const SchedulingContext& ctx, JobIndex head) {
  const Cluster& cluster = ctx.cluster();
  const Job& h = ctx.job(head);
  const double now_s = ctx.now();
  const auto& pools = ctx.eligible_pools(head);
  ends_by_pool_.resize(cluster.pools().size());
  wanted_pool_.assign(cluster.pools().size(), 0);
  for (int p : pools) {
    ends_by_pool_[p].clear();
    wanted_pool_[p] = 1;
  }
  // One pass over the running jobs, then one sort per eligible pool: O(R log R) per call.
  for (JobIndex r : ctx.running()) {
    const Job& job = ctx.job(r);
    if (!wanted_pool_[job.placement.pool]) continue;
    ends_by_pool_[job.placement.pool].push_back(
        {estimated_end_s(job, now_s), job.placement.gpus()});
  }
  Reservation best;
  for (int p : pools) {
    if (!cluster.can_ever_fit(p, h.gpus)) continue;
    auto& ends = ends_by_pool_[p];
    std::sort(ends.begin(), ends.end(),
              [](const End& a, const End& b) { return a.end_s < b.end_s; });
    const int64_t need = cluster.gpus_held(p, h.gpus);
    int64_t avail = cluster.free_gpus(p);
    double shadow_s = now_s;
    size_t i = 0;
    for (; avail < need && i < ends.size(); ++i) {
      shadow_s = ends[i].end_s;
      avail += ends[i].gpus;
    }
    // Every job ending at the shadow instant gives its GPUs back then too.
    for (; i < ends.size() && ends[i].end_s <= shadow_s; ++i) avail += ends[i].gpus;
    // Not enough even when every running job has ended: capacity still to be delivered (docs/
    // fleet.md) is what the head waits for here; no reservation in this pool.
    if (avail < need) continue;
    if (best.pool < 0 || shadow_s < best.shadow_s || (shadow_s == best.shadow_s && p < best.pool)) {
      best = {p, shadow_s, avail - need};
    }
  }
  return best;
}

void EasyPolicy::schedule(SchedulingContext& ctx) {
  const auto& queue = ctx.queue();
  while (!queue.empty()) {
    const JobIndex head = *queue.begin();
    auto placement = ctx.find_placement(head);
    if (!placement) break;
    ctx.start(head, *placement);
  }
  if (queue.size() < 2) return;

  const JobIndex head = *queue.begin();
  const double now_s = ctx.now();
  int64_t free_max = max_free_gpus(ctx.cluster());
  std::optional<Reservation> reservation;  // computed at the first candidate that may fit now
  // start() erases the started job from the queue; `it` has already moved past it.
  for (auto it = std::next(queue.begin()); it != queue.end() && free_max > 0;) {
    const JobIndex index = *it++;
    const Job& job = ctx.job(index);
    if (job.gpus > free_max) continue;  // cheap rejection before any placement search
    if (!reservation) reservation = reserve(ctx, head);
    const bool ends_by_shadow = now_s + estimated_remaining_s(job) <= reservation->shadow_s;
    const auto& pools = ctx.eligible_pools(index);
    if (!ends_by_shadow && pools.size() == 1 && pools[0] == reservation->pool &&
        ctx.cluster().gpus_held(reservation->pool, job.gpus) > reservation->extra_gpus) {
      continue;  // it could only run in the reserved pool, and would delay the head there
    }
    auto placement = ctx.find_placement(index);
    if (!placement) continue;
    if (placement->pool == reservation->pool) {
      const int64_t held = placement->gpus();
      if (ends_by_shadow) {
        // Its GPUs are back by the shadow time: the head loses nothing.
      } else if (held <= reservation->extra_gpus) {
        reservation->extra_gpus -= held;
      } else {
        // It would delay the head in this pool; any other pool it may use is not reserved.
        placement = placement_avoiding(ctx, index, reservation->pool);
        if (!placement) continue;
      }
    }
    ctx.start(index, *placement);
    free_max = max_free_gpus(ctx.cluster());
  }
}

}  // namespace sovsim::sim
