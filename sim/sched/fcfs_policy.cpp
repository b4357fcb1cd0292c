// sim/sched/fcfs_policy.cpp — see fcfs_policy.hpp.
#include "sim/sched/fcfs_policy.hpp"

#include <algorithm>

namespace sovsim::sim {

void FcfsPolicy::schedule(SchedulingContext& ctx) {
  gate_.reset(ctx);
  heads_.clear();
  for (const auto& [eligibility, jobs] : ctx.partitions()) {
    if (!jobs.empty()) heads_.push_back({jobs.begin(), jobs.end()});
  }
  // A merge in arrival order; partitions are few, so a linear minimum.
  auto older = [](const Head& a, const Head& b) { return *a.next < *b.next; };
  while (!heads_.empty() && !gate_.all_closed()) {
    auto head = std::min_element(heads_.begin(), heads_.end(), older);
    const JobIndex index = *head->next++;  // start() erases it: step past it first
    if (auto placement = gate_.place(ctx, index)) {
      ctx.start(index, *placement);
      if (head->next != head->end) continue;
    } else {
      gate_.close(ctx, index);  // it waits: its pools close, and its partition (same pools)
    }
    *head = heads_.back();
    heads_.pop_back();
  }
}

}  // namespace sovsim::sim
