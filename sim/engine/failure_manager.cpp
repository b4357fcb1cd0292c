// sim/engine/failure_manager.cpp — see failure_manager.hpp.
#include "sim/engine/failure_manager.hpp"

#include <algorithm>
#include <limits>

namespace sovsim::sim {

FailureManager::FailureManager(Cluster& cluster, const Topology& topology,
                               const models::FailureRates& rates, uint64_t seed,
                               ControllerStats& stats)
    : cluster_(cluster), stats_(stats), state_(cluster.node_count(), kUp),
      held_(cluster.node_count(), 0) {
  if (rates.enabled) {
    // Multi-node NVLink domains (NVL72 racks) fail as a whole; the fabric graph numbers them.
    std::vector<int> gpus_per_node(cluster.node_count());
    std::vector<int32_t> domain_of_node(cluster.node_count());
    for (const Pool& pool : cluster.pools()) {
      for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
        gpus_per_node[n] = pool.physical_gpus_per_node();
        domain_of_node[n] = topology.domain_of(n);
      }
    }
    process_ = std::make_unique<models::FailureProcess>(rates, std::move(gpus_per_node),
                                                        domain_of_node, seed);
    next_failure_ = process_->next();
  }
  shelf_.resize(cluster_.pools().size());
  spare_target_.assign(cluster_.pools().size(), 0);
  for (size_t p = 0; p < cluster_.pools().size(); ++p) {
    const Pool& pool = cluster_.pools()[p];
    for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
      if (!cluster_.is_open(n)) state_[n] = kAbsent;
    }
    spare_target_[p] = std::min<int64_t>(pool.spares, pool.node_count);  // trace-sized groups
    std::vector<NodeId> spares;  // the last open nodes, kept in increasing order on the shelf
    for (NodeId n = pool.first_node + pool.node_count - 1;
         n >= pool.first_node && static_cast<int64_t>(spares.size()) < spare_target_[p]; --n) {
      if (state_[n] == kUp) spares.push_back(n);
    }
    spare_target_[p] = static_cast<int64_t>(spares.size());
    for (auto it = spares.rbegin(); it != spares.rend(); ++it) {
      hold(*it, true);
      state_[*it] = kSpare;
      shelf_[p].push_back(*it);
    }
  }
}

void FailureManager::arrive(NodeId node) {
  if (state_[node] == kAbsent) state_[node] = kUp;
}

void FailureManager::leave(NodeId node) {
  if (state_[node] == kInRepair) --stats_.nodes_down;  // its repair, when due, is dropped
  if (state_[node] == kSpare) {
    const int pool = whole_node(node).pool;
    std::erase(shelf_[pool], node);
    --spare_target_[pool];
  }
  state_[node] = kAbsent;
}

FailureManager::~FailureManager() = default;

void FailureManager::hold(NodeId node, bool held) {
  if (held) {
    cluster_.allocate(whole_node(node));
  } else {
    cluster_.release(whole_node(node));
  }
  held_[node] = held;
}

Placement FailureManager::whole_node(NodeId node) const {
  for (size_t p = 0; p < cluster_.pools().size(); ++p) {
    const Pool& pool = cluster_.pools()[p];
    if (node >= pool.first_node && node < pool.first_node + pool.node_count) {
      return Placement{static_cast<int>(p), pool.slots_per_gpu, {NodeSlice{node, pool.gpus_per_node}}};
    }
  }
  return {};
}

double FailureManager::next_event_s() const {
  double t = std::numeric_limits<double>::infinity();
  if (!repairs_.empty()) t = repairs_.top().first;
  if (process_) t = std::min(t, next_failure_.time_s);
  return t;
}

void FailureManager::elapse(double dt_s) {
  stats_.down_node_s += static_cast<double>(stats_.nodes_down) * dt_s;
}

void FailureManager::handle_due(double now_s, const std::function<void(NodeId)>& interrupt) {
  while (!repairs_.empty() && repairs_.top().first <= now_s) {
    const NodeId node = repairs_.top().second;
    repairs_.pop();
    repaired(node);
  }
  while (process_ && next_failure_.time_s <= now_s) {
    fail(now_s, next_failure_, interrupt);
    next_failure_ = process_->next();
  }
}

void FailureManager::fail(double now_s, const models::FailureEvent& event,
                          const std::function<void(NodeId)>& interrupt) {
  std::vector<int32_t> nodes;
  if (event.kind == models::FailureEvent::Kind::kDomain) {
    nodes = process_->nodes_in_domain(event.node_or_domain);
  } else {
    nodes.push_back(event.node_or_domain);
  }
  std::erase_if(nodes, [&](int32_t n) { return state_[n] != kUp; });
  if (nodes.empty()) return;
  ++stats_.events;
  if (event.kind == models::FailureEvent::Kind::kDomain) ++stats_.domain_failures;
  for (NodeId n : nodes) {
    ++stats_.node_failures;
    interrupt(n);
    hold(n, true);
    state_[n] = kInRepair;
    ++stats_.nodes_down;
    repairs_.emplace(now_s + event.repair_s, n);
    const int pool = whole_node(n).pool;
    if (!shelf_[pool].empty()) {  // a hot spare takes its place now
      const NodeId spare = shelf_[pool].back();
      shelf_[pool].pop_back();
      hold(spare, false);
      state_[spare] = kUp;
      ++stats_.spare_swaps;
    }
  }
}

void FailureManager::repaired(NodeId node) {
  if (state_[node] == kAbsent) return;  // it left the fleet while in repair
  ++stats_.events;
  const int pool = whole_node(node).pool;
  --stats_.nodes_down;
  // Spares in service replace failed nodes one for one: the shelf refills first.
  if (static_cast<int64_t>(shelf_[pool].size()) < spare_target_[pool]) {
    state_[node] = kSpare;
    shelf_[pool].push_back(node);
    return;
  }
  hold(node, false);
  state_[node] = kUp;
}

}  // namespace sovsim::sim
