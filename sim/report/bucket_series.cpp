// sim/report/bucket_series.cpp — see bucket_series.hpp.
#include "sim/report/bucket_series.hpp"

#include <algorithm>
#include <cmath>

namespace sovsim::sim {

BucketGrid::BucketGrid(double t0, double t1, size_t count)
    : t0_(t0), t1_(t1 > t0 ? t1 : t0), width_(0), count_(t1 > t0 ? count : 0) {
  if (count_ > 0) width_ = (t1_ - t0_) / static_cast<double>(count_);
}

size_t BucketGrid::index_of(double t) const {
  const double f = std::floor((t - t0_) / width_);
  size_t i = f <= 0 ? 0 : std::min(static_cast<size_t>(f), count_ - 1);
  // Floating point may put t just past a boundary it lies before: step back if so.
  while (i > 0 && t < bucket_start(i)) --i;
  return i;
}

std::vector<double> BucketedValue::means(const BucketGrid& grid) const {
  std::vector<double> out(integral_.size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = integral_[i] / grid.bucket_seconds(i);
  return out;
}

void accumulate_changes(std::vector<std::pair<double, double>> changes, std::vector<double>& times,
                        std::vector<double>& values) {
  std::stable_sort(changes.begin(), changes.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  times = {0};
  values = {0};
  for (const auto& [t, delta] : changes) {
    if (t > times.back()) times.push_back(t), values.push_back(values.back());
    values.back() += delta;
  }
}

void add_step_function(const BucketGrid& grid, const std::vector<double>& times,
                       const std::vector<double>& values, double end, BucketedValue& out) {
  for (size_t k = 0; k < times.size(); ++k) {
    const double to = k + 1 < times.size() ? times[k + 1] : end;
    grid.for_each_overlap(times[k], to,
                          [&](size_t i, double seconds) { out.add(i, seconds, values[k]); });
  }
}

std::vector<size_t> spaced_ranks(size_t n, size_t max_points) {
  std::vector<size_t> ranks;
  const size_t points = std::min(n, std::max<size_t>(max_points, 2));
  for (size_t k = 0; k < points; ++k) {
    const double r = points == 1 ? 0.0
                                 : static_cast<double>(k) * static_cast<double>(n - 1) /
                                       static_cast<double>(points - 1);
    ranks.push_back(static_cast<size_t>(std::llround(r)));
  }
  return ranks;
}

}  // namespace sovsim::sim
