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

SampleStats sample_stats(std::vector<double> values) {
  SampleStats s;
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  s.p50 = percentile(values, 0.50);
  s.p95 = percentile(values, 0.95);
  s.p99 = percentile(values, 0.99);
  s.max = values.back();
  return s;
}

double bounded_slowdown(double wait_s, double run_s, double bound_s) {
  return std::max(1.0, (wait_s + run_s) / std::max(run_s, bound_s));
}

double jain_index(const std::vector<double>& x) {
  double sum = 0, squares = 0;
  for (double v : x) sum += v, squares += v * v;
  if (x.empty() || squares == 0) return 1.0;
  return sum * sum / (static_cast<double>(x.size()) * squares);
}

namespace {

template <typename... T>
void append_line(std::string& out, fmt::format_string<T...> format, T&&... args) {
  out += fmt::format(format, std::forward<T>(args)...);
  out += '\n';
}

// {"mean_s": ..} for times, {"mean": ..} for ratios.
nlohmann::ordered_json to_json(const SampleStats& s, const char* unit = "_s") {
  const std::string u = unit;
  return {{"mean" + u, s.mean}, {"p50" + u, s.p50}, {"p95" + u, s.p95},
          {"p99" + u, s.p99}, {"max" + u, s.max}};
}

struct Counts {
  int64_t submitted = 0, completed = 0, running = 0, queued = 0, rejected = 0, preemptions = 0;
  std::vector<double> waits;        // of jobs that started
  std::vector<double> completions;  // job completion time (end - submit) of completed jobs
  std::vector<double> slowdowns;    // bounded slowdown of completed jobs
  double makespan_s = 0, lost_gpu_s = 0;  // lost: work redone after preemptions
  int64_t interruptions = 0;
  double failure_lost_gpu_s = 0;  // work redone after failures
  double checkpoint_gpu_s = 0;    // GPUs held while writing checkpoints
  double goodput_gpu_s = 0;       // undisturbed work kept: duration x GPUs when completed
  double stretch_gpu_s = 0;       // communication beyond NIC speed (shared uplinks)

