// sim/engine/policy_view.cpp — see policy_view.hpp.
#include "sim/engine/policy_view.hpp"

#include "sim/engine/controller.hpp"

namespace sovsim::sim {

PlacementStrategy placement_strategy(const std::string& name) {
  if (name == "pack") return PlacementStrategy::kPack;
  if (name == "topology") return PlacementStrategy::kTopology;
  return PlacementStrategy::kFirstFit;
}

double PolicyView::now() const { return controller_.now_s_; }
const std::set<JobIndex>& PolicyView::queue() const { return controller_.queue_; }
const std::map<uint32_t, std::set<JobIndex>>& PolicyView::partitions() const {
  return controller_.partitions_;
}
const Job& PolicyView::job(JobIndex index) const { return controller_.jobs_.jobs[index]; }
const Cluster& PolicyView::cluster() const { return controller_.cluster_; }
const std::set<JobIndex>& PolicyView::running() const { return controller_.running_; }
const std::vector<Tenant>& PolicyView::tenants() const { return controller_.tenants_; }
double PolicyView::tenant_busy_gpus(int tenant) const { return controller_.tenant_busy_gpus_[tenant]; }
const std::vector<int>& PolicyView::eligible_pools(JobIndex index) const {
  return controller_.jobs_.eligible_pools[controller_.jobs_.jobs[index].eligibility];
}
void PolicyView::start(JobIndex index, const Placement& placement) { controller_.start(index, placement); }
void PolicyView::preempt(JobIndex index) { controller_.preempt(index); }
void PolicyView::wake_at(double time_s) { controller_.wake_at(time_s); }

std::optional<Placement> PolicyView::find_placement(JobIndex index) const {
  for (int pool : eligible_pools(index)) {
    if (auto p = find_placement_in(index, pool)) return p;
  }
  return std::nullopt;
}

bool PolicyView::power_admits(int pool, int64_t gpus, int64_t stopped_gpus) const {
  return controller_.capacity_.admits(pool, gpus, stopped_gpus);
}

std::optional<Placement> PolicyView::find_placement_in(JobIndex index, int pool) const {
  const int64_t gpus = job(index).gpus;
  if (!power_admits(pool, cluster().gpus_held(pool, gpus), 0)) return std::nullopt;
  switch (strategy_) {
    case PlacementStrategy::kPack: return cluster().best_fit(pool, gpus);
    case PlacementStrategy::kTopology: return cluster().topology_fit(pool, gpus);
    case PlacementStrategy::kFirstFit: break;
  }
  return cluster().first_fit(pool, gpus);
}

}  // namespace sovsim::sim
