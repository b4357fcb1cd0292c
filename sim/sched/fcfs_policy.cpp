// sim/sched/fcfs_policy.cpp — see fcfs_policy.hpp.
#include "sim/sched/fcfs_policy.hpp"

#include "sim/sched/partition_gate.hpp"

namespace sovsim::sim {

void FcfsPolicy::schedule(SchedulingContext& ctx) {
  PartitionGate gate(ctx);
  const std::set<JobIndex>& queue = ctx.queue();
  for (auto it = queue.begin(); it != queue.end() && !gate.all_closed();) {
    const JobIndex index = *it++;  // start() erases it from the queue
    if (auto placement = gate.place(ctx, index)) {
      ctx.start(index, *placement);
    } else {
      gate.close(ctx, index);
    }
  }
}

}  // namespace sovsim::sim
