// sim/report/power_series_report.hpp — power.csv summarised for the report in one streaming pass:
// each site's IT power and the fleet's power at the meter, as time averages over the buckets of
// the run.
#pragma once

#include <filesystem>
#include <vector>

#include "models/common/result.hpp"
#include "sim/report/bucket_series.hpp"
#include "sim/report/name_index.hpp"

namespace sovsim::sim {

struct PowerReportSeries {
  std::vector<BucketedValue> it_mw_by_site;  // by site index
  BucketedValue facility_mw;                 // the fleet at the meter
};

// Sites the index lacks are added.
Result<PowerReportSeries> read_power_series(const std::filesystem::path& file,
                                           const BucketGrid& grid, NameIndex& sites);

}  // namespace sovsim::sim
