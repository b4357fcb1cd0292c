// sim/report/usage_series.hpp — utilisation.csv summarised for the report in one streaming pass
// (a fleet-year's file is never held as rows): busy GPUs per tenant, per site and for the fleet,
// and GPUs in service, over the buckets of the run (bucket_series.hpp: time average and peak per
// bucket); and per site × period (heat map) the busy and in-service GPU-seconds.
#pragma once

#include <filesystem>
#include <vector>

#include "models/common/result.hpp"
#include "sim/report/bucket_series.hpp"
#include "sim/report/name_index.hpp"

namespace sovsim::sim {

struct UsageSeries {
  BucketedValue installed, busy;              // the fleet's GPUs in service and busy GPUs
  std::vector<BucketedValue> busy_by_tenant;  // by tenant index
  std::vector<BucketedValue> busy_by_site;    // by site index
  std::vector<std::vector<double>> busy_gpu_s, installed_gpu_s;  // [site][period]
};

// Reads `file` (rows in time order, as a run writes them): each series holds its busy_gpus from
// its row's time_s until its next row or `grid.end()`, each (site, hw) group its total_gpus.
// Tenants and sites the indexes lack are added.
Result<UsageSeries> read_usage_series(const std::filesystem::path& file, const BucketGrid& grid,
                                      const BucketGrid& periods, NameIndex& tenants,
                                      NameIndex& sites);

}  // namespace sovsim::sim
