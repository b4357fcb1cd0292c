// sim/telemetry/power_series.cpp — see power_series.hpp.
#include "sim/telemetry/power_series.hpp"

#include <algorithm>
#include <iterator>

namespace sovsim::sim {

double power_bucket_s(double horizon_s) {
  constexpr double kWidths[] = {60, 300, 900, 3600, 4 * 3600, 86400, 7 * 86400};
  for (const double w : kWidths) {
    if (horizon_s / w <= kMaxPowerBuckets) return w;
  }
  return kWidths[std::size(kWidths) - 1];
}

PowerSeries::PowerSeries(size_t sites, double bucket_s)
    : bucket_s_(bucket_s), open_end_(sites, bucket_s), open_start_j_(sites, 0),
      open_peak_w_(sites, 0), closed_(sites) {}

void PowerSeries::close_until(int site, double now_s, double energy_j, double since_s,
                              double watts) {
  while (open_end_[site] <= now_s) {
    const double end_j = energy_j + watts * (open_end_[site] - since_s);
    // `watts` was held up to the bucket's end (since_s is inside it or before): a peak too, even
    // if no instant ended in the bucket to sample it.
    closed_[site].push_back({end_j - open_start_j_[site], std::max(open_peak_w_[site], watts)});
    open_start_j_[site] = end_j;
    open_peak_w_[site] = watts;  // the draw held into the next bucket
    open_end_[site] += bucket_s_;
  }
}

void PowerSeries::finish(double end_s, const std::vector<double>& energy_j,
                         const std::vector<double>& watts) {
  end_s_ = end_s;
  for (size_t s = 0; s < closed_.size(); ++s) {
    if (open_end_[s] - bucket_s_ < end_s) {  // the open bucket has a positive span
      closed_[s].push_back(
          {energy_j[s] - open_start_j_[s], std::max(open_peak_w_[s], watts[s])});
    }
  }
}

}  // namespace sovsim::sim
