// sim/sched/policy.hpp — the whole contract a scheduling policy sees. A policy reads the queue
// (job indices in arrival order), the jobs and the cluster through a SchedulingContext, and acts
// through it: start(job, placement) takes effect at once, so the next look at the cluster or the
// queue already reflects it. A policy never touches SimGrid and keeps no global state.
#pragma once

#include <optional>
#include <set>
#include <string_view>

#include "sim/cluster/cluster.hpp"
#include "sim/workload/job.hpp"

namespace sovsim::sim {

class SchedulingContext {
 public:
  virtual ~SchedulingContext() = default;
  virtual double now() const = 0;
  // Queued jobs by index; index order is arrival order (submit time, then input order).
  virtual const std::set<JobIndex>& queue() const = 0;
  virtual const Job& job(JobIndex index) const = 0;
  virtual const Cluster& cluster() const = 0;
  // Where the configured placement strategy would put the job right now; nullopt if nowhere.
  virtual std::optional<Placement> find_placement(JobIndex index) const = 0;
  // Starts a queued job on `placement` (which must be free): it leaves the queue at once.
  virtual void start(JobIndex index, const Placement& placement) = 0;
};

class Policy {
 public:
  virtual ~Policy() = default;
  // Called once after every instant at which the queue or the free capacity changed
  // (completions first, then arrivals, then this).
  virtual void schedule(SchedulingContext& ctx) = 0;
};

}  // namespace sovsim::sim
