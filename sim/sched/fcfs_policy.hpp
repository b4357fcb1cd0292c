// sim/sched/fcfs_policy.hpp — first-come first-served per partition, as Slurm partitions work:
// jobs start in arrival order; a job that does not fit closes the pools (site × hardware node
// groups) it may use, and no later job may start there — but jobs that may use other pools go
// on (partition_gate.hpp). On a single pool (an SWF replay) this is strict FCFS: the first job
// that does not fit stops the queue. No backfilling.
//
// Cost: the queue is visited as a merge, in arrival order, of its partitions' heads
// (SchedulingContext::partitions()); a partition whose head waits is dropped whole. A call costs
// O(partitions + jobs started), not O(queue): a fleet-year keeps tens of thousands of jobs queued
// at a saturated site while other sites start theirs.
#pragma once

#include <set>
#include <utility>
#include <vector>

#include "sim/sched/partition_gate.hpp"
#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class FcfsPolicy final : public Policy {
 public:
  void schedule(SchedulingContext& ctx) override;

 private:
  // Within a call (kept to reuse their storage): each partition still in the merge, by the next
  // of its jobs to visit, and the pools closed so far.
  struct Head {
    std::set<JobIndex>::const_iterator next, end;
  };
  std::vector<Head> heads_;
  PartitionGate gate_;
};

}  // namespace sovsim::sim
