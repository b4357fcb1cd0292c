// sim/report/service_series.cpp — see service_series.hpp.
#include "sim/report/service_series.hpp"

#include <array>

#include "sim/report/output_csv.hpp"

namespace sovsim::sim {

Result<ServiceSeries> read_service_series(const std::filesystem::path& file,
                                          const BucketGrid& grid) {
  enum { kStart, kLength, kOffered, kServed };
  static constexpr std::array<std::string_view, 4> kColumns = {"interval_start_s", "interval_s",
                                                               "offered_rps", "served_rps"};
  ServiceSeries out{BucketedValue(grid.size()), BucketedValue(grid.size()), 0};
  Diagnostics problems = read_output_csv(
      file, kColumns, [&](std::span<const CsvField> f, int line, DiagnosticSink& sink) {
        ++out.rows;
        const auto start = nonnegative_field(f[kStart], "interval_start_s", line, sink);
        const auto length = nonnegative_field(f[kLength], "interval_s", line, sink);
        const auto offered = nonnegative_field(f[kOffered], "offered_rps", line, sink);
        const auto served = nonnegative_field(f[kServed], "served_rps", line, sink);
        if (!start || !length || !offered || !served) return;
        grid.for_each_overlap(*start, *start + *length, [&](size_t i, double seconds) {
          out.offered_rps.add(i, seconds, *offered);
          out.served_rps.add(i, seconds, *served);
        });
      });
  if (!problems.empty()) return problems;
  return out;
}

}  // namespace sovsim::sim
