// sim/sched/fcfs_policy.hpp — first-come first-served per partition, as Slurm partitions work:
// jobs start in arrival order; a job that does not fit closes the pools (site × hardware node
// groups) it may use, and no later job may start there — but jobs that may use other pools go
// on (partition_gate.hpp). On a single pool (an SWF replay) this is strict FCFS: the first job
// that does not fit stops the queue. No backfilling.
//
// Cost: the queue is kept per eligibility class (jobs that may use the same pools) and visited
// as a merge of the classes' heads in arrival order; a class whose head waits is dropped whole.
// A call costs O(classes · log classes + jobs started), not O(queue): a fleet-year keeps tens of
// thousands of jobs queued at a saturated site while other sites start theirs.
#pragma once

#include <cstdint>
#include <map>
#include <set>

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class FcfsPolicy final : public Policy {
 public:
  void schedule(SchedulingContext& ctx) override;

 private:
  void sync(const SchedulingContext& ctx);  // by_class_ = the queue, by eligibility class

  std::map<uint32_t, std::set<JobIndex>> by_class_;  // eligibility -> queued jobs
  size_t tracked_ = 0;                               // jobs in by_class_
  JobIndex next_unseen_ = 0;                          // arrivals below this are tracked
};

}  // namespace sovsim::sim
