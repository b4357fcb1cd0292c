// sim/engine/capacity_manager.hpp — plays the fleet's capacity plan (sim/fleet/capacity_plan.hpp)
// in the engine: a tranche's nodes are closed until it enters service, then join their pool;
// from its drain date they take no new jobs; at its retire date the jobs still on them are
// preempted (losing the work since their last checkpoint) and the nodes leave for good. Node
// owners are set once, so fair share's entitlements follow ownership as capacity comes and goes.
// Every change of capacity in service is reported to the telemetry sink.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/engine/failure_manager.hpp"
#include "sim/fleet/capacity_plan.hpp"
#include "sim/telemetry/telemetry_sink.hpp"

namespace sovsim::sim {

class CapacityManager {
 public:
  // Closes the nodes not in service at time 0 and reports the capacity in service then. Must be
  // built before the FailureManager, which keeps its spares among the open nodes.
  CapacityManager(Cluster& cluster, const CapacityPlan& plan, const std::vector<Tenant>& tenants,
                  TelemetrySink& sink);

  double next_event_s() const;  // +inf when the plan has nothing left
  // Applies the changes due at `now_s`; `evict(node)` must take every job off a retiring node.
  void handle_due(double now_s, FailureManager& failures, const std::function<void(NodeId)>& evict);

 private:
  enum Kind : uint8_t { kRetire = 0, kDrain = 1, kArrive = 2 };
  struct Change {
    double time_s = 0;
    Kind kind = kArrive;
    int pool = 0;
    NodeId first = 0, count = 0;
    int owner = -1;
  };
  void report(const Change& c, int sign, double now_s);

  Cluster& cluster_;
  TelemetrySink& sink_;
  std::vector<Change> changes_;  // by time, then kind
  size_t next_ = 0;
};

}  // namespace sovsim::sim
