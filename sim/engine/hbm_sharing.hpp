// sim/engine/hbm_sharing.hpp — jobs sharing one GPU's HBM bandwidth on `shared` node groups
// (docs/gpu-sharing.md). Each job there holds one slot of a node; it runs on the node's GPU with
// the fewest jobs (the lowest index on a tie), and the GPU's bandwidth is shared max-min fairly
// among the demands of its jobs (JobTable::GpuShare, a share of the GPU's bandwidth): a job whose
// demand fits its fair share gets it all, the others split the rest equally. A job's speed is
// what it gets over what it demands (1 when the demands add up to at most 1). MIG slices and
// whole GPUs never share bandwidth and are not tracked here.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/workload/job.hpp"

namespace sovsim::sim {

// Max-min fair shares of a capacity of 1 among `demands` (each > 0), in their order.
std::vector<double> max_min_shares(const std::vector<double>& demands);

class HbmSharing {
 public:
  using SpeedChange = std::pair<JobIndex, double>;  // a job and its new speed

  explicit HbmSharing(const Cluster& cluster) : cluster_(cluster) {}

  // Whether jobs on `pool` share HBM bandwidth (a `shared` group).
  bool tracks(int pool) const;
  // The job has started on `placement` (one slot of a shared group) with bandwidth demand
  // `demand`: appends to `changed` every job of its GPU whose speed changed (a job starts at 1).
  void add(JobIndex job, const Placement& placement, double demand,
           std::vector<SpeedChange>& changed);
  // The job left its GPU (no-op if it is not tracked): appends the speed changes of the others.
  void remove(JobIndex job, std::vector<SpeedChange>& changed);
  double speed(JobIndex job) const;
  size_t tracked() const { return where_.size(); }

 private:
  struct Occupant {
    JobIndex job;
    double demand, speed;
  };
  void reshare(std::vector<Occupant>& gpu, std::vector<SpeedChange>& changed);

  const Cluster& cluster_;
  // By GPU (node × GPU index, dense per node): the jobs on it, in arrival order.
  std::unordered_map<int64_t, std::vector<Occupant>> gpus_;
  std::unordered_map<JobIndex, int64_t> where_;
};

}  // namespace sovsim::sim
