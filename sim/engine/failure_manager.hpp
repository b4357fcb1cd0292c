// sim/engine/failure_manager.hpp — failures, repairs and hot spares (docs/failures.md). The
// fleet's failures are one superposed Poisson process (models/failures.hpp) drawn from the
// scenario seed. A node failure takes the node out of service until its repair; a scale-up domain
// failure (an NVL72 rack) takes all its nodes down together. Events for hardware already out of
// service are dropped (thinning: out-of-service hardware does not fail). A node group may keep
// hot spares (`spares`): held out of scheduling, one replaces a failed node at once, and the
// repaired node goes back to the shelf. Idle spares do not fail. What happens to the jobs on a
// failed node is the controller's business: it is told before the node leaves service.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <queue>
#include <utility>
#include <vector>

#include "models/failures.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/engine/controller_stats.hpp"
#include "sim/fabric/topology.hpp"

namespace sovsim::sim {

class FailureManager {
 public:
  // Holds each pool's spares (its last open nodes) out of service at once. Without
  // `rates.enabled` nothing fails.
  FailureManager(Cluster& cluster, const Topology& topology, const models::FailureRates& rates,
                 uint64_t seed, ControllerStats& stats);
  ~FailureManager();

  // Date of the next failure or repair (+inf if none).
  double next_event_s() const;
  // Handles the repairs, then the failures, due at `now_s`; `interrupt(node)` is called for each
  // node about to leave service, while the jobs on it still hold it.
  void handle_due(double now_s, const std::function<void(NodeId)>& interrupt);
  // Adds `dt_s` of the nodes currently down to the down-time integral.
  void elapse(double dt_s);
  // The fleet's capacity plan (capacity_manager.hpp): a node closed when this manager was built
  // is absent (it cannot fail) until it arrives; a node that leaves is absent for good, whatever
  // it was doing (its jobs are already gone; a pending repair is dropped; a spare leaves the shelf).
  void arrive(NodeId node);
  void leave(NodeId node);
  // Per node: 1 if this manager holds the whole node (in repair, a spare on the shelf, or one of
  // those that left the fleet), so no job can use it.
  const std::vector<uint8_t>& held_nodes() const { return held_; }

 private:
  void fail(double now_s, const models::FailureEvent& event, const std::function<void(NodeId)>& interrupt);
  void repaired(NodeId node);  // back in service, or back to the spare shelf
  Placement whole_node(NodeId node) const;
  void hold(NodeId node, bool held);  // takes the whole node from the cluster, or gives it back

  Cluster& cluster_;
  ControllerStats& stats_;
  std::unique_ptr<models::FailureProcess> process_;
  models::FailureEvent next_failure_;
  using Repair = std::pair<double, NodeId>;  // time, node
  std::priority_queue<Repair, std::vector<Repair>, std::greater<>> repairs_;
  enum NodeState : uint8_t { kUp = 0, kInRepair = 1, kSpare = 2, kAbsent = 3 };
  std::vector<uint8_t> state_;               // by node
  std::vector<uint8_t> held_;                // by node: held_nodes()
  std::vector<std::vector<NodeId>> shelf_;   // by pool: idle hot spares
  std::vector<int64_t> spare_target_;        // by pool: spares it should hold
};

}  // namespace sovsim::sim
