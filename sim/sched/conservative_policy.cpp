// sim/sched/conservative_policy.cpp — see conservative_policy.hpp. Each call rebuilds per pool a
// step profile of free GPUs over time, then walks the queue in arrival order, re-placing each
// job at its earliest slot. Cost per call: O(queue × profile segments), queue <= max_queue_scan,
// segments <= running jobs + 2 × reservations.
#include "sim/sched/conservative_policy.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>
#include <vector>

#include "models/common/yaml_reader.hpp"
#include "sim/sched/backfill_support.hpp"

namespace sovsim::sim {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

// Free GPUs of one pool as a step function of time: steps_[i].second GPUs are free from
// steps_[i].first until the next step's time; the last step lasts forever.
class Profile {
 public:
  // From the GPUs free at `now_s` and changes (time, delta GPUs); changes before now apply now.
  Profile(double now_s, int64_t free_gpus, std::vector<std::pair<double, int64_t>>& changes) {
    std::sort(changes.begin(), changes.end());
    steps_.emplace_back(now_s, free_gpus);
    for (const auto& [t_s, delta] : changes) {
      if (t_s > steps_.back().first) steps_.emplace_back(t_s, steps_.back().second);
      steps_.back().second += delta;
    }
  }

  // Adds `delta` GPUs over [from_s, to_s), clipped to the profile's start.
  void add(double from_s, double to_s, int64_t delta) {
    from_s = std::max(from_s, steps_.front().first);
    if (!(from_s < to_s) || delta == 0) return;
    const size_t first = split_at(from_s);
    const size_t last = to_s == kNever ? steps_.size() : split_at(to_s);
    for (size_t i = first; i < last; ++i) steps_[i].second += delta;
  }

  // Earliest step time t such that `gpus` are free throughout [t, t + duration_s), counting the
  // job's own reservation (`own_gpus` over [own_from_s, own_to_s)) as free; kNever if none.
  // Reading the own slot as free avoids taking it out of the profile when it does not move.
  double earliest_start(int64_t gpus, double duration_s, double own_from_s = 0, double own_to_s = 0,
                        int64_t own_gpus = 0) const {
    auto free_at = [&](size_t k) {
      const double t_s = steps_[k].first;
      return steps_[k].second + (own_from_s <= t_s && t_s < own_to_s ? own_gpus : 0);
    };
    for (size_t i = 0; i < steps_.size(); ++i) {
      if (free_at(i) < gpus) continue;
      const double end_s = steps_[i].first + duration_s;
      size_t j = i + 1;
      while (j < steps_.size() && steps_[j].first < end_s && free_at(j) >= gpus) ++j;
      if (j == steps_.size() || !(steps_[j].first < end_s)) return steps_[i].first;
      i = j;  // steps_[j] is too low: no window can start before it ends
    }
    return kNever;
  }

 private:
  // Index of the step starting exactly at `t_s` (> the first step), inserting one if needed.
  size_t split_at(double t_s) {
    auto it = std::lower_bound(steps_.begin(), steps_.end(), t_s,
                               [](const auto& step, double t) { return step.first < t; });
    const auto index = static_cast<size_t>(it - steps_.begin());
    if (it == steps_.end() || it->first != t_s) {
      steps_.insert(it, {t_s, std::prev(it)->second});  // may reallocate: `it` is dead after
    }
    return index;
  }

  std::vector<std::pair<double, int64_t>> steps_;
};

}  // namespace

std::optional<double> ConservativePolicy::reservation_s(JobIndex index) const {
  auto it = reservations_.find(index);
  if (it == reservations_.end()) return std::nullopt;
  return it->second.start_s;
}

void ConservativePolicy::schedule(SchedulingContext& ctx) {
  const Cluster& cluster = ctx.cluster();
  const double now_s = ctx.now();
  const auto& queue = ctx.queue();

  // Reservations of jobs that started or left the queue are gone.
  for (auto it = reservations_.begin(); it != reservations_.end();) {
    it = queue.count(it->first) ? std::next(it) : reservations_.erase(it);
  }

  // Per pool: running jobs' GPUs come back at their expected ends; reservations hold theirs.
  const size_t pool_count = cluster.pools().size();
  std::vector<std::vector<std::pair<double, int64_t>>> changes(pool_count);
  for (JobIndex r : ctx.running()) {
    const Job& job = ctx.job(r);
    changes[job.placement.pool].emplace_back(estimated_end_s(job, now_s), job.placement.gpus());
  }
  for (const auto& [index, r] : reservations_) {
    changes[r.pool].emplace_back(r.start_s, -r.gpus);
    changes[r.pool].emplace_back(r.end_s, r.gpus);
  }
  std::vector<Profile> profiles;
  profiles.reserve(pool_count);
  for (size_t p = 0; p < pool_count; ++p) {
    profiles.emplace_back(now_s, cluster.free_gpus(static_cast<int>(p)), changes[p]);
  }

  int64_t scanned = 0;
  for (auto it = queue.begin(); it != queue.end() && scanned < max_queue_scan_; ++scanned) {
    const JobIndex index = *it++;  // start() erases `index`; `it` has moved past it
    const Job& job = ctx.job(index);
    const auto old_it = reservations_.find(index);
    const Reservation* old = old_it == reservations_.end() ? nullptr : &old_it->second;
    const double duration_s = estimated_remaining_s(job);
    Reservation best;
    best.start_s = kNever;
    for (int pool : ctx.eligible_pools(index)) {
      if (!cluster.can_ever_fit(pool, job.gpus)) continue;
      const int64_t need = cluster.gpus_held(pool, job.gpus);
      const bool own = old && old->pool == pool;
      const double t_s = profiles[pool].earliest_start(need, duration_s, own ? old->start_s : 0,
                                                       own ? old->end_s : 0, own ? old->gpus : 0);
      if (t_s < best.start_s || (t_s == best.start_s && t_s < kNever && pool < best.pool)) {
        best = {pool, t_s, t_s + duration_s, need};
      }
    }
    if (best.pool < 0) continue;  // cannot happen for a queued (not rejected) job
    // A slot now with no placement (GPUs fragmented over nodes, or a job past its estimate still
    // holding its GPUs) is kept as a reservation; the next call places the job again.
    std::optional<Placement> placement;
    if (best.start_s <= now_s) placement = placement_in_pool(ctx, index, best.pool);
    const bool same_slot = old && old->pool == best.pool && old->start_s == best.start_s;
    if (same_slot && !placement) continue;  // the common case: the profile is unchanged
    if (old) {
      profiles[old->pool].add(old->start_s, old->end_s, old->gpus);
      reservations_.erase(old_it);
    }
    if (placement) {
      ctx.start(index, *placement);
      profiles[best.pool].add(now_s, now_s + duration_s, -placement->gpus());
    } else {
      profiles[best.pool].add(best.start_s, best.end_s, -best.gpus);
      reservations_[index] = best;
    }
  }
}

}  // namespace sovsim::sim
