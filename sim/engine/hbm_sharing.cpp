// sim/engine/hbm_sharing.cpp — see hbm_sharing.hpp.
#include "sim/engine/hbm_sharing.hpp"

#include <algorithm>
#include <numeric>

namespace sovsim::sim {

std::vector<double> max_min_shares(const std::vector<double>& demands) {
  std::vector<size_t> order(demands.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return demands[a] < demands[b]; });
  std::vector<double> shares(demands.size());
  double left = 1.0;
  for (size_t k = 0; k < order.size(); ++k) {
    const double fair = left / static_cast<double>(order.size() - k);
    const double share = std::min(demands[order[k]], fair);
    shares[order[k]] = share;
    left -= share;
  }
  return shares;
}

bool HbmSharing::tracks(int pool) const {
  const Pool& p = cluster_.pools()[pool];
  return p.partitioned && !p.isolated;
}

void HbmSharing::add(JobIndex job, const Placement& placement, double demand,
                     std::vector<SpeedChange>& changed) {
  const NodeId node = placement.slices.front().node;
  const int gpus = cluster_.pools()[placement.pool].physical_gpus_per_node();
  int64_t best = -1;
  size_t fewest = 0;
  for (int g = 0; g < gpus; ++g) {
    const int64_t key = int64_t{node} * gpus + g;
    const auto it = gpus_.find(key);
    const size_t n = it == gpus_.end() ? 0 : it->second.size();
    if (best < 0 || n < fewest) best = key, fewest = n;
  }
  std::vector<Occupant>& gpu = gpus_[best];
  gpu.push_back({job, demand, 1.0});
  where_[job] = best;
  reshare(gpu, changed);
}

void HbmSharing::remove(JobIndex job, std::vector<SpeedChange>& changed) {
  const auto at = where_.find(job);
  if (at == where_.end()) return;
  const auto it = gpus_.find(at->second);
  std::vector<Occupant>& gpu = it->second;
  gpu.erase(std::find_if(gpu.begin(), gpu.end(), [&](const Occupant& o) { return o.job == job; }));
  where_.erase(at);
  if (gpu.empty()) {
    gpus_.erase(it);
    return;
  }
  reshare(gpu, changed);
}

double HbmSharing::speed(JobIndex job) const {
  const auto at = where_.find(job);
  if (at == where_.end()) return 1.0;
  for (const Occupant& o : gpus_.at(at->second)) {
    if (o.job == job) return o.speed;
  }
  return 1.0;
}

void HbmSharing::reshare(std::vector<Occupant>& gpu, std::vector<SpeedChange>& changed) {
  std::vector<double> demands;
  demands.reserve(gpu.size());
  for (const Occupant& o : gpu) demands.push_back(o.demand);
  const std::vector<double> shares = max_min_shares(demands);
  for (size_t i = 0; i < gpu.size(); ++i) {
    const double speed = std::min(1.0, shares[i] / gpu[i].demand);
    if (speed != gpu[i].speed) {
      gpu[i].speed = speed;
      changed.emplace_back(gpu[i].job, speed);
    }
  }
}

}  // namespace sovsim::sim
