// sim/report/run_outputs.hpp — a run's output directory loaded for the report: summary.json as
// JSON, and whichever of jobs.csv, utilisation.csv, services.csv and power.csv the run wrote,
// summarised over one grid of at most kMaxBuckets buckets spanning [0, end_s] (bucket_series.hpp) and, for
// the heat map, over periods of a week (a day for runs shorter than four weeks); GPUs in service
// from summary.json's tranches. Tenants and sites are numbered in summary.json's order.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "models/common/result.hpp"
#include "sim/report/bucket_series.hpp"
#include "sim/report/capacity_series.hpp"
#include "sim/report/job_series.hpp"
#include "sim/report/name_index.hpp"
#include "sim/report/power_series_report.hpp"
#include "sim/report/service_series.hpp"
#include "sim/report/usage_series.hpp"

namespace sovsim::sim {

inline constexpr double kWeekS = 7 * 86400.0;
inline constexpr double kDayS = 86400.0;

struct RunOutputs {
  nlohmann::json summary;
  double end_s = 0;  // time plots span [0, end_s]: summary.json's end_s (its horizon_s if 0)
  NameIndex tenants, sites;
  BucketGrid grid{0, 0, 0};
  BucketGrid periods{0, 0, 0};  // the heat map's columns
  double period_s = kWeekS;
  std::optional<UsageSeries> usage;        // without utilisation.csv: none
  std::optional<CapacitySeries> capacity;  // GPUs in service, from summary.json's tranches
  std::optional<JobSeries> jobs;           // without jobs.csv (run --outputs summary): none
  std::optional<ServiceSeries> services;   // without services.csv: none
  std::optional<PowerReportSeries> power;  // without power.csv (--outputs summary, older runs): none
};

// Reads DIR/summary.json (required) and the tables present. Diagnostics: no or bad summary.json,
// a malformed table.
Result<RunOutputs> load_run_outputs(const std::filesystem::path& dir);

// The number at JSON pointer `pointer` in `j` (e.g. "/wait/p95_s"), nullopt if absent, null or
// not a number.
std::optional<double> number_at(const nlohmann::json& j, const std::string& pointer);

}  // namespace sovsim::sim
