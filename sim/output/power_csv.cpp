// sim/output/power_csv.cpp — see power_csv.hpp.
#include "sim/output/power_csv.hpp"

#include <algorithm>

#include "sim/trace/csv.hpp"

namespace sovsim::sim {

int64_t write_power_csv(std::FILE* out, const PowerMeter& power,
                        const std::vector<std::string>& site_names) {
  const PowerSeries& series = power.series();
  const size_t sites = power.site_count();
  std::vector<std::string> names(sites);
  for (size_t s = 0; s < sites; ++s) append_csv_field(names[s], site_names.at(s));
  size_t buckets = 0;
  for (size_t s = 0; s < sites; ++s) {
    buckets = std::max(buckets, series.buckets(static_cast<int>(s)).size());
  }
  std::string text = "start_s,end_s,site,it_mw_mean,it_mw_peak,facility_mw_mean\n";
  int64_t rows = 0;
  for (size_t k = 0; k < buckets; ++k) {
    const double start_s = static_cast<double>(k) * series.bucket_s();
    const double end_s = std::min(start_s + series.bucket_s(), series.end_s());
    for (size_t s = 0; s < sites; ++s) {
      const auto& closed = series.buckets(static_cast<int>(s));
      if (k >= closed.size()) continue;
      const double mean_w = end_s > start_s ? closed[k].energy_j / (end_s - start_s) : 0;
      append_csv_number(text, start_s);
      text += ',';
      append_csv_number(text, end_s);
      text += ',';
      text += names[s];
      text += ',';
      append_csv_number(text, mean_w / 1e6);
      text += ',';
      append_csv_number(text, closed[k].peak_w / 1e6);
      text += ',';
      append_csv_number(text, mean_w * power.site_pue(static_cast<int>(s)) / 1e6);
      text += '\n';
      ++rows;
    }
    if (text.size() > (size_t{1} << 20)) {
      std::fwrite(text.data(), 1, text.size(), out);
      text.clear();
    }
  }
  std::fwrite(text.data(), 1, text.size(), out);
  return rows;
}

}  // namespace sovsim::sim
