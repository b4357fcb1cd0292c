// sim/report/service_series.hpp — services.csv summarised for the report: the requests per second
// offered to and served within their SLOs by all living services together, as time averages over
// the buckets of the run (each row holds its interval's mean rates).
#pragma once

#include <filesystem>

#include "models/common/result.hpp"
#include "sim/report/bucket_series.hpp"

namespace sovsim::sim {

struct ServiceSeries {
  BucketedValue offered_rps, served_rps;
  size_t rows = 0;
};

Result<ServiceSeries> read_service_series(const std::filesystem::path& file,
                                          const BucketGrid& grid);

}  // namespace sovsim::sim
