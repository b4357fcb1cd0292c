// sim/engine/controller.hpp — the single controller of a run: no actor per job. It keeps its own
// ordered event list (job ends, then arrivals, at each instant) and asks SimGrid to wake it at the
// next event date with one kernel timer, so ties are broken by sovsim's rules, not by SimGrid's
// timer heap. At each instant: completions (by job index), arrivals (in arrival order), then one
// call to the policy. Later work hooks flows (shared links) and failures into the same loop.
#pragma once

#include <cstdint>
#include <queue>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/sched/policy.hpp"
#include "sim/telemetry/telemetry_sink.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

struct ControllerStats {
  uint64_t events = 0;          // job arrivals + job ends handled
  uint64_t instants = 0;        // distinct event dates (timer wake-ups)
  uint64_t policy_calls = 0;
  double policy_wall_s = 0;     // wall time spent inside the policy (not deterministic)
  double policy_max_wall_s = 0;
  double last_event_s = 0;      // date of the last handled event
};

class Controller final : private SchedulingContext {
 public:
  Controller(JobTable& jobs, Cluster& cluster, Policy& policy, TelemetrySink& sink,
             double horizon_s);

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
  void start(JobIndex index, const Placement& placement) override;

  void handle_instant();   // timer callback: everything at now_s_
  void arm_next_timer();   // one live timer at the next event date, if any
  double next_event_s() const;
  void submit(JobIndex index);
  void finish(JobIndex index);

  JobTable& jobs_;
  Cluster& cluster_;
  Policy& policy_;
  TelemetrySink& sink_;
  const double horizon_s_;
  double now_s_ = 0;
  size_t next_arrival_ = 0;     // jobs arrive in index order
  std::set<JobIndex> queue_;
  using EndEvent = std::pair<double, JobIndex>;
  std::priority_queue<EndEvent, std::vector<EndEvent>, std::greater<>> ends_;
  ControllerStats stats_;
};

}  // namespace sovsim::sim
