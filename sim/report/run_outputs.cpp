// sim/report/run_outputs.cpp — see run_outputs.hpp.
#include "sim/report/run_outputs.hpp"

#include <fmt/format.h>

#include <cmath>
#include <system_error>

#include "models/common/input_file.hpp"
#include "sim/scenario/limits.hpp"

namespace sovsim::sim {
namespace fs = std::filesystem;

namespace {

constexpr uint64_t kMaxSummaryBytes = uint64_t{256} << 20;

Result<nlohmann::json> read_summary(const fs::path& dir) {
  const fs::path path = dir / "summary.json";
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Diagnostics{
        {dir.string(), 0, 0, "", "no summary.json (not the output directory of a run)"}};
  }
  auto text = read_input_file(path, "summary file", kMaxSummaryBytes);
  if (!text.ok()) return text.diagnostics();
  nlohmann::json summary = nlohmann::json::parse(text.value(), nullptr, false);
  if (summary.is_discarded() || !summary.is_object()) {
    return Diagnostics{{path.string(), 0, 0, "", "expected a JSON object, found none"}};
  }
  return summary;
}

void seed_names(const nlohmann::json& list, NameIndex& names) {
  if (!list.is_array()) return;
  for (const auto& item : list) {
    if (item.is_object() && item.contains("name") && item["name"].is_string()) {
      names.index_of(item["name"].get<std::string>());
    }
  }
}

// Reads `file` with `read` if it exists; a problem goes to `problems`.
template <typename T, typename Read>
std::optional<T> read_if_present(const fs::path& file, Diagnostics& problems, Read read) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  Result<T> r = read(file);
  if (!r.ok()) {
    problems.insert(problems.end(), r.diagnostics().begin(), r.diagnostics().end());
    return std::nullopt;
  }
  return std::move(r).value();
}

}  // namespace

std::optional<double> number_at(const nlohmann::json& j, const std::string& pointer) {
  const nlohmann::json::json_pointer p(pointer);
  if (!j.contains(p) || !j.at(p).is_number()) return std::nullopt;
  const double v = j.at(p).get<double>();
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

Result<RunOutputs> load_run_outputs(const fs::path& dir) {
  auto summary = read_summary(dir);
  if (!summary.ok()) return summary.diagnostics();
  RunOutputs out;
  out.summary = std::move(summary).value();
  out.end_s = number_at(out.summary, "/end_s").value_or(0);
  if (!(out.end_s > 0)) out.end_s = std::max(0.0, number_at(out.summary, "/horizon_s").value_or(0));
  if (out.end_s > kMaxHorizon_s) {  // no run is longer; the grids below would not fit in memory
    return Diagnostics{{(dir / "summary.json").string(), 0, 0, "end_s",
                        fmt::format("expected a run of at most {} s (100 years), found {} s",
                                    kMaxHorizon_s, out.end_s)}};
  }
  seed_names(out.summary.value("tenants", nlohmann::json::array()), out.tenants);
  seed_names(out.summary.value("sites", nlohmann::json::array()), out.sites);
  out.grid = BucketGrid(0, out.end_s, kMaxBuckets);
  out.period_s = out.end_s >= 4 * kWeekS ? kWeekS : kDayS;
  const auto periods = static_cast<size_t>(std::ceil(out.end_s / out.period_s));
  out.periods = BucketGrid(0, static_cast<double>(periods) * out.period_s, periods);

  Diagnostics problems;
  out.jobs = read_if_present<JobSeries>(dir / "jobs.csv", problems, [&](const fs::path& f) {
    return read_job_series(f, out.grid, out.tenants);
  });
  out.usage =
      read_if_present<UsageSeries>(dir / "utilisation.csv", problems, [&](const fs::path& f) {
        return read_usage_series(f, out.grid, out.periods, out.tenants, out.sites);
      });
  out.services = read_if_present<ServiceSeries>(
      dir / "services.csv", problems,
      [&](const fs::path& f) { return read_service_series(f, out.grid); });
  out.power = read_if_present<PowerReportSeries>(dir / "power.csv", problems, [&](const fs::path& f) {
    return read_power_series(f, out.grid, out.sites);
  });
  if (!problems.empty()) return problems;
  out.capacity = capacity_from_tranches(out.summary, out.grid, out.periods, out.sites);
  return out;
}

}  // namespace sovsim::sim
