// sim/engine/controller.hpp — the single controller of a run: no actor per job. It keeps its own
// ordered event list (job ends, then arrivals, at each instant) and asks SimGrid to wake it at the
// next event date with one kernel timer, so ties are broken by sovsim's rules, not by SimGrid's
// timer heap. At each instant: completions (by job index), arrivals (in arrival order), then one
// call to the policy. Later work hooks flows (shared links) and failures into the same loop.
#pragma once

#include <cstdint>
#include <queue>
#include <string>
#include <tuple>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/sched/policy.hpp"
#include "sim/telemetry/telemetry_sink.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

struct ControllerStats {
  uint64_t events = 0;          // job arrivals, ends and preemptions handled
  uint64_t preemptions = 0;
  uint64_t instants = 0;        // distinct event dates (timer wake-ups)
  uint64_t policy_calls = 0;
  double policy_wall_s = 0;     // wall time spent inside the policy (not deterministic)
  double policy_max_wall_s = 0;
  double last_event_s = 0;      // date of the last handled event
  // Queue length as a step function, sampled after the policy at each instant.
  double queue_job_s = 0;       // integral of the queue length up to last_event_s
  uint64_t queue_length = 0;    // queue length after the last instant
  uint64_t queue_max = 0;
  double fragmentation_s = 0;   // integral of Cluster::fragmentation() up to last_event_s
  double fragmentation = 0;     // after the last instant

  // Time-averaged fragmentation over [0, end_s].
  double mean_fragmentation(double end_s) const {
    return end_s > 0 ? (fragmentation_s + fragmentation * (end_s - last_event_s)) / end_s : 0.0;
  }
  // Time-averaged queue length over [0, end_s] (end_s >= last_event_s).
  double mean_queue_length(double end_s) const {
    return end_s > 0 ? (queue_job_s + static_cast<double>(queue_length) * (end_s - last_event_s)) / end_s
                     : 0.0;
  }
};

class Controller final : private SchedulingContext {
 public:
  // `placement`: "first-fit", "pack" (best fit) or "topology" (fewest scale-up domains).
  Controller(JobTable& jobs, Cluster& cluster, const std::vector<Tenant>& tenants, Policy& policy,
             TelemetrySink& sink, double horizon_s, const std::string& placement = "first-fit");

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

  void handle_instant();   // timer callback: everything at now_s_
  void arm_next_timer();   // one live timer at the next event date, if any
  double next_event_s() const;
  void submit(JobIndex index);
  void finish(JobIndex index);
  void release(Job& job);  // frees the GPUs of a running job

  JobTable& jobs_;
  Cluster& cluster_;
  const std::vector<Tenant>& tenants_;
  Policy& policy_;
  TelemetrySink& sink_;
  const double horizon_s_;
  enum class Strategy { kFirstFit, kPack, kTopology };
  const Strategy strategy_;
  double now_s_ = 0;
  size_t next_arrival_ = 0;     // jobs arrive in index order
  std::set<JobIndex> queue_;
  std::set<JobIndex> running_;
  std::vector<int64_t> tenant_busy_gpus_;
  // (end time, job, generation): ends of preempted runs stay in the heap and are skipped.
  using EndEvent = std::tuple<double, JobIndex, uint32_t>;
  std::priority_queue<EndEvent, std::vector<EndEvent>, std::greater<>> ends_;
  std::priority_queue<double, std::vector<double>, std::greater<>> wakeups_;
  ControllerStats stats_;
};

}  // namespace sovsim::sim
