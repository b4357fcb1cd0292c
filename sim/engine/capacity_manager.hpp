// sim/engine/capacity_manager.hpp — plays the fleet's capacity plan (sim/fleet/capacity_plan.hpp)
// in the engine: a tranche's nodes are closed until it enters service, then join their pool;
// from its drain date they take no new jobs; at its retire date the jobs still on them are
// preempted (losing the work since their last checkpoint) and the nodes leave for good. Node
// owners are set once, so fair share's entitlements follow ownership as capacity comes and goes.
// Every change of capacity in service is reported to the telemetry sink. It also holds each
// site's power cap over time (energy_rates.hpp) and answers admission: a job may start in a pool
// only if its site's IT draw (power_meter.hpp) with the job's extra draw stays within the cap.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/engine/failure_manager.hpp"
#include "sim/fleet/capacity_plan.hpp"
#include "sim/fleet/energy_rates.hpp"
#include "sim/telemetry/power_meter.hpp"
#include "sim/telemetry/telemetry_sink.hpp"

namespace sovsim::sim {

class CapacityManager {
 public:
  // Closes the nodes not in service at time 0 and reports the capacity in service then. Must be
  // built before the FailureManager, which keeps its spares among the open nodes.
  CapacityManager(Cluster& cluster, const CapacityPlan& plan, const std::vector<Tenant>& tenants,
                  const EnergyRates& rates, const PowerMeter& meter, TelemetrySink& sink);

  double next_event_s() const;  // +inf when the plan has nothing left
  // Applies the changes due at `now_s`; `evict(node)` must take every job off a retiring node.
  void handle_due(double now_s, FailureManager& failures, const std::function<void(NodeId)>& evict);

  // Whether `gpus` more GPUs may run in `pool` under its site's power cap, once `stopped_gpus`
  // running there have stopped (each GPU's extra draw over idle counts).
  bool admits(int pool, int64_t gpus, int64_t stopped_gpus) const;

 private:
  enum Kind : uint8_t { kRetire = 0, kDrain = 1, kArrive = 2, kPowerCap = 3 };
  struct Change {
    double time_s = 0;
    Kind kind = kArrive;
    int pool = 0;
    NodeId first = 0, count = 0;
    int owner = -1;   // kPowerCap: the site
    double cap_w = 0;  // kPowerCap
  };
  void report(const Change& c, int sign, double now_s);
  double power_headroom_w(int pool) const;  // +inf without a cap; negative when over it

  Cluster& cluster_;
  const EnergyRates& rates_;
  const PowerMeter& meter_;
  TelemetrySink& sink_;
  std::vector<double> site_cap_w_;  // 0: none
  std::vector<Change> changes_;  // by time, then kind
  size_t next_ = 0;
};

}  // namespace sovsim::sim
