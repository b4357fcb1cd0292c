// sim/cluster/cluster.cpp — see cluster.hpp.
#include "sim/cluster/cluster.hpp"

#include <algorithm>
#include <cassert>
#include <stdexcept>

namespace sovsim::sim {

int64_t Placement::gpus() const {
  int64_t n = 0;
  for (const auto& s : slices) n += s.gpus;
  return n;
}

Cluster::Cluster(const std::vector<Site>& sites) {
  NodeId next = 0;
  for (size_t s = 0; s < sites.size(); ++s) {
    int site_leaves = 0;
    for (const auto& group : sites[s].nodes) {
      Pool p;
      p.site = static_cast<int>(s);
      p.site_name = sites[s].name;
      p.hardware = group.hardware;
      p.slots_per_gpu = group.slots_per_gpu;
      p.slot_fraction = group.slot_fraction;
      p.partitioned = group.partitioned();
      p.isolated = group.isolated;
      p.partition = group.mig.empty() ? (group.slots_per_gpu > 1 ? "shared-" + std::to_string(group.slots_per_gpu) : "")
                                      : "mig-" + group.mig;
      p.gpus_per_node = group.gpus_per_node * group.slots_per_gpu;
      p.first_node = next;
      p.node_count = static_cast<NodeId>(group.count);
      p.nodes_per_domain = std::max(1, group.scaleup_domain / std::max(1, group.gpus_per_node));
      p.nodes_per_leaf = sites[s].fabric.nodes_per_leaf;
      p.spares = group.spares;
      p.leaves_per_pod = sites[s].fabric.leaves_per_pod;
      p.first_leaf_in_site = site_leaves;
      site_leaves += static_cast<int>((group.count + p.nodes_per_leaf - 1) / p.nodes_per_leaf);
      next += p.node_count;
      pools_.push_back(p);
    }
  }
  free_.resize(next);
  open_.assign(next, 1);
  owner_.assign(next, -1);
  for (size_t p = 0; p < pools_.size(); ++p) {
    const Pool& pool = pools_[p];
    auto& buckets = by_free_.emplace_back(pool.gpus_per_node + 1);
    for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
      free_[n] = pool.gpus_per_node;
      buckets[pool.gpus_per_node].insert(buckets[pool.gpus_per_node].end(), n);
    }
    pool_free_.push_back(pool.total_units());
    const int group = pool.group_size();
    auto& idle = idle_in_group_.emplace_back((pool.node_count + group - 1) / group);
    for (NodeId n = 0; n < pool.node_count; ++n) ++idle[n / group];
    total_gpus_ += pool.total_gpus();
    pool_open_gpus_.push_back(pool.total_gpus());
  }
  open_gpus_ = total_gpus_;
  owned_open_.assign(1, total_gpus_);
}

int64_t Cluster::gpus_held(int pool, int64_t gpus) const {
  const int per_node = pools_[pool].gpus_per_node;
  return gpus <= per_node ? gpus : (gpus + per_node - 1) / per_node * per_node;
}

bool Cluster::can_ever_fit(int pool, int64_t gpus) const {
  return gpus_held(pool, gpus) <= pools_[pool].total_units();
}

std::optional<Placement> Cluster::first_fit(int pool, int64_t gpus) const {
  const Pool& p = pools_[pool];
  const auto& buckets = by_free_[pool];
  Placement out;
  out.pool = pool;
  out.slots_per_gpu = p.slots_per_gpu;
  if (gpus <= p.gpus_per_node) {
    // Lowest node id among the buckets that have room.
    NodeId best = -1;
    for (int f = static_cast<int>(gpus); f <= p.gpus_per_node; ++f) {
      if (!buckets[f].empty() && (best < 0 || *buckets[f].begin() < best)) best = *buckets[f].begin();
    }
    if (best < 0) return std::nullopt;
    out.slices.push_back({best, static_cast<int>(gpus)});
    return out;
  }
  const int64_t nodes = (gpus + p.gpus_per_node - 1) / p.gpus_per_node;
  const auto& idle = buckets[p.gpus_per_node];
  if (static_cast<int64_t>(idle.size()) < nodes) return std::nullopt;
  out.slices.reserve(nodes);
  auto it = idle.begin();
  for (int64_t i = 0; i < nodes; ++i, ++it) out.slices.push_back({*it, p.gpus_per_node});
  return out;
}

std::optional<Placement> Cluster::best_fit(int pool, int64_t gpus) const {
  const Pool& p = pools_[pool];
  if (gpus > p.gpus_per_node) return first_fit(pool, gpus);  // whole idle nodes either way
  const auto& buckets = by_free_[pool];
  for (int f = static_cast<int>(gpus); f <= p.gpus_per_node; ++f) {
    if (!buckets[f].empty()) {
      Placement out;
      out.pool = pool;
      out.slots_per_gpu = p.slots_per_gpu;
      out.slices.push_back({*buckets[f].begin(), static_cast<int>(gpus)});
      return out;
    }
  }
  return std::nullopt;
}

