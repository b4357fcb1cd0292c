// sim/cluster/cluster.hpp — the fleet's GPUs as the scheduler sees them: pools (a site's group of
// identical nodes), nodes, free GPUs per node, and first-fit placement. Keeps an index of nodes by
// free-GPU count per pool so a placement costs O(gpus_per_node · log nodes), not a scan of the
// fleet. No SimGrid: the engine maps node ids to hosts.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

using NodeId = int32_t;

struct Pool {
  int site = 0;              // index into Scenario::sites
  std::string site_name;
  std::string hardware;      // catalog name
  // Schedulable units per node: its GPUs, or on a partitioned group (GPU sharing, below) its
  // GPUs' slots. Placements, free counts and scheduler arithmetic are in these units.
  int gpus_per_node = 8;
  // GPU sharing (docs/gpu-sharing.md): a partitioned group's GPUs each offer `slots_per_gpu`
  // slots of `slot_fraction` of the GPU, to jobs asking for at most that fraction of one GPU;
  // `isolated`: MIG instances (own HBM bandwidth), else shared slots contending for HBM.
  int slots_per_gpu = 1;
  double slot_fraction = 1;
  bool partitioned = false;
  bool isolated = false;
  std::string partition;  // "" whole GPUs, "mig-1g.18gb", "shared-4": how outputs name it
  int physical_gpus_per_node() const { return gpus_per_node / slots_per_gpu; }
  NodeId first_node = 0;     // nodes of a pool are contiguous ids
  NodeId node_count = 0;
  int nodes_per_domain = 1;  // nodes per scale-up (NVLink) domain: 18 for NVL72 trays of 4
  int64_t spares = 0;        // the group's hot spares (held by the engine, not schedulable)
  int64_t total_units() const { return int64_t{node_count} * gpus_per_node; }
  int64_t total_gpus() const { return int64_t{node_count} * physical_gpus_per_node(); }
  // Whether a job asking for `share` of one GPU (0: whole GPUs) may run here: a partitioned
  // group takes only jobs whose share fits in one slot (they hold one slot); a whole-GPU group
  // takes any (a share holds one whole GPU).
  bool accepts(double share) const {
    return partitioned ? share > 0 && share <= slot_fraction + 1e-9 : true;
  }
  int domain_of(NodeId node) const { return (node - first_node) / nodes_per_domain; }
  int nodes_per_leaf = 32;   // hosts per leaf switch (the site's fabric); a pool starts a leaf
  // Topology-aware placement keeps a multi-node job in as few of these groups as it can: NVLink
  // domains where they span several nodes (NVL72), else leaves (HGX nodes: docs/fabric.md).
  int group_size() const { return nodes_per_domain > 1 ? nodes_per_domain : nodes_per_leaf; }
  int group_of(NodeId node) const { return (node - first_node) / group_size(); }
  int first_leaf_in_site = 0;  // leaves of earlier pools of the same site come first
  int leaves_per_pod = 16;     // the site's fabric
  // Leaf and pod (spine group) of a node, numbered within its site: each pool starts a leaf and
  // fills leaves in node order; leaves fill pods in order. sim/fabric/topology.cpp lays the
  // fabric graph out by these two functions.
  int leaf_in_site(NodeId node) const { return first_leaf_in_site + (node - first_node) / nodes_per_leaf; }
  int pod_of(NodeId node) const { return leaf_in_site(node) / leaves_per_pod; }
};

struct NodeSlice {
  NodeId node = 0;
  int gpus = 0;
};

// Where a job runs: GPUs on nodes of one pool. Jobs larger than a node hold whole nodes.
struct Placement {
  int pool = -1;
  int slots_per_gpu = 1;  // its pool's (Pool::slots_per_gpu); beside `pool`: no padding
  std::vector<NodeSlice> slices;
  // Units held: GPUs, or slots on a partitioned group (what the cluster counts).
  int64_t gpus() const;
  // GPUs held, a slot counting as 1/slots_per_gpu of one: what accounting charges.
  double gpu_equivalent() const { return static_cast<double>(gpus()) / slots_per_gpu; }
};

