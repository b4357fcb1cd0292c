// sim/telemetry/telemetry_sink.hpp — what the controller reports as the run unfolds. Recorders
// (utilisation series, later power, traces) implement it; the controller knows none of them.
#pragma once

#include "sim/workload/job.hpp"

namespace sovsim::sim {

class TelemetrySink {
 public:
  virtual ~TelemetrySink() = default;
  // The job took the GPUs of job.placement (a first start or a restart).
  virtual void job_started(const Job& job, double now_s) = 0;
  // The job gave them back: it completed or was preempted (job.state tells which).
  virtual void job_stopped(const Job& job, double now_s) = 0;
  // Every event of instant `now_s` has been handled (completions, arrivals, scheduling).
  virtual void instant_done(double now_s) = 0;
};

}  // namespace sovsim::sim
