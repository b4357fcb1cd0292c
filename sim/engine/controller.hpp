// sim/engine/controller.hpp — the single controller of a run: no actor per job. It keeps its own
// ordered event list (phase ends of running jobs, failures and repairs, then arrivals, at each
// instant) and asks SimGrid to wake it at the next event date with one kernel timer, so ties are
// broken by sovsim's rules, not by SimGrid's timer heap. At each instant: job events (by job
// index), failures and repairs, arrivals (in arrival order), then one call to the policy.
//
// A running job advances in segments (controller_segments.cpp, docs/engine.md): a compute phase
// (a timer), then, if its placement crosses shared links, its exposed communication as one
// SimGrid flow per shared link (FlowNetwork), then a checkpoint write on the site's storage.
// Failures (controller_failures.cpp) take nodes down; their jobs lose the work since their last
// checkpoint and rejoin the queue.
#pragma once

#include <cstdint>
#include <memory>
#include <queue>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "models/failures.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/engine/controller_stats.hpp"
#include "sim/engine/flow_network.hpp"
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
};

class Controller final : private SchedulingContext {
 public:
  Controller(JobTable& jobs, Cluster& cluster, const std::vector<Tenant>& tenants, Policy& policy,
             TelemetrySink& sink, const Simulation& simulation, ControllerOptions options);
  ~Controller() override;

  // Runs SimGrid's engine (which must exist, with its platform) until no event is left at or
  // before the horizon.
  void run();
  const ControllerStats& stats() const { return stats_; }

 private:
  // SchedulingContext, as seen by the policy.
  double now() const override { return now_s_; }
  const std::set<JobIndex>& queue() const override { return queue_; }
  const Job& job(JobIndex index) const override { return jobs_.jobs[index]; }
  const Cluster& cluster() const override { return cluster_; }
  std::optional<Placement> find_placement(JobIndex index) const override;
  std::optional<Placement> find_placement_in(JobIndex index, int pool) const override;
  void start(JobIndex index, const Placement& placement) override;
  const std::set<JobIndex>& running() const override { return running_; }
  void preempt(JobIndex index) override;
  const std::vector<Tenant>& tenants() const override { return tenants_; }
  int64_t tenant_busy_gpus(int tenant) const override { return tenant_busy_gpus_[tenant]; }
  const std::vector<int>& eligible_pools(JobIndex index) const override {
    return jobs_.eligible_pools[jobs_.jobs[index].eligibility];
  }
  void wake_at(double time_s) override;

  // The event loop (controller.cpp).
  void handle_instant();   // timer callback: everything at now_s_
  void arm_next_timer();   // one live timer at the next event date, if any
  double next_event_s() const;
  void submit(JobIndex index);
  void finish(JobIndex index);
  void release(JobIndex index);  // frees the GPUs of a job that stops running
  // Takes a running job off its GPUs now and re-queues it with `remaining_s` of work left.
  void stop_and_requeue(JobIndex index, double remaining_s);

