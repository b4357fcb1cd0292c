// sim/workload/service_plan.hpp — a living service (serve: with autoscale) as the replicas its
// load needs over time. At the start of every decision interval the service sizes itself for the
// interval's peak offered rate at the SLO: ceil(peak / one replica's rate), within [min, max]
// replicas. Replica slot k runs wherever that count exceeds k; each contiguous run of a slot is
// one replica job for the engine, holding its GPUs until the run ends. The rate is known ahead
// (a profile), so this is scheduled scaling; the engine decides whether GPUs are there in time.
// Pure: no SimGrid.
#pragma once

#include <vector>

#include "sim/workload/serving_work.hpp"

namespace sovsim::sim {

struct ReplicaRun {
  int slot = 0;        // 0 = the replica kept longest
  double start_s = 0;  // wanted from (the job's submit time)
  double end_s = 0;    // until (the job ends here, however late it started)
};

// The offered rate's largest value over [t0_s, t1_s).
double peak_rate_between(const ServingWork& work, double t0_s, double t1_s);

// Replicas wanted in each interval [begin + i·interval, ...) up to end_s.
std::vector<int> replicas_wanted(const ServingWork& work, double replica_requests_per_s,
                                 double begin_s, double end_s);

// The replica runs of a service living over [begin_s, end_s), in start order (ties: slot).
std::vector<ReplicaRun> plan_replicas(const ServingWork& work, double replica_requests_per_s,
                                      double begin_s, double end_s);

}  // namespace sovsim::sim
