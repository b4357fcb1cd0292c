// sim/engine/controller.hpp — the single controller of a run: no actor per job. It keeps the
// queue and the running set and asks SimGrid to wake it at the next event date with one kernel
// timer, so ties are broken by sovsim's rules, not by SimGrid's timer heap. At each instant: phase
// ends of running jobs (by job index), repairs and failures, arrivals (in arrival order), then
// one call to the policy. Parts it delegates, one concept each:
//   JobRunner       (job_runner.hpp)      how a running job advances: segments, flows, checkpoints;
//   FailureManager  (failure_manager.hpp) failures, repairs, spares;
//   CapacityManager (capacity_manager.hpp) deliveries, drains and retirements;
//   PolicyView      (policy_view.hpp)     what the policy sees and may do;
//   TelemetrySink   (the ledger)          every figure worth counting, as typed events.
#pragma once

#include <cstdint>
#include <memory>
#include <map>
#include <queue>
#include <set>
#include <string>
#include <vector>

#include "models/failures.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/engine/capacity_manager.hpp"
#include "sim/engine/controller_stats.hpp"
#include "sim/engine/failure_manager.hpp"
#include "sim/engine/hbm_sharing.hpp"
#include "sim/engine/job_runner.hpp"
#include "sim/engine/policy_view.hpp"
#include "sim/engine/run_progress.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/sched/policy.hpp"
#include "sim/telemetry/telemetry_sink.hpp"
#include "sim/workload/job_table.hpp"

namespace simgrid::kernel::timer {
class Timer;
}

namespace sovsim::sim {

struct ControllerOptions {
  double horizon_s = 0;
  std::string placement = "first-fit";  // "first-fit", "pack" or "topology"
  EngineConfig engine;  // segment length, detailed mode
  models::FailureRates failures;  // disabled unless the scenario has a failures: section
  uint64_t seed = 0;
  ProgressReport progress;  // optional: told where the run is now and then (run_progress.hpp)
};

class Controller final : private JobRunner::Listener {
 public:
  Controller(JobTable& jobs, Cluster& cluster, const std::vector<Tenant>& tenants, Policy& policy,
             TelemetrySink& sink, const Simulation& simulation, const CapacityPlan& capacity,
             const EnergyRates& rates, const PowerMeter& meter, ControllerOptions options);
  ~Controller() override;

  // Runs SimGrid's engine (which must exist, with its platform) until no event is left at or
  // before the horizon.
  void run();
  const ControllerStats& stats() const { return stats_; }
  // Per node: 1 if the engine holds it whole (failed, a hot spare): FailureManager::held_nodes.
  const std::vector<uint8_t>& nodes_held_by_engine() const { return failures_.held_nodes(); }

 private:
  friend class PolicyView;

  void handle_instant();   // timer callback: everything at now_s_
  void arm_next_timer();   // one live timer at the next event date, if any
  void report_progress(bool done) const;
  double next_event_s() const;
  void submit(JobIndex index);
  void start(JobIndex index, const Placement& placement);
  void preempt(JobIndex index);
  void wake_at(double time_s);
  void finish(JobIndex index);
  void release(JobIndex index);  // frees the GPUs of a job that stops running
  // Takes a running job off its GPUs now and re-queues it with `remaining_s` of work left.
  void stop_and_requeue(JobIndex index, double remaining_s);
  void interrupt_jobs_on(NodeId node);  // a node fails: its jobs lose unsaved work and re-queue
  void evict_jobs_on(NodeId node);      // a node retires: its jobs are preempted
  void take_back(JobIndex index);       // preempts a running job (policy or retirement)
  void apply_speed_changes();           // hands hbm_'s speed changes to the runner
  // JobRunner::Listener
  void job_done(JobIndex index) override { finish(index); }
  void event_added() override { arm_next_timer(); }

  JobTable& jobs_;
  Cluster& cluster_;
  const std::vector<Tenant>& tenants_;
  Policy& policy_;
  TelemetrySink& sink_;
  const ControllerOptions options_;
  ControllerStats stats_;
  double now_s_ = 0;
  size_t next_arrival_ = 0;     // jobs arrive in index order
  std::set<JobIndex> queue_;
  std::map<uint32_t, std::set<JobIndex>> partitions_;  // queue_ by eligibility class
  std::set<JobIndex> running_;
  std::vector<std::vector<JobIndex>> node_jobs_;  // by node: running jobs on it
  std::vector<double> tenant_busy_gpus_;  // GPUs (Placement::gpu_equivalent)
  std::priority_queue<double, std::vector<double>, std::greater<>> wakeups_;
  JobRunner runner_;
  HbmSharing hbm_;  // jobs contending for a shared GPU's HBM bandwidth
  std::vector<HbmSharing::SpeedChange> speed_changes_;
  CapacityManager capacity_;  // before failures_: it closes the nodes not yet in service
  FailureManager failures_;
  PolicyView view_;
  simgrid::kernel::timer::Timer* armed_ = nullptr;
  double armed_at_ = 0;
};

}  // namespace sovsim::sim