  // Segments of running jobs (controller_segments.cpp).
  enum class Phase : uint8_t { kRestart, kCompute, kComm, kCheckpoint };
  struct Running {
    std::vector<LinkShare> shares;  // shared links its traffic crosses (empty: none)
    double nic_bytes_per_s = 0;     // of one of its nodes
    double network_fraction = 0;
    double interval_s = 0;          // progress between checkpoints (0: none)
    double done_s = 0;              // progress made in this run, at the current segment's start
    double since_checkpoint_s = 0;  // of which after the last checkpoint
    double segment_s = 0;           // progress the current segment brings
    double phase_start_s = 0;
    double comm_floor_end_s = 0;    // NIC-speed time and links it holds whole: a lower bound
    // Transfers timed analytically because the job is alone on the link (link, end time); one
    // becomes a SimGrid flow if another job starts to use the link before it ends.
    std::vector<std::pair<int32_t, double>> alone;
    uint32_t seq = 0;               // of the job's latest event: older ones are stale
    // Iterations of the segment, and collective steps of an iteration's comm phase: one each
    // in the fluid model; detailed mode splits them (docs/engine.md).
    int iterations = 1, iteration = 0;
    int steps = 1, step = 0;
    Phase phase = Phase::kCompute;
  };
  void begin_run(JobIndex index);
  // Forgets the run's segments and cancels its flows; `cut_short`: preempted or failed.
  void end_run(JobIndex index, bool cut_short);
  void begin_segment(JobIndex index, Running& r);
  void begin_iteration(JobIndex index, Running& r);
  void begin_comm_step(JobIndex index, Running& r);
  void phase_done(JobIndex index);
  void segment_done(JobIndex index, Running& r);
  void account_checkpoint(JobIndex index, const Running& r);  // time spent writing, to now
  void account_restart(JobIndex index, const Running& r);     // time spent restarting, to now
  double comm_progress(JobIndex index, const Running& r) const;  // of the comm step, in [0, 1]
  void flows_done(uint64_t owner);  // FlowNetwork callback, inside SimGrid's solve
  double progress_in_segment(JobIndex index, const Running& r) const;
  double checkpoint_interval_s(const Job& job) const;
  void push_job_event(double time_s, JobIndex index);
  static double comm_step_s(const Running& r);  // a comm step's time at NIC speed
  double comm_end_s(const Running& r) const;  // lower bound of the comm step's end
  bool link_busy(int link);       // a live flow or another job's analytic transfer on it
  void share_link(int link);      // turns the analytic transfers on it into SimGrid flows
  uint64_t owner_of(JobIndex index) const;

  // Failures and repairs (controller_failures.cpp).
  void handle_failure(const models::FailureEvent& event);
  void take_down(NodeId node);
  void hold_spares();                // at start: each pool's last `spares` nodes
  void repaired(NodeId node);        // back in service, or back to the spare shelf
  void fail_job(JobIndex index);

  JobTable& jobs_;
  Cluster& cluster_;
  const std::vector<Tenant>& tenants_;
  Policy& policy_;
  TelemetrySink& sink_;
  const Simulation& simulation_;
  const ControllerOptions options_;
  enum class Strategy { kFirstFit, kPack, kTopology };
  const Strategy strategy_;
  double now_s_ = 0;
  size_t next_arrival_ = 0;     // jobs arrive in index order
  std::set<JobIndex> queue_;
  std::set<JobIndex> running_;
  std::unordered_map<JobIndex, Running> segments_;  // by running job
  std::vector<std::vector<JobIndex>> node_jobs_;    // by node: running jobs on it
  // By shared link: transfers of jobs that had it alone when their comm step started.
  struct AloneTransfer {
    JobIndex job;
    uint32_t generation;
    double start_s, end_s, bytes;
  };
  std::vector<std::vector<AloneTransfer>> alone_on_link_;
  std::vector<int64_t> tenant_busy_gpus_;
  // The current phase of a running job ends. Events of an older run (preempted or failed since:
  // other generation) or superseded within the run (older seq) stay in the heap and are skipped.
  using JobEvent = std::tuple<double, JobIndex, uint32_t, uint32_t>;  // time, job, generation, seq
  std::priority_queue<JobEvent, std::vector<JobEvent>, std::greater<>> job_events_;
  std::priority_queue<double, std::vector<double>, std::greater<>> wakeups_;
  // Failures: the next one, and repairs due (time, node).
  std::unique_ptr<models::FailureProcess> failure_process_;
  models::FailureEvent next_failure_;
  using Repair = std::pair<double, NodeId>;
  std::priority_queue<Repair, std::vector<Repair>, std::greater<>> repairs_;
  enum NodeState : uint8_t { kUp = 0, kInRepair = 1, kSpare = 2 };
  std::vector<uint8_t> node_down_;              // by node: NodeState
  std::vector<std::vector<NodeId>> spare_shelf_;  // by pool: idle hot spares
  std::vector<int64_t> spare_target_;             // by pool: spares it should hold
  std::unique_ptr<FlowNetwork> flows_;
  simgrid::kernel::timer::Timer* armed_ = nullptr;
  double armed_at_ = 0;
  ControllerStats stats_;
};

}  // namespace sovsim::sim
