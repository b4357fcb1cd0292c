// sim/workload/job_spec.hpp — one job as the workload describes it, before the engine sees it:
// the common form that explicit job lists, generators and trace importers all produce.
// Plain value type; no SimGrid, no engine state.
#pragma once

#include <cstdint>
#include <string>

namespace sovsim::sim {

struct JobSpec {
  int64_t id = 0;          // unique within a run; the trace's job number when replaying a trace
  std::string tenant;      // tenant name (must be declared in the scenario's tenants[])
  std::string kind = "batch";  // free label: "train", "infer", "sim", "batch", ...
  double submit_s = 0;     // submission time, seconds since scenario start
  int gpus = 1;            // GPUs requested (processors, for flat HPC traces)
  double duration_s = 0;   // actual run time if it runs undisturbed
  double estimate_s = 0;   // user's run-time estimate (walltime request); 0 = same as duration
  int priority = 0;        // larger runs first under priority policies
  std::string site;        // optional placement constraint; empty = any site the tenant may use
  std::string hardware;    // optional hardware constraint; empty = any
  int32_t training = -1;   // index into Workload::trainings: run time from the models, not duration_s
  double checkpoint_interval_s = 0;  // progress between checkpoints; 0 = preemption loses nothing
  int32_t serving = -1;    // index into Workload::servings: GPU count sized from the models
};

}  // namespace sovsim::sim
