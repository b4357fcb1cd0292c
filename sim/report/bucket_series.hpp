// sim/report/bucket_series.hpp — how the report keeps every time series small: a step function
// (a value held over intervals of time) is summarised over equal buckets of the run, each bucket
// keeping its exact time average (its integral over the bucket, so areas stay GPU-hours) and the
// peak value held for a positive time in it (so a short spike stays visible however coarse the
// buckets). At most kMaxBuckets buckets, whatever the length of the run or the number of rows.
// Also: evenly spaced ranks of a sorted sample (for CDFs).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace sovsim::sim {

inline constexpr size_t kMaxBuckets = 1000;

// `count` equal buckets over [t0, t1).
class BucketGrid {
 public:
  BucketGrid(double t0, double t1, size_t count);
  size_t size() const { return count_; }
  double start() const { return t0_; }
  double end() const { return t1_; }
  double width() const { return width_; }
  double bucket_start(size_t i) const { return t0_ + static_cast<double>(i) * width_; }
  double bucket_mid(size_t i) const { return bucket_start(i) + width_ / 2; }
  // Seconds of bucket i inside [t0, t1) (all buckets are whole).
  double bucket_seconds(size_t) const { return width_; }

  // Calls f(bucket, seconds) for every bucket [from, to) overlaps by a positive time; the part of
  // [from, to) outside [t0, t1) is ignored.
  template <typename F>
  void for_each_overlap(double from, double to, F&& f) const {
    if (count_ == 0 || !(to > from)) return;
    from = from < t0_ ? t0_ : from;
    to = to > t1_ ? t1_ : to;
    if (!(to > from)) return;
    size_t i = index_of(from);
    while (i < count_) {
      const double b0 = bucket_start(i), b1 = i + 1 == count_ ? t1_ : bucket_start(i + 1);
      const double seconds = (to < b1 ? to : b1) - (from > b0 ? from : b0);
      if (seconds > 0) f(i, seconds);
      if (to <= b1) break;
      ++i;
    }
  }

 private:
  size_t index_of(double t) const;
  double t0_, t1_, width_;
  size_t count_;
};

// One step function summarised over the buckets of a grid.
class BucketedValue {
 public:
  explicit BucketedValue(size_t buckets = 0) : integral_(buckets, 0.0), peak_(buckets, 0.0) {}
  // The function held `value` (>= 0) for `seconds` inside bucket i.
  void add(size_t i, double seconds, double value) {
    integral_[i] += seconds * value;
    if (value > peak_[i]) peak_[i] = value;
  }
  size_t size() const { return integral_.size(); }
  double integral(size_t i) const { return integral_[i]; }
  double mean(size_t i, double bucket_seconds) const { return integral_[i] / bucket_seconds; }
  double peak(size_t i) const { return peak_[i]; }
  // Time averages per bucket, and the peaks, as plot values.
  std::vector<double> means(const BucketGrid& grid) const;
  const std::vector<double>& peaks() const { return peak_; }

 private:
  std::vector<double> integral_, peak_;
};

// The step function that is 0 at time 0 and changes by `delta` at each (time, delta): its change
// points (ascending from 0, changes at the same time merged) and its value after each.
void accumulate_changes(std::vector<std::pair<double, double>> changes, std::vector<double>& times,
                        std::vector<double>& values);

// Feeds the step function given by its change points (times ascending; values[k] holds from
// times[k] to times[k+1], the last to `end`) into `out` over `grid`.
void add_step_function(const BucketGrid& grid, const std::vector<double>& times,
                       const std::vector<double>& values, double end, BucketedValue& out);

// min(n, max_points) indices (max_points >= 2) into a sorted sample of `n` values, evenly spaced
// by rank, the first and the last always among them: the points of a CDF accurate to
// 1 / max_points in probability.
std::vector<size_t> spaced_ranks(size_t n, size_t max_points);

}  // namespace sovsim::sim
