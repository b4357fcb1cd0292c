// sim/sched/sjf_policy.cpp — see sjf_policy.hpp. Keeps the queue sorted by (duration, arrival)
// across calls and starts jobs in that order while GPUs remain free.
#include "sim/sched/sjf_policy.hpp"

#include <algorithm>

#include "sim/sched/partition_gate.hpp"

namespace sovsim::sim {

void SjfPolicy::schedule(SchedulingContext& ctx) {
  const auto& queue = ctx.queue();
  for (auto it = queue.lower_bound(next_unseen_); it != queue.end(); ++it) {
    order_.emplace(ctx.job(*it).duration_s, *it);
  }
  if (!queue.empty()) next_unseen_ = std::max(next_unseen_, *queue.rbegin() + 1);
  if (order_.size() != queue.size()) {
    // A job re-entered the queue behind our back (preempted): rebuild from the queue.
    order_.clear();
    for (JobIndex index : queue) order_.emplace(ctx.job(index).duration_s, index);
  }
  const Cluster& cluster = ctx.cluster();
  int64_t free_gpus = 0;
  for (size_t p = 0; p < cluster.pools().size(); ++p) {
    free_gpus += cluster.free_gpus(static_cast<int>(p));
  }
  // Ties in duration keep arrival order: the set orders equal durations by index. `blocking`:
  // a job that does not fit closes its pools (partition_gate.hpp).
  PartitionGate gate(ctx);
  for (auto it = order_.begin(); it != order_.end() && free_gpus > 0 && !gate.all_closed();) {
    const JobIndex index = it->second;
    auto placement = ctx.job(index).gpus > free_gpus ? std::nullopt : gate.place(ctx, index);
    if (!placement) {
      if (blocking_) gate.close(ctx, index);
      ++it;
      continue;
    }
    ctx.start(index, *placement);
    free_gpus -= placement->gpus();
    it = order_.erase(it);
  }
}

}  // namespace sovsim::sim
