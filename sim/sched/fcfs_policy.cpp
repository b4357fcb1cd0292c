// sim/sched/fcfs_policy.cpp — see fcfs_policy.hpp.
#include "sim/sched/fcfs_policy.hpp"

#include <queue>
#include <utility>
#include <vector>

#include "sim/sched/partition_gate.hpp"

namespace sovsim::sim {

void FcfsPolicy::sync(const SchedulingContext& ctx) {
  const std::set<JobIndex>& queue = ctx.queue();
  for (auto it = queue.lower_bound(next_unseen_); it != queue.end(); ++it) {
    by_class_[ctx.job(*it).eligibility].insert(*it);
    ++tracked_;
  }
  if (!queue.empty()) next_unseen_ = std::max(next_unseen_, *queue.rbegin() + 1);
  if (tracked_ == queue.size()) return;
  // A job re-entered the queue (failure, preemption): rebuild from the queue.
  by_class_.clear();
  for (JobIndex index : queue) by_class_[ctx.job(index).eligibility].insert(index);
  tracked_ = queue.size();
}

void FcfsPolicy::schedule(SchedulingContext& ctx) {
  sync(ctx);
  PartitionGate gate(ctx);
  using Head = std::pair<JobIndex, uint32_t>;  // (oldest queued job of a class, class)
  std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
  for (const auto& [eligibility, jobs] : by_class_) {
    if (!jobs.empty()) heads.emplace(*jobs.begin(), eligibility);
  }
  while (!heads.empty() && !gate.all_closed()) {
    const auto [index, eligibility] = heads.top();
    heads.pop();
    auto placement = gate.place(ctx, index);
    if (!placement) {  // it waits: its pools close, and its class (same pools) with it
      gate.close(ctx, index);
      continue;
    }
    ctx.start(index, *placement);
    std::set<JobIndex>& jobs = by_class_[eligibility];
    jobs.erase(jobs.begin());
    --tracked_;
    if (!jobs.empty()) heads.emplace(*jobs.begin(), eligibility);
  }
}

}  // namespace sovsim::sim
