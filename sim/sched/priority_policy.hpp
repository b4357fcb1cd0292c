// sim/sched/priority_policy.hpp — strict priority: jobs by tenant priority, then job priority,
// then arrival. A job that does not fit may preempt strictly lower-priority running jobs, chosen
// by least checkpoint loss; without backfill the first job that cannot start blocks the rest.
// Semantics and parameters: docs/scheduling-multitenant.md.
#pragma once

#include "models/common/yaml_reader.hpp"
#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class PriorityPolicy final : public Policy {
 public:
  struct Options {
    // A job that does not fit preempts lower-priority running jobs when that makes it fit.
    bool preempt = true;
    // Lower-priority jobs that fit may start while a higher-priority job waits (no reservation:
    // with preempt on, the waiting job takes its GPUs back; with it off, it may starve).
    bool backfill = false;
  };

  explicit PriorityPolicy(Options options) : options_(options) {}
  // Reads `preempt` and `backfill` from the `scheduler:` map.
  explicit PriorityPolicy(MapReader& params);

  void schedule(SchedulingContext& ctx) override;

 private:
  Options options_;
};

}  // namespace sovsim::sim
