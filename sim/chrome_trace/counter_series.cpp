// sim/chrome_trace/counter_series.cpp — see counter_series.hpp.
#include "sim/chrome_trace/counter_series.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sovsim::sim {

CounterSeries::CounterSeries(int site, std::string name, std::string unit, double first_bucket_s,
                             size_t max_buckets)
    : site_(site),
      name_(std::move(name)),
      unit_(std::move(unit)),
      bucket_s_(first_bucket_s),
      max_buckets_(std::max<size_t>(2, max_buckets)) {}

void CounterSeries::coarsen() {
  bucket_s_ *= 2;
  for (size_t i = 0; 2 * i < maxima_.size(); ++i) {
    maxima_[i] = 2 * i + 1 < maxima_.size() ? std::max(maxima_[2 * i], maxima_[2 * i + 1]) : maxima_[2 * i];
  }
  maxima_.resize((maxima_.size() + 1) / 2);
}

int64_t CounterSeries::bucket_of(double time_s) {
  while (std::floor(time_s / bucket_s_) >= static_cast<double>(max_buckets_)) coarsen();
  return static_cast<int64_t>(std::floor(time_s / bucket_s_));
}

void CounterSeries::set(double time_s, double value) {
  const auto bucket = static_cast<size_t>(bucket_of(time_s));
  // Buckets passed over held the value so far all along; the new one holds it until `time_s`
  // unless the change falls right at its start.
  while (maxima_.size() < bucket) maxima_.push_back(value_);
  if (maxima_.size() == bucket) {
    maxima_.push_back(time_s > static_cast<double>(bucket) * bucket_s_
                          ? value_
                          : -std::numeric_limits<double>::infinity());
  }
  maxima_[bucket] = std::max(maxima_[bucket], value);
  value_ = value;
}

void CounterSeries::finish(double end_s) {
  // The bucket holding the last moment before end_s (or the first, for an empty run).
  const double last = std::max(0.0, std::ceil(end_s / bucket_s_) - 1);
  const auto bucket = static_cast<size_t>(bucket_of(last * bucket_s_));
  while (maxima_.size() <= bucket) maxima_.push_back(value_);
}

std::vector<std::pair<double, double>> CounterSeries::samples() const {
  std::vector<std::pair<double, double>> out;
  for (size_t b = 0; b < maxima_.size(); ++b) {
    if (out.empty() || out.back().second != maxima_[b]) {
      out.emplace_back(static_cast<double>(b) * bucket_s_, maxima_[b]);
    }
  }
  return out;
}

}  // namespace sovsim::sim
