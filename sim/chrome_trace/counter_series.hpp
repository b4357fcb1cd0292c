// sim/chrome_trace/counter_series.hpp — one counter of a Chrome/Perfetto trace (busy GPUs of a
// site, IT power, ...) as a step function coalesced into buckets of `bucket_s` of simulated time:
// at most one sample per bucket, at the bucket's start, holding the largest value the series took
// during the bucket (so peaks survive; docs/trace-view.md). Repeated values are not written again.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sovsim::sim {

class CounterSeries {
 public:
  // Perfetto names the track "<name> <unit>" ("busy GPUs"), chrome://tracing shows `name`.
  CounterSeries(int site, std::string name, std::string unit, double bucket_s)
      : site_(site), name_(std::move(name)), unit_(std::move(unit)), bucket_s_(bucket_s) {}

  // The series takes `value` from `time_s` on (times never decrease).
  void set(double time_s, double value);
  // Writes the last bucket. Call once, at the end of the run.
  void finish();

  int site() const { return site_; }
  const std::string& name() const { return name_; }
  const std::string& unit() const { return unit_; }
  double value() const { return value_; }
  // (time_s, value) in time order.
  const std::vector<std::pair<double, double>>& samples() const { return samples_; }

 private:
  void emit(int64_t bucket, double value);

  int site_;
  std::string name_, unit_;
  double bucket_s_;
  double value_ = 0;
  int64_t bucket_ = 0;
  double bucket_max_ = 0;
  bool started_ = false;
  std::vector<std::pair<double, double>> samples_;
};

}  // namespace sovsim::sim
