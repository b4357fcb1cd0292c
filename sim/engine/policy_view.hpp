// sim/engine/policy_view.hpp — the policy's view of a run (sched/policy.hpp's SchedulingContext):
// a thin adapter over the controller's state that reads the queue, jobs and cluster, finds
// placements with the configured strategy, and forwards start/preempt/wake-up requests.
#pragma once

#include <string>

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class Controller;

enum class PlacementStrategy { kFirstFit, kPack, kTopology };
// "first-fit", "pack" or "topology" (validated with the scenario).
PlacementStrategy placement_strategy(const std::string& name);

class PolicyView final : public SchedulingContext {
 public:
  PolicyView(Controller& controller, PlacementStrategy strategy)
      : controller_(controller), strategy_(strategy) {}

  double now() const override;
  const std::set<JobIndex>& queue() const override;
  const std::map<uint32_t, std::set<JobIndex>>& partitions() const override;
  const Job& job(JobIndex index) const override;
  const Cluster& cluster() const override;
  std::optional<Placement> find_placement(JobIndex index) const override;
  std::optional<Placement> find_placement_in(JobIndex index, int pool) const override;
  bool power_admits(int pool, int64_t gpus, int64_t stopped_gpus) const override;
  void start(JobIndex index, const Placement& placement) override;
  const std::set<JobIndex>& running() const override;
  void preempt(JobIndex index) override;
  const std::vector<Tenant>& tenants() const override;
  double tenant_busy_gpus(int tenant) const override;
  const std::vector<int>& eligible_pools(JobIndex index) const override;
  void wake_at(double time_s) override;

 private:
  Controller& controller_;
  const PlacementStrategy strategy_;
};

}  // namespace sovsim::sim
