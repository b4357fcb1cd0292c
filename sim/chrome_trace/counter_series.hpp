// sim/chrome_trace/counter_series.hpp — one counter of a Chrome/Perfetto trace (busy GPUs of a
// site, IT power, ...) as a step function coalesced into buckets of simulated time: at most one
// sample per bucket, at the bucket's start, holding the largest value the series took during it
// (so peaks survive). Buckets start at `first_bucket_s` and double in width whenever the run
// reaches `max_buckets` of them, so a series has at most `max_buckets` samples however long the
// run, and every series of a run ends with the same width (docs/trace-view.md).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sovsim::sim {

class CounterSeries {
 public:
  // Perfetto names the track "<name> <unit>" ("busy GPUs"); chrome://tracing shows `name`.
  CounterSeries(int site, std::string name, std::string unit, double first_bucket_s,
                size_t max_buckets);

  // The series takes `value` from `time_s` on (times never decrease). It is 0 before.
  void set(double time_s, double value);
  // Holds the last value up to `end_s`. Call once, at the end of the run.
  void finish(double end_s);

  int site() const { return site_; }
  const std::string& name() const { return name_; }
  const std::string& unit() const { return unit_; }
  double bucket_s() const { return bucket_s_; }
  // (bucket start, its largest value) in time order, a value equal to the one before left out.
  std::vector<std::pair<double, double>> samples() const;

 private:
  int64_t bucket_of(double time_s);  // coarsens first if `time_s` is beyond the last bucket
  void coarsen();

  int site_;
  std::string name_, unit_;
  double bucket_s_;
  size_t max_buckets_;
  double value_ = 0;
  std::vector<double> maxima_;  // by bucket, up to the one `value_` was last set in
};

}  // namespace sovsim::sim
