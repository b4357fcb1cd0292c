// sim/report/capacity_series.hpp — GPUs in service over time from summary.json's
// capacity.tranches[]: each tranche's `gpus` from its `in_service_s` until its `retire_s` (or the
// end). Its integral is `capacity.gpu_hours` exactly, and unlike utilisation.csv's total_gpus it
// also counts capacity no tenant may run on (a group without series in utilisation.csv).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "sim/report/bucket_series.hpp"
#include "sim/report/name_index.hpp"

namespace sovsim::sim {

struct CapacitySeries {
  BucketedValue installed;                           // the fleet's GPUs in service, per bucket
  std::vector<std::vector<double>> installed_gpu_s;  // [site][period]
};

// Nullopt when the summary has no capacity.tranches[] (a run older than the fleet plan). Sites
// the index lacks are added.
std::optional<CapacitySeries> capacity_from_tranches(const nlohmann::json& summary,
                                                     const BucketGrid& grid,
                                                     const BucketGrid& periods, NameIndex& sites);

}  // namespace sovsim::sim