  void add(const Job& j) {
    if (j.state == JobState::kPending) return;
    ++submitted;
    switch (j.state) {
      case JobState::kCompleted:
        ++completed;
        makespan_s = std::max(makespan_s, j.end_s);
        completions.push_back(j.end_s - j.submit_s);
        // Slowdown against the job's undisturbed run time: queueing, preemption and lost work
        // all count as delay.
        slowdowns.push_back(bounded_slowdown(j.end_s - j.submit_s - j.duration_s, j.duration_s));
        break;
      case JobState::kRunning: ++running; break;
      case JobState::kQueued: ++queued; break;
      case JobState::kRejected: ++rejected; break;
      case JobState::kPending: break;
    }
    if (j.start_s >= 0) waits.push_back(j.start_s - j.submit_s);
    preemptions += j.preemptions;
    const double gpus = static_cast<double>(j.placement.gpus());
    lost_gpu_s += j.lost_s * gpus;
    interruptions += j.interruptions;
    failure_lost_gpu_s += j.failure_lost_s * gpus;
    checkpoint_gpu_s += j.checkpoint_s * gpus;
    stretch_gpu_s += j.network_stretch_s * gpus;
    // Progress kept: all of it once completed; up to its last stop or start otherwise.
    if (j.start_s >= 0) goodput_gpu_s += (j.duration_s - j.remaining_s) * gpus;
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
  // Jain's index over usage relative to entitlement: tenants with a share, else all tenants
  // that submitted jobs, with equal entitlements.
  bool any_share = false;
  for (const auto& t : scenario.tenants) any_share = any_share || t.share > 0;
  std::vector<double> normalised_usage;

  nlohmann::ordered_json tenants = nlohmann::ordered_json::array();
  for (size_t t = 0; t < scenario.tenants.size(); ++t) {
    const Counts& c = per_tenant[t];
    const double gpu_s = utilisation.tenant_gpu_seconds(static_cast<int>(t));
    const double share_of_fleet = scenario.tenants[t].share;
    if (any_share ? share_of_fleet > 0 : c.submitted > 0) {
      normalised_usage.push_back(share(gpu_s) / (any_share ? share_of_fleet : 1.0));
    }
    tenants.push_back({{"name", scenario.tenants[t].name},
                       {"jobs_submitted", c.submitted},
                       {"jobs_completed", c.completed},
                       {"jobs_rejected", c.rejected},
                       {"wait", to_json(sample_stats(c.waits))},
                       {"jct", to_json(sample_stats(c.completions))},
                       {"bounded_slowdown", to_json(sample_stats(c.slowdowns), "")},
                       {"gpu_hours", gpu_s / 3600.0},
                       {"utilisation", share(gpu_s)},
                       {"share", share_of_fleet},
                       {"entitled_gpu_hours", share_of_fleet * capacity_gpu_s / 3600.0},
                       {"preemptions", c.preemptions},
                       {"lost_gpu_hours", c.lost_gpu_s / 3600.0},
                       {"interruptions", c.interruptions},
                       {"failure_lost_gpu_hours", c.failure_lost_gpu_s / 3600.0},
                       {"checkpoint_gpu_hours", c.checkpoint_gpu_s / 3600.0},
                       {"network_stretch_gpu_hours", c.stretch_gpu_s / 3600.0},
                       {"goodput_gpu_hours", c.goodput_gpu_s / 3600.0},
                       {"goodput_fraction", gpu_s > 0 ? c.goodput_gpu_s / gpu_s : 0.0}});
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
  out["wait"] = to_json(sample_stats(all.waits));
  out["jct"] = to_json(sample_stats(all.completions));
  out["bounded_slowdown"] = to_json(sample_stats(all.slowdowns), "");
  out["gpu_hours"] = utilisation.busy_gpu_seconds() / 3600.0;
  out["utilisation"] = share(utilisation.busy_gpu_seconds());
  out["queue"] = {{"mean_jobs", stats.mean_queue_length(end_s)}, {"max_jobs", stats.queue_max}};
  out["fragmentation"] = stats.mean_fragmentation(end_s);
  out["fairness_jain"] = jain_index(normalised_usage);
  out["preemptions"] = all.preemptions;
  out["lost_gpu_hours"] = all.lost_gpu_s / 3600.0;
  const double busy_gpu_s = utilisation.busy_gpu_seconds();
  out["failures"] = {{"enabled", scenario.failures.enabled},
                     {"node_failures", stats.node_failures},
                     {"domain_failures", stats.domain_failures},
                     {"job_interruptions", stats.job_interruptions},
                     {"spare_swaps", stats.spare_swaps},
                     {"lost_gpu_hours", stats.lost_gpu_s / 3600.0},
                     {"down_node_hours", (stats.down_node_s + static_cast<double>(stats.nodes_down) *
                                                                  (end_s - stats.last_event_s)) /
                                             3600.0}};
  out["checkpoint_gpu_hours"] = all.checkpoint_gpu_s / 3600.0;
  out["goodput_gpu_hours"] = all.goodput_gpu_s / 3600.0;
  out["goodput_fraction"] = busy_gpu_s > 0 ? all.goodput_gpu_s / busy_gpu_s : 0.0;
  out["network"] = {{"segments", stats.segments},
                    {"flows", stats.flows},
                    {"flows_by_link",
                     {{"leaf_uplink", stats.flows_by_kind[0]},
                      {"pod_uplink", stats.flows_by_kind[1]},
                      {"wan", stats.flows_by_kind[2]},
                      {"storage", stats.flows_by_kind[3]}}},
                    {"max_live_flows", stats.max_live_flows},
                    {"stretch_gpu_hours", stats.stretch_gpu_s / 3600.0}};
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
  append_line(out, "wait      mean {}  p50 {}  p95 {}  p99 {}   bounded slowdown mean {:.2f}",
              format_duration(wait["mean_s"].get<double>()),
              format_duration(wait["p50_s"].get<double>()),
              format_duration(wait["p95_s"].get<double>()),
              format_duration(wait["p99_s"].get<double>()),
              s["bounded_slowdown"]["mean"].get<double>());
  append_line(out, "makespan  {}   GPU utilisation {:.1f}%   {:.0f} GPU-hours",
       format_duration(s["makespan_s"].get<double>()), 100 * s["utilisation"].get<double>(),
       s["gpu_hours"].get<double>());
  const auto& failures = s["failures"];
  if (failures["enabled"].get<bool>()) {
    append_line(out, "failures  {} nodes failed, {} job interruptions, {:.0f} GPU-hours lost, "
                "{:.0f} GPU-hours checkpointing; goodput {:.1f}% of busy GPU-hours",
                failures["node_failures"].get<uint64_t>(), failures["job_interruptions"].get<uint64_t>(),
                failures["lost_gpu_hours"].get<double>(), s["checkpoint_gpu_hours"].get<double>(),
                100 * s["goodput_fraction"].get<double>());
  }
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
