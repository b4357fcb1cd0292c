// sim/sched/fcfs_policy.cpp — see fcfs_policy.hpp.
#include "sim/sched/fcfs_policy.hpp"

namespace sovsim::sim {

void FcfsPolicy::schedule(SchedulingContext& ctx) {
  while (!ctx.queue().empty()) {
    const JobIndex head = *ctx.queue().begin();
    auto placement = ctx.find_placement(head);
    if (!placement) return;  // the head blocks everyone behind it
    ctx.start(head, *placement);
  }
}

}  // namespace sovsim::sim
