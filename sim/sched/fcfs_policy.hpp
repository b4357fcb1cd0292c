// sim/sched/fcfs_policy.hpp — strict first-come first-served: start jobs in arrival order until
// the first one that does not fit; nothing behind it may start (no backfilling).
#pragma once

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class FcfsPolicy final : public Policy {
 public:
  void schedule(SchedulingContext& ctx) override;
};

}  // namespace sovsim::sim
