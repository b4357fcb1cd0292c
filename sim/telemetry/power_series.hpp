// sim/telemetry/power_series.hpp — each site's IT power over time, in buckets of equal width
// (an hour for runs up to about a year): the energy drawn in each bucket and the highest draw at
// the end of an instant within it. PowerMeter feeds it as it integrates, so the buckets of a site
// add up to the energy the meter (and the ledger) counted for it; power.csv is written from it
// (docs/outputs.md#powercsv) and the report draws it.
#pragma once

#include <cstddef>
#include <vector>

namespace sovsim::sim {

// The bucket width for a run of `horizon_s`: the first of 1 min, 5 min, 15 min, 1 h, 4 h, 1 d,
// 1 w that gives at most kMaxPowerBuckets buckets (a week beyond that).
double power_bucket_s(double horizon_s);
inline constexpr double kMaxPowerBuckets = 10000;

class PowerSeries {
 public:
  struct Bucket {
    double energy_j = 0;  // IT energy drawn in the bucket
    double peak_w = 0;    // highest IT power at the end of an instant in it, or held into it
  };

  PowerSeries(size_t sites, double bucket_s);

  double bucket_s() const { return bucket_s_; }
  // When `site`'s open bucket ends.
  double open_end(int site) const { return open_end_[site]; }
  // Closes `site`'s buckets that end at or before `now_s`: the meter had drawn `energy_j` by
  // `since_s` and draws `watts` since then.
  void close_until(int site, double now_s, double energy_j, double since_s, double watts);
  // The site draws `watts` at the end of an instant (a candidate for its open bucket's peak).
  void sample(int site, double watts) {
    if (watts > open_peak_w_[site]) open_peak_w_[site] = watts;
  }
  // Closes every site's open bucket at `end_s` (it may be partial); `energy_j[site]` is what
  // each site had drawn by then, `watts[site]` what it draws. Call once, at the end of the run.
  void finish(double end_s, const std::vector<double>& energy_j, const std::vector<double>& watts);

  // Closed buckets of `site`, the k-th from k × bucket_s() (the last may end before: end_s()).
  const std::vector<Bucket>& buckets(int site) const { return closed_[site]; }
  double end_s() const { return end_s_; }

 private:
  double bucket_s_;
  double end_s_ = 0;
  std::vector<double> open_end_, open_start_j_, open_peak_w_;  // by site
  std::vector<std::vector<Bucket>> closed_;                    // by site
};

}  // namespace sovsim::sim
