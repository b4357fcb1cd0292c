// sim/report/job_series.hpp — jobs.csv summarised for the report: the queue length over time per
// tenant (a step function built from each job's submit_s and first start_s: +1 at submission,
// -1 at its first start; a job queued at the end stays counted; rejected jobs never queue),
// bucketed over the run, and every started job's wait_s, sorted, per tenant and for the fleet.
#pragma once

#include <filesystem>
#include <vector>

#include "models/common/result.hpp"
#include "sim/report/bucket_series.hpp"
#include "sim/report/name_index.hpp"

namespace sovsim::sim {

struct JobSeries {
  BucketedValue queued;                              // all tenants
  std::vector<BucketedValue> queued_by_tenant;       // by tenant index
  std::vector<double> waits;                         // sorted
  std::vector<std::vector<double>> waits_by_tenant;  // sorted, by tenant index
  size_t jobs = 0;                                   // rows read
};

// Tenants the index lacks are added.
Result<JobSeries> read_job_series(const std::filesystem::path& file, const BucketGrid& grid,
                                  NameIndex& tenants);

}  // namespace sovsim::sim
