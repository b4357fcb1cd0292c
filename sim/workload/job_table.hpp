// sim/workload/job_table.hpp — every job of a run, materialised from the scenario's workload
// (explicit list, imported trace, generators), sorted into arrival order, with each job's list of
// pools it may run on. Generators sample from per-generator Rng streams of the scenario seed, so
// adding a generator does not change the jobs of the others.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/common/result.hpp"
#include "models/catalogs.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/fleet/capacity_plan.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/workload/job.hpp"

namespace sovsim::sim {

// A living service (serve: with autoscale): its replicas are jobs of the table (service_plan.hpp).
struct LivingService {
  int64_t id = 0;               // the serve job's id in the workload
  uint16_t tenant = 0;
  std::string hardware;         // where its replicas run, sized there
  int tp = 0;                   // GPUs per replica
  double replica_requests_per_s = 0;  // one replica's rate within the SLOs
  double ttft_s = 0, tpot_s = 0;      // at that rate
  double begin_s = 0, end_s = 0;      // its life
  int peak_replicas = 0;              // the most the plan asks for
  ServingWork work;
};

// A replica job's service and the time it gives its GPUs back.
struct ReplicaOf {
  int32_t service = 0;
  double end_by_s = 0;
};

struct JobTable {
  std::vector<Job> jobs;                        // arrival order
  std::vector<std::string> kinds;               // Job::kind -> name
  std::vector<std::vector<int>> eligible_pools; // Job::eligibility -> pool indices
  // Job::profile -> run time (s) per pool for model-defined jobs; NaN where it cannot run.
  std::vector<std::vector<double>> runtime_profiles;
  // Job::profile -> exposed scale-out communication share of the run time, per pool.
  std::vector<std::vector<double>> network_profiles;
  std::vector<double> profile_checkpoint_bytes;  // Job::profile -> bytes of one checkpoint
  std::vector<int64_t> profile_iterations;       // Job::profile -> training iterations
  std::vector<double> profile_tokens;            // Job::profile -> tokens the whole run trains on
  // Model-defined services (serve:): tokens processed per second in service, input and output.
  std::map<JobIndex, double> service_tokens_per_s;
  std::vector<LivingService> services;
  std::map<JobIndex, ReplicaOf> replicas;       // replica jobs of living services
  // After the run (ServiceMeter): tokens each replica job served, input and output.
  std::map<JobIndex, double> replica_tokens_served;
  // Jobs asking for a share of one GPU (docs/gpu-sharing.md), kept beside Job: they are few, and
  // a fleet-year holds millions of jobs.
  struct GpuShare {
    double share = 0;       // in (0, 1)
    double hbm_demand = 0;  // share of a GPU's HBM bandwidth it draws alone
  };
  std::unordered_map<JobIndex, GpuShare> gpu_shares;
  const GpuShare* gpu_share(JobIndex index) const {
    const auto it = gpu_shares.find(index);
    return it == gpu_shares.end() ? nullptr : &it->second;
  }
  int64_t beyond_horizon = 0;                   // jobs dropped: submitted at or after the horizon
  std::vector<std::string> notes;               // importer notes (skipped records etc.)
  // Where jobs came from (`sovsim describe`): generator g made the ids [first, first + count).
  std::vector<std::pair<int64_t, int64_t>> generated_ids;
  int64_t trace_jobs = 0, trace_skipped = 0;  // imported from the trace; records it skipped
};

// Every job of the workload as specs: explicit, imported (the trace file is read here, so its
// errors surface as diagnostics) and generated, sorted by submit time (stable).
struct WorkloadJobs {
  std::vector<JobSpec> specs;
  int64_t trace_max_procs = 0;     // the trace header's MaxProcs/MaxNodes, 0 if none
  std::vector<std::string> notes;  // importer notes (skipped records etc.)
  std::vector<std::pair<int64_t, int64_t>> generated_ids;  // per generator: first id, count
  int64_t trace_jobs = 0, trace_skipped = 0;
};
Result<WorkloadJobs> collect_jobs(const Scenario& scenario);

// Resolves node groups declared with `count: trace`: enough nodes for the trace's MaxProcs
// (or, without that header, for its largest job). A group that would get more than
// kMaxNodesPerGroup nodes (sim/scenario/limits.hpp) is an error naming the trace and the key.
Diagnostics size_sites_from_trace(Scenario& scenario, const WorkloadJobs& jobs);

// The run's job table for `cluster` (built from the sized scenario).
// Model-defined (train:) jobs get a runtime profile over pools from the performance models, and
// are eligible only where they fit.
Result<JobTable> build_job_table(const Scenario& scenario, const Cluster& cluster,
                                 const models::Catalogs& catalogs, WorkloadJobs jobs);

// The three steps above, for callers that need a ready cluster and job table.
struct PreparedWorkload {
  Scenario scenario;  // with trace-sized node groups and the capacity plan resolved
  CapacityPlan capacity;  // every node's entry into and exit from service, who owns it
  Cluster cluster;        // every node that will ever exist
  JobTable table;
};
Result<PreparedWorkload> prepare_workload(Scenario scenario,
                                          const models::Catalogs& catalogs);

// The generator's jobs (exposed for tests). Ids start at `first_id`.
std::vector<JobSpec> generate_jobs(const JobGenerator& generator, uint64_t seed,
                                   uint64_t stream, double horizon_s, int64_t first_id);

}  // namespace sovsim::sim
