// sim/chrome_trace/chrome_trace_writer.cpp — see chrome_trace_writer.hpp.
#include "sim/chrome_trace/chrome_trace_writer.hpp"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace sovsim::sim {

namespace {

// Events are formatted into a buffer and written out in large blocks.
class EventStream {
 public:
  explicit EventStream(std::FILE* out) : out_(out) {}
  template <typename... Args>
  void event(fmt::format_string<Args...> format, Args&&... args) {
    if (!first_) buffer_.append(std::string_view(",\n"));
    first_ = false;
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    if (buffer_.size() >= (1 << 20)) flush();
  }
  void raw(std::string_view text) {
    buffer_.append(text);
    flush();
  }
  void flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), out_) != buffer_.size()) {
      throw std::runtime_error("cannot write the trace");
    }
    buffer_.clear();
  }

 private:
  std::FILE* out_;
  fmt::memory_buffer buffer_;
  bool first_ = true;
};

std::string quoted(const std::string& text) { return nlohmann::json(text).dump(); }

int64_t micros(double seconds) { return std::llround(seconds * 1e6); }

nlohmann::ordered_json metadata(const TraceRecorder& r, const Scenario& scenario,
                                const Cluster& cluster, size_t rows) {
  const SliceStore& slices = r.slices();
  return {
      {"generator", std::string("sovsim ") + SOVSIM_VERSION},
      {"scenario", scenario.name},
      {"seed", scenario.seed},
      {"horizon_s", scenario.horizon_s},
      {"end_s", r.end_s()},
      {"time", "ts and dur are microseconds of simulated time"},
      {"tracks",
       {{"level", to_string(r.layout().level())},
        {"limit", r.limits().max_tracks},
        {"nodes", cluster.node_count()},
        {"tracks", r.layout().tracks().size()},
        {"rows", rows},
        {"rule", "one track per node up to the limit, else per NVLink domain, leaf, pod or site: "
                 "the finest level within it; each track split into lanes so that its slices "
                 "never overlap"}}},
      {"slices",
       {{"limit", r.limits().max_slices},
        {"total", slices.seen()},
        {"written", slices.slices().size()},
        {"dropped", slices.seen() - slices.slices().size()},
        {"rule", "one slice per run of a job and track it held; beyond the limit the first "
                 "slices by start time are kept"}}},
      {"counters",
       {{"limit", r.limits().max_counter_samples},
        {"bucket_s", r.bucket_s()},
        {"rule", "buckets of 1 s, doubled until the run fits in the limit; at most one sample per "
                 "series and bucket, at the bucket's start, holding the largest value of the "
                 "bucket"}}},
  };
}

}  // namespace

void write_chrome_trace(std::FILE* out, const TraceRecorder& recorder, const Scenario& scenario,
                        const Cluster& cluster, const JobTable& table) {
  const std::vector<Track>& tracks = recorder.layout().tracks();
  const std::vector<uint32_t>& lanes = recorder.slices().lanes();
  // Rows (threads) are the used lanes of every track, numbered in track then lane order, after
  // the pids (sites count from 1) so that no thread is taken for its process's main thread.
  const size_t sites = scenario.sites.size();
  std::vector<size_t> first_tid(tracks.size(), 0);
  size_t rows = 0;
  for (size_t t = 0; t < tracks.size(); ++t) {
    first_tid[t] = sites + 1 + rows;
    rows += t < lanes.size() ? lanes[t] : 0;
  }
  EventStream events(out);
  events.raw("{\"traceEvents\":[\n");
  for (size_t s = 0; s < sites; ++s) {
    events.event(R"({{"ph":"M","pid":{},"name":"process_name","args":{{"name":{}}}}})", s + 1,
                 quoted(scenario.sites[s].name));
    events.event(R"({{"ph":"M","pid":{},"name":"process_sort_index","args":{{"sort_index":{}}}}})",
                 s + 1, s);
  }
  for (size_t t = 0; t < tracks.size() && t < lanes.size(); ++t) {
    for (uint32_t lane = 0; lane < lanes[t]; ++lane) {
      const std::string name = lane == 0 ? tracks[t].name : fmt::format("{} #{}", tracks[t].name, lane + 1);
      const size_t tid = first_tid[t] + lane;
      events.event(R"({{"ph":"M","pid":{},"tid":{},"name":"thread_name","args":{{"name":{}}}}})",
                   tracks[t].site + 1, tid, quoted(name));
      events.event(R"({{"ph":"M","pid":{},"tid":{},"name":"thread_sort_index","args":{{"sort_index":{}}}}})",
                   tracks[t].site + 1, tid, tid);
    }
  }
  std::vector<std::string> tenants, kinds;
  for (const Tenant& t : scenario.tenants) tenants.push_back(quoted(t.name));
  for (const std::string& k : table.kinds) kinds.push_back(quoted(k));
  for (const Slice& s : recorder.slices().slices()) {
    const Job& job = table.jobs[s.job];
    const JobTable::GpuShare* share = table.gpu_share(s.job);
    const int64_t ts = micros(s.start_s);
    events.event(
        R"({{"ph":"X","pid":{},"tid":{},"ts":{},"dur":{},"name":"job {}","cat":{},"args":{{"job":{},"tenant":{},"kind":{},"gpus":{},"run":{},"end":"{}"}}}})",
        tracks[s.track].site + 1, first_tid[s.track] + s.lane, ts, micros(s.end_s) - ts, job.id,
        tenants[job.tenant], job.id, tenants[job.tenant], kinds[job.kind],
        share ? share->share : static_cast<double>(job.gpus), s.run, to_string(s.end));
  }
  for (const CounterSeries& c : recorder.counters()) {
    const std::string name = quoted(c.name()), unit = quoted(c.unit());
    for (const auto& [time_s, value] : c.samples()) {
      events.event(R"({{"ph":"C","pid":{},"name":{},"ts":{},"args":{{{}:{}}}}})", c.site() + 1, name,
                   micros(time_s), unit, value);
    }
  }
  events.raw(fmt::format("\n],\n\"displayTimeUnit\":\"ms\",\n\"metadata\":{}}}\n",
                         metadata(recorder, scenario, cluster, rows).dump()));
}

std::vector<std::string> chrome_trace_notes(const TraceRecorder& r, const Cluster& cluster) {
  std::vector<std::string> notes;
  if (r.layout().level() != TrackLevel::kNode) {
    notes.push_back(fmt::format(
        "trace: {} nodes are more than {} tracks: one track per {} ({} tracks; docs/trace-view.md)",
        cluster.node_count(), r.limits().max_tracks, to_string(r.layout().level()),
        r.layout().tracks().size()));
  }
  const SliceStore& slices = r.slices();
  if (slices.seen() > slices.slices().size()) {
    double last_start = 0;
    for (const Slice& s : slices.slices()) last_start = std::max(last_start, s.start_s);
    notes.push_back(fmt::format(
        "trace: {} job slices are more than {}: kept the first {} by start time (up to {:.0f} s "
        "of {:.0f} s; docs/trace-view.md)",
        slices.seen(), r.limits().max_slices, slices.slices().size(), last_start, r.end_s()));
  }
  return notes;
}

}  // namespace sovsim::sim
