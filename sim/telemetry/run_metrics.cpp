// sim/telemetry/run_metrics.cpp — see run_metrics.hpp.
#include "sim/telemetry/run_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/common/units.hpp"

namespace sovsim::sim {

double percentile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const double rank = q * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(rank));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - static_cast<double>(lo));
}

WaitStats wait_stats(std::vector<double> waits) {
  WaitStats w;
  if (waits.empty()) return w;
  std::sort(waits.begin(), waits.end());
  w.mean_s = std::accumulate(waits.begin(), waits.end(), 0.0) / static_cast<double>(waits.size());
  w.p50_s = percentile(waits, 0.50);
  w.p95_s = percentile(waits, 0.95);
  w.p99_s = percentile(waits, 0.99);
  w.max_s = waits.back();
  return w;
}

namespace {

template <typename... T>
void append_line(std::string& out, fmt::format_string<T...> format, T&&... args) {
  out += fmt::format(format, std::forward<T>(args)...);
  out += '\n';
}

nlohmann::ordered_json to_json(const WaitStats& w) {
  return {{"mean_s", w.mean_s}, {"p50_s", w.p50_s}, {"p95_s", w.p95_s},
          {"p99_s", w.p99_s}, {"max_s", w.max_s}};
}

struct Counts {
  int64_t submitted = 0, completed = 0, running = 0, queued = 0, rejected = 0;
  std::vector<double> waits;  // of jobs that started
  double makespan_s = 0;

  void add(const Job& j) {
    if (j.state == JobState::kPending) return;
    ++submitted;
    switch (j.state) {
      case JobState::kCompleted:
        ++completed;
        makespan_s = std::max(makespan_s, j.end_s);
        break;
      case JobState::kRunning: ++running; break;
      case JobState::kQueued: ++queued; break;
      case JobState::kRejected: ++rejected; break;
      case JobState::kPending: break;
    }
    if (j.start_s >= 0) waits.push_back(j.start_s - j.submit_s);
  }
};

}  // namespace

nlohmann::ordered_json summarise(const Scenario& scenario, const Cluster& cluster,
                                 const JobTable& table, const UtilisationRecorder& utilisation,
                                 const ControllerStats& stats, double end_s) {
  Counts all;
  std::vector<Counts> per_tenant(scenario.tenants.size());
  for (const Job& j : table.jobs) {
    all.add(j);
    per_tenant[j.tenant].add(j);
  }
  const double capacity_gpu_s = static_cast<double>(cluster.total_gpus()) * end_s;
  auto share = [&](double gpu_s) { return capacity_gpu_s > 0 ? gpu_s / capacity_gpu_s : 0.0; };

  nlohmann::ordered_json tenants = nlohmann::ordered_json::array();
  for (size_t t = 0; t < scenario.tenants.size(); ++t) {
    const Counts& c = per_tenant[t];
    const double gpu_s = utilisation.tenant_gpu_seconds(static_cast<int>(t));
    tenants.push_back({{"name", scenario.tenants[t].name},
                       {"jobs_submitted", c.submitted},
                       {"jobs_completed", c.completed},
                       {"jobs_rejected", c.rejected},
                       {"wait", to_json(wait_stats(c.waits))},
                       {"gpu_hours", gpu_s / 3600.0},
                       {"utilisation", share(gpu_s)}});
  }
  nlohmann::ordered_json out;
  out["scenario"] = scenario.name;
  out["seed"] = scenario.seed;
  out["horizon_s"] = scenario.horizon_s;
  out["end_s"] = end_s;
  out["total_gpus"] = cluster.total_gpus();
  out["nodes"] = cluster.node_count();
  out["jobs"] = {{"submitted", all.submitted},
                 {"completed", all.completed},
                 {"running_at_end", all.running},
                 {"queued_at_end", all.queued},
                 {"rejected", all.rejected},
                 {"beyond_horizon", table.beyond_horizon}};
  out["makespan_s"] = all.makespan_s;
  out["wait"] = to_json(wait_stats(all.waits));
  out["gpu_hours"] = utilisation.busy_gpu_seconds() / 3600.0;
  out["utilisation"] = share(utilisation.busy_gpu_seconds());
  out["tenants"] = tenants;
  out["events"] = stats.events;
  out["instants"] = stats.instants;
  out["scheduler"] = {{"policy", scenario.scheduler.policy},
                      {"placement", scenario.scheduler.placement},
                      {"calls", stats.policy_calls}};
  if (!table.notes.empty()) out["workload_notes"] = table.notes;
  return out;
}

std::string format_text_summary(const nlohmann::ordered_json& s) {
  std::string out;
  const auto& jobs = s["jobs"];
  const auto& wait = s["wait"];
  append_line(out, "sovsim: {}  (seed {}, horizon {}, {} GPUs on {} nodes)", s["scenario"].get<std::string>(),
       s["seed"].get<uint64_t>(), format_duration(s["horizon_s"].get<double>()),
       s["total_gpus"].get<int64_t>(), s["nodes"].get<int64_t>());
  append_line(out, "jobs      {} submitted, {} completed, {} running and {} queued at end, {} rejected",
       jobs["submitted"].get<int64_t>(), jobs["completed"].get<int64_t>(),
       jobs["running_at_end"].get<int64_t>(), jobs["queued_at_end"].get<int64_t>(),
       jobs["rejected"].get<int64_t>());
  append_line(out, "wait      mean {}  p50 {}  p95 {}  p99 {}", format_duration(wait["mean_s"].get<double>()),
       format_duration(wait["p50_s"].get<double>()), format_duration(wait["p95_s"].get<double>()),
       format_duration(wait["p99_s"].get<double>()));
  append_line(out, "makespan  {}   GPU utilisation {:.1f}%   {:.0f} GPU-hours",
       format_duration(s["makespan_s"].get<double>()), 100 * s["utilisation"].get<double>(),
       s["gpu_hours"].get<double>());
  append_line(out, "{:<16} {:>8} {:>9} {:>10} {:>10} {:>7}", "tenant", "jobs", "done", "wait p50",
       "wait p95", "util");
  for (const auto& t : s["tenants"]) {
    append_line(out, "{:<16} {:>8} {:>9} {:>10} {:>10} {:>6.1f}%", t["name"].get<std::string>(),
         t["jobs_submitted"].get<int64_t>(), t["jobs_completed"].get<int64_t>(),
         format_duration(t["wait"]["p50_s"].get<double>()),
         format_duration(t["wait"]["p95_s"].get<double>()), 100 * t["utilisation"].get<double>());
  }
  return out;
}

}  // namespace sovsim::sim
