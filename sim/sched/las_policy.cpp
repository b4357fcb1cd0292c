// sim/sched/las_policy.cpp — see las_policy.hpp.
#include "sim/sched/las_policy.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "sim/sched/preemption.hpp"

namespace sovsim::sim {
namespace {

constexpr double kSecondsPerHour = 3600;
// Service within this of a threshold counts as crossed: a wake-up computed for the crossing
// instant may land a rounding error short of it (a millisecond of one GPU is far below that).
constexpr double kServiceEpsilonGpuS = 1e-3;

}  // namespace

int LasPolicy::queue_of(double service_gpu_s) const {
  int q = 0;
  for (double threshold_gpu_h : options_.queue_thresholds_gpu_h) {
    if (service_gpu_s < threshold_gpu_h * kSecondsPerHour - kServiceEpsilonGpuS) break;
    ++q;
  }
  return q;
}

double LasPolicy::counted_service_gpu_s(const SchedulingContext& ctx, JobIndex j) const {
  const double attained = attained_service_gpu_s(ctx, ctx.job(j));
  auto it = service_offset_gpu_s_.find(j);
  return it == service_offset_gpu_s_.end() ? attained : attained - it->second;
}

void LasPolicy::promote_starved(const SchedulingContext& ctx) {
  if (options_.starvation_promote_after_s <= 0) return;
  for (JobIndex j : ctx.queue()) {
    auto since = queued_since_s_.find(j);
    const double queued_since_s =
        since == queued_since_s_.end() ? ctx.job(j).submit_s : since->second;
    if (ctx.now() - queued_since_s < options_.starvation_promote_after_s) continue;
    if (queue_of(counted_service_gpu_s(ctx, j)) == 0) continue;
    service_offset_gpu_s_[j] = attained_service_gpu_s(ctx, ctx.job(j));
  }
}

void LasPolicy::ask_next_wake(SchedulingContext& ctx) {
  // Demotions and promotions only change decisions when someone waits; an arrival or an end
  // calls the policy anyway.
  if (ctx.queue().empty()) return;
  const double now = ctx.now();
  const auto& thresholds = options_.queue_thresholds_gpu_h;
  double next = std::numeric_limits<double>::infinity();
  // Demotion: the earliest instant a running job reaches its queue's upper threshold.
  for (JobIndex j : ctx.running()) {
    const double service = counted_service_gpu_s(ctx, j);
    const int q = queue_of(service);
    if (q >= static_cast<int>(thresholds.size())) continue;
    const double gpus = held_gpu_equivalent(ctx, ctx.job(j));
    next = std::min(next, now + (thresholds[q] * kSecondsPerHour - service) / gpus);
  }
  // Promotion: the earliest instant a waiting job below the top queue starves.
  if (options_.starvation_promote_after_s > 0) {
    for (JobIndex j : ctx.queue()) {
      if (queue_of(counted_service_gpu_s(ctx, j)) == 0) continue;
      auto since = queued_since_s_.find(j);
      const double queued_since_s =
          since == queued_since_s_.end() ? ctx.job(j).submit_s : since->second;
      next = std::min(next, queued_since_s + options_.starvation_promote_after_s);
    }
  }
  // One pending wake-up at a time: an earlier one will recompute this when it fires.
  const bool covered = pending_wake_s_ > now && pending_wake_s_ <= next;
  if (std::isfinite(next) && next > now && !covered) {
    ctx.wake_at(next);
    pending_wake_s_ = next;
  }
}

void LasPolicy::schedule(SchedulingContext& ctx) {
  // Forget jobs that finished (offsets) or are no longer waiting (preemption times).
  std::erase_if(service_offset_gpu_s_,
                [&](const auto& kv) { return ctx.job(kv.first).state == JobState::kCompleted; });
  std::erase_if(queued_since_s_,
                [&](const auto& kv) { return ctx.job(kv.first).state != JobState::kQueued; });
  promote_starved(ctx);

  // Ranks are fixed within the call: service changes only with time.
  auto rank = [&](JobIndex j) { return Rank{queue_of(counted_service_gpu_s(ctx, j)), 0}; };
  // Victims: the lowest queue first (most service), then least checkpoint loss, then most
  // attained service, then the latest arrival.
  const double now = ctx.now();
  auto victim_before = [&](JobIndex a, JobIndex b) {
    return std::make_tuple(-rank(a).first, ctx.job(a).preemption_loss_at(now),
                           -counted_service_gpu_s(ctx, a), -int64_t{a}) <
           std::make_tuple(-rank(b).first, ctx.job(b).preemption_loss_at(now),
                           -counted_service_gpu_s(ctx, b), -int64_t{b});
  };
  for (JobIndex v : ranked_preemptive_pass(ctx, rank, victim_before, {true, true})) {
    queued_since_s_[v] = now;
  }
  ask_next_wake(ctx);
}

}  // namespace sovsim::sim
