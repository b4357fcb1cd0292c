// sim/engine/job_runner.hpp — how a running job advances (docs/engine.md, "Segments"). A run is a
// chain of segments, each bringing `segment_s` of undisturbed progress:
//   restart        after a failure, the run first spends failures.restart_s (no progress);
//   compute phase  a timer of (1 - f) x segment_s, f = the job's exposed-communication share;
//   comm phase     only if its placement crosses shared links: its traffic on each crossed link
//                  (FlowNetwork: analytic while alone there, else a SimGrid flow), sized so that
//                  its nodes would send f x segment_s of NIC traffic; it ends when every transfer
//                  is done, and no earlier than f x segment_s (the time at NIC speed), so an
//                  uncontended 1:1 fabric gives the job its model time and a shared or
//                  oversubscribed uplink stretches it by SimGrid's max-min share;
//   checkpoint     at the end of a segment when the job checkpoints: a flow of its checkpoint
//                  bytes on the site's storage link, shared with every job writing at once.
// A compute phase runs at the job's speed: 1, or less on a `shared` GPU whose HBM bandwidth its
// neighbours contend for (set_speed(), from sim/engine/hbm_sharing.hpp); the time beyond its
// work is reported as HBM stretch.
// A job without shared traffic and without checkpoints has one segment and costs one event.
// Detailed mode splits segments into iterations and ring steps, every transfer a flow.
// The runner keeps the phase-end events of running jobs; the controller asks for the next date
// and hands it the due ones. What jobs lose and spend goes to the telemetry sink.
#pragma once

#include <cstdint>
#include <memory>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "models/failures.hpp"
#include "sim/engine/controller_stats.hpp"
#include "sim/engine/flow_network.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/telemetry/telemetry_sink.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

struct RunnerOptions {
  double horizon_s = 0;
  EngineConfig engine;            // segment length, detailed mode
  models::FailureRates failures;  // restart time; Young/Daly intervals need the rates
};

// Where a running job stands, for preemption and failure losses.
struct RunProgress {
  double progress_s = 0;  // undisturbed progress in this run
  double unsaved_s = 0;   // of which after its last checkpoint
  bool checkpoints = false;
};

class JobRunner {
 public:
  // What the runner tells the controller.
  class Listener {
   public:
    virtual ~Listener() = default;
    virtual void job_done(JobIndex index) = 0;  // the job's work is complete: finish it now
    virtual void event_added() = 0;             // a flow ended inside SimGrid: re-arm the timer
  };

  JobRunner(JobTable& jobs, const Cluster& cluster, const Simulation& simulation,
            TelemetrySink& sink, ControllerStats& stats, RunnerOptions options, Listener& listener);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // The job has just started on job.placement.
  void begin(JobIndex index, double now_s);
  // The run is over: forgets its segments and cancels its flows. `cut_short`: preempted or
  // failed, so the phase in progress counts what it spent.
  void end(JobIndex index, double now_s, bool cut_short);
  RunProgress progress(JobIndex index, double now_s) const;
  // From `now_s` the running job computes at `speed` (in (0, 1]) of its undisturbed pace.
  void set_speed(JobIndex index, double speed, double now_s);

  // Date of the next phase end (+inf if none); handles every phase end due at `now_s`.
  double next_event_s() const;
  void handle_due(double now_s);
  const FlowNetwork& flows() const { return *flows_; }

 private:
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
    double speed = 1;               // of its compute phases (set_speed)
    double speed_since_s = 0;       // when the compute phase in progress last changed speed
    double compute_banked_s = 0;    // its progress before speed_since_s
    double comm_floor_end_s = 0;    // NIC-speed time and links it holds whole: a lower bound
    uint32_t seq = 0;               // of the job's latest event: older ones are stale
    // Iterations of the segment, and collective steps of an iteration's comm phase: one each
    // in the fluid model; detailed mode splits them (docs/engine.md).
    int iterations = 1, iteration = 0;
    int steps = 1, step = 0;
    Phase phase = Phase::kCompute;
  };

  void begin_segment(JobIndex index, Running& r);
  void begin_iteration(JobIndex index, Running& r);
  void begin_comm_step(JobIndex index, Running& r);
  void phase_done(JobIndex index);
  void segment_done(JobIndex index, Running& r);
  void flows_done(uint64_t owner);  // FlowNetwork callback, inside SimGrid's solve
  // Reports what the phase in progress spent up to now: a restart as lost work, a checkpoint
  // write as checkpoint time, a comm step's time beyond NIC speed (for its part done) as stretch.
  void report_spent(JobIndex index, const Running& r);
  double progress_in_segment(JobIndex index, const Running& r, double now_s) const;
  double comm_progress(JobIndex index, const Running& r, double now_s) const;  // of the comm step, in [0, 1]
  double comm_step_s(const Running& r) const;  // a comm step's time at NIC speed
  double compute_work_s(const Running& r) const;  // a compute phase's progress when done
  static double compute_done_s(const Running& r, double now_s);  // of the compute phase, so far
  double comm_end_s(JobIndex index, const Running& r) const;  // lower bound of its end
  double checkpoint_interval_s(const Job& job) const;
  void push_event(double time_s, JobIndex index);
  uint64_t owner_of(JobIndex index) const;

  JobTable& jobs_;
  const Cluster& cluster_;
  const Simulation& simulation_;
  TelemetrySink& sink_;
  ControllerStats& stats_;
  const RunnerOptions options_;
  Listener& listener_;
  double now_s_ = 0;  // of the call being handled
  std::unordered_map<JobIndex, Running> segments_;  // by running job
  // The current phase of a running job ends. Events of an older run (preempted or failed since:
  // other generation) or superseded within the run (older seq) stay in the heap and are skipped.
  using Event = std::tuple<double, JobIndex, uint32_t, uint32_t>;  // time, job, generation, seq
  std::priority_queue<Event, std::vector<Event>, std::greater<>> events_;
  std::unique_ptr<FlowNetwork> flows_;
};

}  // namespace sovsim::sim