class Cluster {
 public:
  explicit Cluster(const std::vector<Site>& sites);

  const std::vector<Pool>& pools() const { return pools_; }
  NodeId node_count() const { return static_cast<NodeId>(free_.size()); }
  // Physical GPUs (a partitioned group's GPUs count once, whatever their slots). free_gpus() and
  // placements count schedulable units (Pool::gpus_per_node); open and owned counts are GPUs.
  int64_t total_gpus() const { return total_gpus_; }
  int64_t free_gpus(int pool) const { return pool_free_[pool]; }
  int free_gpus_on(NodeId node) const { return free_[node]; }

  // GPUs a job of `gpus` holds in `pool`: itself if it fits on one node, else whole nodes.
  int64_t gpus_held(int pool, int64_t gpus) const;
  // True if a job of `gpus` could ever run in `pool` (the pool is big enough when empty).
  bool can_ever_fit(int pool, int64_t gpus) const;

  // Lowest-numbered node(s) that fit `gpus` now; nullopt if none.
  std::optional<Placement> first_fit(int pool, int64_t gpus) const;
  // Like first_fit, but a job that fits on one node goes to the node with the FEWEST free GPUs
  // that still fits it (best fit), keeping idle nodes whole for large jobs.
  std::optional<Placement> best_fit(int pool, int64_t gpus) const;

  // Topology-aware: a job that fits on one node is placed best-fit; a multi-node job takes idle
  // nodes from as few placement groups (Pool::group_size: NVLink domains, else leaves) as
  // possible — the fullest group that can hold it alone; else, inside the fullest pod that can
  // hold it alone (or the whole pool), the groups with the most idle nodes first — so its
  // traffic stays on NVLink, below one leaf switch, or below one pod (as Slurm's topology/tree
  // plugin picks the lowest switch that fits).
  std::optional<Placement> topology_fit(int pool, int64_t gpus) const;

  // Distinct scale-up domains a placement spans.
  int domains_spanned(const Placement& placement) const;

  // Free GPUs that sit on partly used nodes, as a fraction of all free GPUs (0 when nothing is
  // free): how much free capacity a whole-node job cannot use.
  double fragmentation() const;

  void allocate(const Placement& placement);
  void release(const Placement& placement);

  // A closed node is out of the fleet for now — not delivered yet, draining or retired
  // (sim/engine/capacity_manager.hpp): no placement sees it, and its free GPUs count nowhere.
  // Jobs already on it run on and release as usual. Nodes start open.
  void set_open(NodeId node, bool open);
  bool is_open(NodeId node) const { return open_[node] != 0; }
  int64_t open_gpus() const { return open_gpus_; }
  int64_t open_gpus(int pool) const { return pool_open_gpus_[pool]; }
  // The tenant owning a node's capacity (-1: nobody; the default), and the open GPUs a tenant
  // owns — its entitlement under fair share (sim/sched/preemption.cpp).
  void set_owner(NodeId node, int tenant);
  int64_t owned_open_gpus(int tenant) const;
  int64_t unowned_open_gpus() const { return owned_open_gpus(-1); }

 private:
  int pool_of(NodeId node) const;
  void count_open(NodeId node, int sign);
  void move_node(int pool, NodeId node, int new_free);

  std::vector<Pool> pools_;
  std::vector<int> free_;                           // per node
  std::vector<int64_t> pool_free_;                  // per pool
  std::vector<std::vector<std::set<NodeId>>> by_free_;  // [pool][free gpus] -> nodes
  std::vector<std::vector<int>> idle_in_group_;         // [pool][group] -> idle nodes
  int64_t total_gpus_ = 0;
  std::vector<uint8_t> open_;                       // per node
  std::vector<int32_t> owner_;                      // per node: tenant, -1 none
  std::vector<int64_t> owned_open_;                 // [tenant + 1]
  std::vector<int64_t> pool_open_gpus_;
  int64_t open_gpus_ = 0;
};

}  // namespace sovsim::sim
