// sim/workload/job_spec.hpp — one job as the workload describes it, before the engine sees it:
// the common form that explicit job lists, generators and trace importers all produce.
// Plain value type; no SimGrid, no engine state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sovsim::sim {

// How a job communicates and checkpoints while it runs: the same keys on explicit jobs and on
// generators (docs/scenario.md, docs/fabric.md, docs/failures.md).
enum class CheckpointRule : uint8_t {
  kFixed,  // every checkpoint_interval_s of progress (0: never)
  kYoung,  // Young's optimum sqrt(2 C M) for the job's write cost C and failure MTBF M
  kDaly,   // Daly's higher-order optimum
};

struct RunOptions {
  double checkpoint_interval_s = 0;  // progress between checkpoints; 0 = none (kFixed)
  CheckpointRule checkpoint_rule = CheckpointRule::kFixed;
  double checkpoint_bytes = 0;       // written to the site's shared storage at each checkpoint
  double network_fraction = 0;       // share of its undisturbed run time spent in exposed
                                     // scale-out communication (0: none); model jobs: computed
  double hbm_demand = -1;            // share of one GPU's HBM bandwidth it draws running alone at
                                     // full speed (matters on a shared GPU); < 0: its GPU share
};

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
  RunOptions run;           // checkpoints and network traffic
  int32_t serving = -1;    // index into Workload::servings: GPU count sized from the models
  double gpu_share = 0;    // in (0, 1): that fraction of one GPU (then gpus = 1); 0: whole GPUs
};

// Orders jobs by submission time, ties kept in their order (the workload's arrival order).
// Lists are usually sorted already (traces are logged in order): then it costs one pass.
void sort_by_submit_time(std::vector<JobSpec>& jobs);

}  // namespace sovsim::sim
