// sim/chrome_trace/trace_recorder.cpp — see trace_recorder.hpp.
#include "sim/chrome_trace/trace_recorder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sovsim::sim {

namespace {

constexpr size_t kNone = std::numeric_limits<size_t>::max();

bool may_use(const Tenant& tenant, const std::string& site) {
  return tenant.sites.empty() ||
         std::find(tenant.sites.begin(), tenant.sites.end(), site) != tenant.sites.end();
}

}  // namespace

TraceRecorder::TraceRecorder(TelemetrySink& inner, const Scenario& scenario, const Cluster& cluster,
                             const JobTable& table, const PowerMeter* power,
                             const TraceLimits& limits)
    : ForwardingSink(inner),
      cluster_(cluster),
      power_(power),
      limits_(limits),
      layout_(cluster, limits.max_tracks),
      slices_(limits.max_slices),
      runs_(table.jobs.size(), 0),
      sites_(scenario.sites.size()),
      tenants_(scenario.tenants.size()) {
  auto add = [&](int site, std::string name, std::string unit) {
    counters_.emplace_back(site, std::move(name), std::move(unit), 1.0, limits.max_counter_samples);
    return counters_.size() - 1;
  };
  tenant_series_.assign(sites_ * tenants_, kNone);
  for (size_t s = 0; s < sites_; ++s) {
    const int site = static_cast<int>(s);
    busy_series_.push_back(add(site, "busy", "GPUs"));
    for (size_t t = 0; t < tenants_; ++t) {
      if (may_use(scenario.tenants[t], scenario.sites[s].name)) {
        tenant_series_[s * tenants_ + t] = add(site, scenario.tenants[t].name + " busy", "GPUs");
      }
    }
    service_series_.push_back(add(site, "in service", "GPUs"));
    if (power_) power_series_.push_back(add(site, "IT power", "kW"));
  }
  values_.assign(counters_.size(), 0);
  dirty_.assign(counters_.size(), 0);
}

void TraceRecorder::mark(size_t series) {
  if (!dirty_[series]) dirty_[series] = 1, dirty_list_.push_back(series);
}

void TraceRecorder::touch(double now_s) {
  if (now_s != pending_s_) flush();
  pending_s_ = now_s;
}

void TraceRecorder::flush() {
  if (dirty_list_.empty()) return;
  if (power_) {  // power moves only with busy GPUs and capacity, which mark series dirty
    for (size_t s = 0; s < sites_; ++s) {
      const size_t i = power_series_[s];
      const double kw = power_->site_it_w(static_cast<int>(s)) / 1000;
      if (kw != values_[i]) values_[i] = kw, mark(i);
    }
  }
  for (size_t i : dirty_list_) {
    dirty_[i] = 0;
    counters_[i].set(pending_s_, std::round(values_[i] * 1e6) / 1e6);  // no sums' rounding dust
  }
  dirty_list_.clear();
}

void TraceRecorder::add_busy(const Job& job, double sign) {
  const auto site = static_cast<size_t>(cluster_.pools()[job.placement.pool].site);
  const double gpus = sign * job.placement.gpu_equivalent();
  for (size_t i : {busy_series_[site], tenant_series_[site * tenants_ + job.tenant]}) {
    if (i == kNone) continue;
    values_[i] += gpus;
    mark(i);
  }
}

void TraceRecorder::job_started(JobIndex index, const Job& job, double now_s) {
  touch(now_s);
  ForwardingSink::job_started(index, job, now_s);
  OpenRun& run = open_[index];
  run = OpenRun{now_s, static_cast<uint16_t>(std::min<int>(runs_[index] + 1, UINT16_MAX)),
                SliceEnd::kPreempted, {}};
  runs_[index] = run.run;
  for (const NodeSlice& s : job.placement.slices) run.tracks.push_back(layout_.track_of(s.node));
  std::sort(run.tracks.begin(), run.tracks.end());
  run.tracks.erase(std::unique(run.tracks.begin(), run.tracks.end()), run.tracks.end());
  add_busy(job, +1);
}

void TraceRecorder::close_run(JobIndex index, const OpenRun& run, double end_s, SliceEnd end) {
  for (uint32_t track : run.tracks) slices_.add({run.start_s, end_s, index, track, 0, run.run, end});
}

void TraceRecorder::job_stopped(JobIndex index, const Job& job, double now_s) {
  touch(now_s);
  ForwardingSink::job_stopped(index, job, now_s);
  const auto it = open_.find(index);
  if (it != open_.end()) {
    close_run(index, it->second, now_s,
              job.state == JobState::kCompleted ? SliceEnd::kCompleted : it->second.end);
    open_.erase(it);
  }
  add_busy(job, -1);
}

void TraceRecorder::work_lost(JobIndex index, const Job& job, Loss cause, double work_s,
                              double now_s) {
  ForwardingSink::work_lost(index, job, cause, work_s, now_s);
  // A preemption's loss is reported just before the job stops (a failure's restart cost is not).
  const auto it = open_.find(index);
  if (cause == Loss::kPreemption && it != open_.end()) it->second.end = SliceEnd::kPreempted;
}

void TraceRecorder::job_interrupted(JobIndex index, const Job& job) {
  ForwardingSink::job_interrupted(index, job);
  if (const auto it = open_.find(index); it != open_.end()) it->second.end = SliceEnd::kFailed;
}

void TraceRecorder::capacity_changed(int pool, int owner, int64_t delta_gpus, double now_s) {
  touch(now_s);
  ForwardingSink::capacity_changed(pool, owner, delta_gpus, now_s);
  const size_t i = service_series_[static_cast<size_t>(cluster_.pools()[pool].site)];
  values_[i] += static_cast<double>(delta_gpus);
  mark(i);
}

void TraceRecorder::instant_done(double now_s) {
  ForwardingSink::instant_done(now_s);
  touch(now_s);
  flush();
}

void TraceRecorder::finish(double end_s) {
  touch(end_s);
  flush();
  end_s_ = end_s;
  for (const auto& [index, run] : open_) close_run(index, run, end_s, SliceEnd::kRunningAtEnd);
  open_.clear();
  slices_.finish();
  for (CounterSeries& c : counters_) c.finish(end_s);
}

}  // namespace sovsim::sim
