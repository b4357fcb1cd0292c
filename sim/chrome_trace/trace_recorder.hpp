// sim/chrome_trace/trace_recorder.hpp — what `sovsim run --trace FILE` records while the run
// unfolds: a telemetry tee (forwarding_sink.hpp) in front of the run's other sinks that turns
// each run of a job into slices on the tracks of the nodes it holds (track_layout.hpp,
// slice_store.hpp) and keeps counters per site: busy GPUs (also per tenant), GPUs in service and
// IT power (counter_series.hpp). Inserted only when a trace is asked for, so a run without one
// pays nothing. chrome_trace_writer.hpp writes what it holds.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/chrome_trace/counter_series.hpp"
#include "sim/chrome_trace/slice_store.hpp"
#include "sim/chrome_trace/track_layout.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/telemetry/forwarding_sink.hpp"
#include "sim/telemetry/power_meter.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

// The size rules of docs/trace-view.md.
struct TraceLimits {
  size_t max_tracks = 2000;         // beyond: nodes folded into domains, leaves, pods, sites
  size_t max_slices = 1000000;      // beyond: the first ones by start time are kept
  size_t max_counter_samples = 10000;  // per series: 1 s buckets, doubled as the run outgrows them
};

class TraceRecorder final : public ForwardingSink {
 public:
  // `cluster` and `power` (the ledger's meter; may be null) must outlive the recorder.
  TraceRecorder(TelemetrySink& inner, const Scenario& scenario, const Cluster& cluster,
                const JobTable& table, const PowerMeter* power, const TraceLimits& limits);

  void job_started(JobIndex index, const Job& job, double now_s) override;
  void job_stopped(JobIndex index, const Job& job, double now_s) override;
  void work_lost(JobIndex index, const Job& job, Loss cause, double work_s, double now_s) override;
  void job_interrupted(JobIndex index, const Job& job) override;
  void capacity_changed(int pool, int owner, int64_t delta_gpus, double now_s) override;
  void instant_done(double now_s) override;
  // Closes the runs still going at `end_s` and the counters. Call once, after the run.
  void finish(double end_s);

  const TraceLimits& limits() const { return limits_; }
  const TrackLayout& layout() const { return layout_; }
  const SliceStore& slices() const { return slices_; }
  const std::vector<CounterSeries>& counters() const { return counters_; }
  double bucket_s() const { return counters_.front().bucket_s(); }  // the same for every series
  double end_s() const { return end_s_; }

 private:
  struct OpenRun {
    double start_s = 0;
    uint16_t run = 0;
    SliceEnd end = SliceEnd::kPreempted;  // what stops it, unless it completes
    std::vector<uint32_t> tracks;
  };
  void close_run(JobIndex index, const OpenRun& run, double end_s, SliceEnd end);
  // Counter changes are applied once per instant: before the first event of a later time and
  // at the end of each instant.
  void touch(double now_s);
  void flush();
  void mark(size_t series);  // its value changed in the pending instant
  void add_busy(const Job& job, double sign);

  const Cluster& cluster_;
  const PowerMeter* power_;
  TraceLimits limits_;
  TrackLayout layout_;
  SliceStore slices_;
  double end_s_ = 0;
  std::unordered_map<JobIndex, OpenRun> open_;
  std::vector<uint16_t> runs_;  // by job: runs started so far

  // Counters: the series, their current values, which changed during the pending instant.
  std::vector<CounterSeries> counters_;
  std::vector<double> values_;
  std::vector<char> dirty_;
  std::vector<size_t> dirty_list_;
  double pending_s_ = 0;
  size_t sites_ = 0, tenants_ = 0;
  std::vector<size_t> busy_series_;   // by site
  std::vector<size_t> tenant_series_; // by site × tenant: index, or SIZE_MAX where it may not run
  std::vector<size_t> service_series_, power_series_;  // by site
};

}  // namespace sovsim::sim
