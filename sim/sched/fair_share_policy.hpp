// sim/sched/fair_share_policy.hpp — multi-tenant fair share with lending and reclaim: tenants are
// served in order of usage / entitlement (Tenant::share of the fleet), idle GPUs are lent to any
// tenant that can use them, and a tenant below its share takes lent GPUs back by preempting jobs
// of over-share tenants. Semantics and parameters: docs/scheduling-multitenant.md.
#pragma once

#include "models/common/yaml_reader.hpp"
#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class FairSharePolicy final : public Policy {
 public:
  struct Options {
    // Preempt borrowed GPUs for a below-share tenant; false: lend, and wait for completions.
    bool reclaim = true;
    // A job that has run less than this (current segment) is never preempted: avoids thrashing
    // at the cost of a slower reclaim.
    double min_runtime_before_preempt_s = 0;
  };

  explicit FairSharePolicy(Options options) : options_(options) {}
  // Reads `reclaim` and `min_runtime_before_preempt` from the `scheduler:` map.
  explicit FairSharePolicy(MapReader& params);

  void schedule(SchedulingContext& ctx) override;

 private:
  Options options_;
};

}  // namespace sovsim::sim
