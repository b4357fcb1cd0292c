// sim/sched/fair_share_policy.hpp — multi-tenant fair share with lending and reclaim: tenants are
// served in order of usage / entitlement (Tenant::share of the fleet), idle GPUs are lent to any
// tenant that can use them, and a tenant below its share takes lent GPUs back by preempting jobs
// of over-share tenants. Semantics and parameters: docs/scheduling-multitenant.md.
#pragma once

#include "sim/sched/policy.hpp"
#include "sim/sched/policy_params.hpp"

namespace sovsim::sim {

class FairSharePolicy final : public Policy {
 public:
  using Options = FairShareOptions;

  explicit FairSharePolicy(Options options) : options_(options) {}

  void schedule(SchedulingContext& ctx) override;

 private:
  Options options_;
};

}  // namespace sovsim::sim
