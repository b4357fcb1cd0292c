// sim/output/jobs_csv.hpp — jobs.csv: one row per submitted job, in arrival order.
#pragma once

#include <cstdio>

#include "sim/cluster/cluster.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

// Columns: job_id,tenant,kind,gpus,alloc_gpus,submit_s,start_s,end_s,wait_s,runtime_s,status,
// site,hw,gpu_hours,preemptions,lost_s,domains (docs/outputs.md). runtime_s is time spent holding GPUs
// (all run segments); a job running at the end counts up to `end_s`.
void write_jobs_csv(std::FILE* out, const Scenario& scenario, const Cluster& cluster,
                    const JobTable& table, double end_s);

}  // namespace sovsim::sim
