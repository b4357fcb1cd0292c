// sim/telemetry/telemetry_sink.hpp — the typed events the controller reports as the run unfolds.
// The ledger (ledger.hpp) accumulates them; the controller knows nothing of what is counted or
// written. Each event names the job (index and record); GPUs and place are its current placement.
#pragma once

#include <cstdint>

#include "sim/telemetry/account.hpp"
#include "sim/workload/job.hpp"

namespace sovsim::sim {

class TelemetrySink {
 public:
  virtual ~TelemetrySink() = default;
  // The job took the GPUs of job.placement (a first start or a restart).
  virtual void job_started(JobIndex index, const Job& job, double now_s) = 0;
  // The job gave them back: it completed, was preempted or failed (job.state tells which).
  virtual void job_stopped(JobIndex index, const Job& job, double now_s) = 0;
  // The running job lost `work_s` of run time to `cause` (it will redo it).
  virtual void work_lost(JobIndex index, const Job& job, Loss cause, double work_s, double now_s) = 0;
  // The running job spent `spent_s` writing a checkpoint.
  virtual void checkpoint_written(JobIndex index, const Job& job, double spent_s) = 0;
  // The running job's communication took `stretch_s` longer than at NIC speed.
  virtual void network_stretched(JobIndex index, const Job& job, double stretch_s) = 0;
  // The running job computed `stretch_s` longer than alone, its GPU's HBM bandwidth being shared
  // with other jobs (sim/engine/hbm_sharing.hpp).
  virtual void hbm_stretched(JobIndex index, const Job& job, double stretch_s) = 0;
  // A failure of a node the job ran on interrupted it (its losses follow as work_lost).
  virtual void job_interrupted(JobIndex index, const Job& job) = 0;
  // GPUs in service in `pool` changed by `delta_gpus` (a tranche entered service or retired);
  // `owner` is the tenant owning them (-1: nobody).
  virtual void capacity_changed(int pool, int owner, int64_t delta_gpus, double now_s) = 0;
  // Every event of instant `now_s` has been handled (completions, arrivals, scheduling).
  virtual void instant_done(double now_s) = 0;
};

}  // namespace sovsim::sim
