// sim/chrome_trace/counter_series.cpp — see counter_series.hpp.
#include "sim/chrome_trace/counter_series.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sovsim::sim {

void CounterSeries::emit(int64_t bucket, double value) {
  if (!samples_.empty() && samples_.back().second == value) return;
  samples_.emplace_back(static_cast<double>(bucket) * bucket_s_, value);
}

void CounterSeries::set(double time_s, double value) {
  const auto bucket = static_cast<int64_t>(std::floor(time_s / bucket_s_));
  // The value so far counts in the bucket unless it changes right at the bucket's start.
  const bool inside = time_s > static_cast<double>(bucket) * bucket_s_;
  if (!started_ || bucket != bucket_) {
    if (!started_) {
      if (bucket > 0) emit(0, 0);  // 0 from time 0 until its first value
    } else {
      emit(bucket_, bucket_max_);
      if (bucket > bucket_ + 1) emit(bucket_ + 1, value_);  // the buckets in between
    }
    started_ = true;
    bucket_ = bucket;
    bucket_max_ = inside ? value_ : -std::numeric_limits<double>::infinity();
  }
  value_ = value;
  bucket_max_ = std::max(bucket_max_, value);
}

void CounterSeries::finish() {
  if (started_) emit(bucket_, bucket_max_);
  else emit(0, 0);
}

}  // namespace sovsim::sim
