// sim/sched/fcfs_policy.hpp — first-come first-served per partition, as Slurm partitions work:
// jobs start in arrival order; a job that does not fit closes the pools (site × hardware node
// groups) it may use, and no later job may start there — but jobs that may use other pools go
// on (partition_gate.hpp). On a single pool (an SWF replay) this is strict FCFS: the first job
// that does not fit stops the queue. No backfilling.
#pragma once

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class FcfsPolicy final : public Policy {
 public:
  void schedule(SchedulingContext& ctx) override;
};

}  // namespace sovsim::sim
