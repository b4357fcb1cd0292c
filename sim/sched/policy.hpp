// sim/sched/policy.hpp — the whole contract a scheduling policy sees. A policy reads the queue
// (job indices in arrival order), the jobs and the cluster through a SchedulingContext, and acts
// through it: start(job, placement) takes effect at once, so the next look at the cluster or the
// queue already reflects it. A policy never touches SimGrid and keeps no global state.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "sim/cluster/cluster.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/workload/job.hpp"

namespace sovsim::sim {

class SchedulingContext {
 public:
  virtual ~SchedulingContext() = default;
  virtual double now() const = 0;
  // Queued jobs by index; index order is arrival order (submit time, then input order).
  virtual const std::set<JobIndex>& queue() const = 0;
  // The same jobs by eligibility class (Job::eligibility: jobs that may use the same pools, as a
  // Slurm partition), each class in arrival order. Classes are few (tenants x constraints).
  virtual const std::map<uint32_t, std::set<JobIndex>>& partitions() const = 0;
  virtual const Job& job(JobIndex index) const = 0;
  virtual const Cluster& cluster() const = 0;
  // Where the configured placement strategy would put the job right now; nullopt if nowhere.
  virtual std::optional<Placement> find_placement(JobIndex index) const = 0;
  // Same, restricted to one pool.
  virtual std::optional<Placement> find_placement_in(JobIndex index, int pool) const = 0;
  // Starts a queued job on `placement` (which must be free): it leaves the queue at once.
  virtual void start(JobIndex index, const Placement& placement) = 0;

  // Running jobs by index. A running job's expected end by the user's estimate is
  // run_start_s + (estimate_s - (duration_s - remaining_s)); its true end is hidden on purpose.
  virtual const std::set<JobIndex>& running() const = 0;
  // Stops a running job now: its GPUs are free at once and it rejoins the queue at its arrival
  // position, losing the work since its last checkpoint (Job::preemption_loss_at).
  virtual void preempt(JobIndex index) = 0;

  // Tenants as declared (share, priority), and the GPUs each holds right now.
  virtual const std::vector<Tenant>& tenants() const = 0;
  virtual double tenant_busy_gpus(int tenant) const = 0;
  // Pools a job may use (its tenant's sites, its constraints), in placement order.
  virtual const std::vector<int>& eligible_pools(JobIndex index) const = 0;

  // Asks to be called again at `time_s` (> now) even if no job event happens then, e.g. when a
  // running job crosses a service threshold (LAS) or a reservation falls due.
  virtual void wake_at(double time_s) = 0;
  // Site power caps (docs/energy.md#in-a-run): whether `gpus` more GPUs may run in `pool` once
  // `stopped_gpus` running there have stopped. find_placement() already refuses a start beyond
  // the cap; a policy that frees GPUs by preemption asks this too.
  virtual bool power_admits(int pool, int64_t gpus, int64_t stopped_gpus) const { return true; }
};

class Policy {
 public:
  virtual ~Policy() = default;
  // Called once after every instant at which the queue or the free capacity changed
  // (completions first, then arrivals, then this), and at the times asked with wake_at(),
  // whenever the queue is not empty.
  virtual void schedule(SchedulingContext& ctx) = 0;
};

}  // namespace sovsim::sim