std::optional<Placement> Cluster::topology_fit(int pool, int64_t gpus) const {
  const Pool& p = pools_[pool];
  if (gpus <= p.gpus_per_node) return best_fit(pool, gpus);
  const int64_t nodes = (gpus + p.gpus_per_node - 1) / p.gpus_per_node;
  if (static_cast<int64_t>(by_free_[pool][p.gpus_per_node].size()) < nodes) return std::nullopt;
  const auto& idle = idle_in_group_[pool];
  // Groups in the order to take them: one group that holds the job alone (fewest idle nodes
  // that suffice, keeping emptier groups whole), else most idle nodes first; ties by index.
  std::vector<int> order(idle.size());
  for (size_t d = 0; d < idle.size(); ++d) order[d] = static_cast<int>(d);
  int alone = -1;
  for (int d : order) {
    if (idle[d] >= nodes && (alone < 0 || idle[d] < idle[alone])) alone = d;
  }
  if (alone >= 0) {
    order = {alone};
  } else {
    // The pod with the fewest idle nodes that still hold the job, if any: keep it below one pod.
    auto pod_of_group = [&](int g) { return p.pod_of(p.first_node + g * p.group_size()); };
    std::vector<int64_t> pod_idle(static_cast<size_t>(pod_of_group(static_cast<int>(idle.size()) - 1)) + 1);
    for (int g : order) pod_idle[pod_of_group(g)] += idle[g];
    int pod = -1;
    for (size_t q = 0; q < pod_idle.size(); ++q) {
      if (pod_idle[q] >= nodes && (pod < 0 || pod_idle[q] < pod_idle[pod])) pod = static_cast<int>(q);
    }
    if (pod >= 0) std::erase_if(order, [&](int g) { return pod_of_group(g) != pod; });
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return idle[a] > idle[b]; });
  }
  Placement out;
  out.pool = pool;
  out.slots_per_gpu = p.slots_per_gpu;
  for (int d : order) {
    const NodeId begin = p.first_node + d * p.group_size();
    const NodeId end = std::min(begin + p.group_size(), p.first_node + p.node_count);
    for (NodeId n = begin; n < end && static_cast<int64_t>(out.slices.size()) < nodes; ++n) {
      if (free_[n] == p.gpus_per_node) out.slices.push_back({n, p.gpus_per_node});
    }
    if (static_cast<int64_t>(out.slices.size()) == nodes) break;
  }
  return out;
}

int Cluster::domains_spanned(const Placement& placement) const {
  if (placement.pool < 0) return 0;
  const Pool& p = pools_[placement.pool];
  std::set<int> domains;
  for (const auto& s : placement.slices) domains.insert(p.domain_of(s.node));
  return static_cast<int>(domains.size());
}

double Cluster::fragmentation() const {
  int64_t free = 0, on_idle_nodes = 0;
  for (size_t p = 0; p < pools_.size(); ++p) {
    free += pool_free_[p];
    on_idle_nodes += static_cast<int64_t>(by_free_[p][pools_[p].gpus_per_node].size()) *
                     pools_[p].gpus_per_node;
  }
  return free > 0 ? 1.0 - static_cast<double>(on_idle_nodes) / static_cast<double>(free) : 0.0;
}

void Cluster::move_node(int pool, NodeId node, int new_free) {
  auto& buckets = by_free_[pool];
  if (new_free < 0 || new_free > pools_[pool].gpus_per_node) {
    throw std::logic_error("Cluster: GPU accounting broken on node " + std::to_string(node));
  }
  if (!open_[node]) {  // out of the index: only its own count moves
    free_[node] = new_free;
    return;
  }
  const int per_node = pools_[pool].gpus_per_node;
  auto& idle = idle_in_group_[pool][pools_[pool].group_of(node)];
  idle += (new_free == per_node) - (free_[node] == per_node);
  [[maybe_unused]] const size_t erased = buckets[free_[node]].erase(node);
  assert(erased == 1 && "Cluster: an open node missing from its free-count index");  // debug builds
  buckets[new_free].insert(node);
  pool_free_[pool] += new_free - free_[node];
  free_[node] = new_free;
}

void Cluster::allocate(const Placement& placement) {
  for (const auto& s : placement.slices) move_node(placement.pool, s.node, free_[s.node] - s.gpus);
}

void Cluster::release(const Placement& placement) {
  for (const auto& s : placement.slices) move_node(placement.pool, s.node, free_[s.node] + s.gpus);
}

int Cluster::pool_of(NodeId node) const {
  const auto it = std::upper_bound(pools_.begin(), pools_.end(), node,
                                   [](NodeId n, const Pool& p) { return n < p.first_node + p.node_count; });
  return static_cast<int>(it - pools_.begin());
}

void Cluster::count_open(NodeId node, int sign) {
  const int pool = pool_of(node);
  const int64_t gpus = sign * pools_[pool].physical_gpus_per_node();
  pool_open_gpus_[pool] += gpus;
  open_gpus_ += gpus;
  owned_open_[static_cast<size_t>(owner_[node] + 1)] += gpus;
}

void Cluster::set_open(NodeId node, bool open) {
  if (open_[node] == open) return;
  const int pool = pool_of(node);
  const int free = free_[node];
  if (open) {
    open_[node] = 1;
    free_[node] = 0;  // enter the index empty-handed, then take its free GPUs
    by_free_[pool][0].insert(node);
    move_node(pool, node, free);
    count_open(node, +1);
  } else {
    move_node(pool, node, 0);  // out of every count the index keeps
    by_free_[pool][0].erase(node);
    open_[node] = 0;
    free_[node] = free;
    count_open(node, -1);
  }
}

void Cluster::set_owner(NodeId node, int tenant) {
  if (static_cast<size_t>(tenant + 1) >= owned_open_.size()) owned_open_.resize(tenant + 2, 0);
  if (open_[node]) count_open(node, -1);
  owner_[node] = tenant;
  if (open_[node]) count_open(node, +1);
}

int64_t Cluster::owned_open_gpus(int tenant) const {
  const auto i = static_cast<size_t>(tenant + 1);
  return i < owned_open_.size() ? owned_open_[i] : 0;
}

}  // namespace sovsim::sim
