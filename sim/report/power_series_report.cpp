// sim/report/power_series_report.cpp — see power_series_report.hpp.
#include "sim/report/power_series_report.hpp"

#include <array>

#include "sim/report/output_csv.hpp"

namespace sovsim::sim {

Result<PowerReportSeries> read_power_series(const std::filesystem::path& file,
                                           const BucketGrid& grid, NameIndex& sites) {
  enum { kStart, kEnd, kSite, kMean, kFacility };
  static constexpr std::array<std::string_view, 5> kColumns = {"start_s", "end_s", "site",
                                                               "it_mw_mean", "facility_mw_mean"};
  PowerReportSeries out{{}, BucketedValue(grid.size())};
  Diagnostics problems = read_output_csv(
      file, kColumns, [&](std::span<const CsvField> f, int line, DiagnosticSink& sink) {
        const auto start = nonnegative_field(f[kStart], "start_s", line, sink);
        const auto end = nonnegative_field(f[kEnd], "end_s", line, sink);
        const auto mean = nonnegative_field(f[kMean], "it_mw_mean", line, sink);
        const auto facility = nonnegative_field(f[kFacility], "facility_mw_mean", line, sink);
        if (!start || !end || !mean || !facility) return;
        const size_t site = sites.index_of(f[kSite].text);
        while (out.it_mw_by_site.size() <= site) out.it_mw_by_site.emplace_back(grid.size());
        BucketedValue& series = out.it_mw_by_site[site];
        grid.for_each_overlap(*start, *end, [&](size_t i, double seconds) {
          series.add(i, seconds, *mean);
          out.facility_mw.add(i, seconds, *facility);
        });
      });
  if (!problems.empty()) return problems;
  while (out.it_mw_by_site.size() < sites.size()) out.it_mw_by_site.emplace_back(grid.size());
  return out;
}

}  // namespace sovsim::sim
