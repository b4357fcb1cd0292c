// sim/telemetry/service_meter.hpp — what living services delivered: it watches their replica
// jobs start and stop (forwarding every event to the ledger it wraps), counts a replica as
// serving from its start plus the scale-up delay until it stops, and integrates exactly, over the
// rate profile's steps, the offered rate and the rate served within the SLO — min(offered, ready
// replicas × one replica's rate at the SLO). Requests beyond that are counted as missing the SLO
// (they would queue past the TTFT objective). Per service: totals and one row per decision
// interval; per replica job: the tokens it served. Only built when a run has living services.
#pragma once

#include <map>
#include <vector>

#include "sim/telemetry/forwarding_sink.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

class ServiceMeter final : public ForwardingSink {
 public:
  struct Interval {
    double start_s = 0, length_s = 0;
    double offered_requests = 0, served_requests = 0;
    double ready_replica_s = 0;  // ∫ replicas serving dt
  };
  struct Totals {
    double offered_requests = 0, served_requests = 0, ready_replica_s = 0;
    std::vector<Interval> intervals;
  };

  // `inner` receives every event first; `table` (its services and replicas) must outlive this.
  ServiceMeter(TelemetrySink& inner, const JobTable& table);

  void job_started(JobIndex index, const Job& job, double now_s) override;
  void job_stopped(JobIndex index, const Job& job, double now_s) override;

  // Closes every integral at the run's end. Call once.
  void finish(double end_s);
  const std::vector<Totals>& totals() const { return totals_; }  // by JobTable::services index
  // Tokens (input and output) each replica job served.
  const std::map<JobIndex, double>& tokens_by_job() const { return tokens_; }

 private:
  struct State {
    double last_s = 0;                    // integrated up to here
    int ready = 0;                        // replicas serving
    double served_per_replica = 0;        // ∫ served rate / ready dt (requests)
    std::multimap<double, JobIndex> pending;   // started, serving from the key time
    std::map<JobIndex, double> ready_since;    // serving: served_per_replica when it began
  };
  void advance(size_t service, double t_s);
  void integrate(size_t service, double t0_s, double t1_s);
  void stop_serving(size_t service, JobIndex index);

  const JobTable& table_;
  std::vector<State> states_;
  std::vector<Totals> totals_;
  std::map<JobIndex, double> tokens_;
};

}  // namespace sovsim::sim
