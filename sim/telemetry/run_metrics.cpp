// sim/telemetry/run_metrics.cpp — see run_metrics.hpp.
#include "sim/telemetry/run_metrics.hpp"

#include "sim/telemetry/service_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/common/units.hpp"
#include "sim/output/account_fields.hpp"

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

struct Counts {  // per-job counts and distributions; GPU-hour figures are the ledger's
  int64_t submitted = 0, completed = 0, running = 0, queued = 0, rejected = 0, preemptions = 0;
  int64_t interruptions = 0;
  std::vector<double> waits;        // of jobs that started
  std::vector<double> completions;  // job completion time (end - submit) of completed jobs
  std::vector<double> slowdowns;    // bounded slowdown of completed jobs
  double makespan_s = 0;
  double tokens_trained = 0, tokens_served = 0;

  // Tokens of model-defined work: a training run's share of its tokens done (for a run still
  // going, as of its last segment boundary); a service's rate × its time in service.
  void add_tokens(JobIndex index, const Job& j, const JobAccount& a, const JobTable& table,
                  double end_s) {
    if (j.profile >= 0 && j.duration_s > 0 && j.start_s >= 0) {
      const double done = j.state == JobState::kCompleted
                              ? 1.0
                              : std::clamp(1 - j.remaining_s / j.duration_s, 0.0, 1.0);
      tokens_trained += table.profile_tokens[j.profile] * done;
    }
    if (auto it = table.service_tokens_per_s.find(index); it != table.service_tokens_per_s.end()) {
      const double held_s = j.held_s + (j.state == JobState::kRunning ? end_s - j.run_start_s : 0);
      tokens_served += it->second * std::max(0.0, held_s - a.failure_lost_s);  // less restarts
    }
    if (auto it = table.replica_tokens_served.find(index); it != table.replica_tokens_served.end()) {
      tokens_served += it->second;  // a living service's replica: what the ServiceMeter counted
    }
  }

  void add(const Job& j, const JobAccount& a) {
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
    interruptions += a.interruptions;
  }
};

// Cost over the tokens trained and served (null when none): what a million tokens of the
// model-defined work cost, idle capacity included.
nlohmann::ordered_json per_million_tokens(double cost_krw, const Counts& c) {
  const double tokens = c.tokens_trained + c.tokens_served;
  return tokens > 0 ? nlohmann::ordered_json(cost_krw / tokens * 1e6) : nlohmann::ordered_json();
}

}  // namespace

RunHeader run_header(const Scenario& scenario) {
  return {scenario.name,
          scenario.seed,
          scenario.horizon_s,
          scenario.start_unix_s,
          scenario.scheduler.policy,
          scenario.scheduler.placement,
          scenario.failures.enabled};
}

nlohmann::ordered_json summarise(const RunHeader& header, const std::vector<Tenant>& tenant_list,
                                 const Cluster& cluster, const JobTable& table,
                                 const Ledger& ledger, const ControllerStats& stats, double end_s) {
  Counts all;
  std::vector<Counts> per_tenant(tenant_list.size());
  for (size_t i = 0; i < table.jobs.size(); ++i) {
    const Job& j = table.jobs[i];
    const JobAccount& a = ledger.job(static_cast<JobIndex>(i));
    all.add(j, a);
    per_tenant[j.tenant].add(j, a);
    all.add_tokens(static_cast<JobIndex>(i), j, a, table, end_s);
    per_tenant[j.tenant].add_tokens(static_cast<JobIndex>(i), j, a, table, end_s);
  }
  const Account fleet = ledger.fleet();
  // Capacity in service over the run (deliveries and retirements change it), and the part no
  // tenant owns: a tenant is entitled to what it owns plus its share of that part.
  const double capacity_gpu_s = ledger.fleet_capacity_gpu_s();
  const double unowned_gpu_s = ledger.fleet_unowned_gpu_s();
  auto share = [&](double gpu_s) { return capacity_gpu_s > 0 ? gpu_s / capacity_gpu_s : 0.0; };
  // Jain's index over usage relative to entitlement: tenants with a share, else all tenants
  // that submitted jobs, with equal entitlements.
  bool any_share = false;
  for (const auto& t : tenant_list) any_share = any_share || t.share > 0;
  std::vector<double> normalised_usage;

  nlohmann::ordered_json tenants = nlohmann::ordered_json::array();
  for (size_t t = 0; t < tenant_list.size(); ++t) {
    const Counts& c = per_tenant[t];
    const Account account = ledger.tenant(t);
    const double share_of_fleet = tenant_list[t].share;
    const double entitled_gpu_s = account.owned_gpu_s + share_of_fleet * unowned_gpu_s;
    if (any_share ? entitled_gpu_s > 0 : c.submitted > 0) {
      normalised_usage.push_back(any_share ? account.busy_gpu_s / entitled_gpu_s : share(account.busy_gpu_s));
    }
    nlohmann::ordered_json tenant = {{"name", tenant_list[t].name},
                                     {"jobs_submitted", c.submitted},
                                     {"jobs_completed", c.completed},
                                     {"jobs_rejected", c.rejected},
                                     {"wait", to_json(sample_stats(c.waits))},
                                     {"jct", to_json(sample_stats(c.completions))},
                                     {"bounded_slowdown", to_json(sample_stats(c.slowdowns), "")},
                                     {"utilisation", share(account.busy_gpu_s)},
                                     {"share", share_of_fleet},
                                     {"entitled_gpu_hours", entitled_gpu_s / 3600.0},
                                     // Its busy GPU-hours over its entitlement (null without one):
                                     // above 1, it borrowed from others.
                                     {"utilisation_of_share",
                                      entitled_gpu_s > 0
                                          ? nlohmann::ordered_json(account.busy_gpu_s / entitled_gpu_s)
                                          : nlohmann::ordered_json()},
                                     {"preemptions", c.preemptions},
                                     {"interruptions", c.interruptions},
                                     {"tokens_trained", c.tokens_trained},
                                     {"tokens_served", c.tokens_served}};
    add_account_fields(tenant, account);
    tenant["cost_per_million_tokens_krw"] = per_million_tokens(account.cost_krw(), c);
    tenants.push_back(std::move(tenant));
  }
  // Sites and hardware types: the same ledger figures, summed over their cells.
  nlohmann::ordered_json sites = nlohmann::ordered_json::array();
  nlohmann::ordered_json hardware = nlohmann::ordered_json::array();
  std::vector<std::string> hardware_names;
  std::vector<int64_t> site_gpus, hardware_gpus;
  for (const Ledger::Group& g : ledger.groups()) {
    if (g.site >= static_cast<int>(site_gpus.size())) site_gpus.resize(g.site + 1, 0);
    site_gpus[g.site] += g.total_gpus;
    auto it = std::find(hardware_names.begin(), hardware_names.end(), g.hardware);
    if (it == hardware_names.end()) {
      hardware_names.push_back(g.hardware);
      hardware_gpus.push_back(0);
      it = hardware_names.end() - 1;
    }
    hardware_gpus[it - hardware_names.begin()] += g.total_gpus;
  }
  auto place = [&](const std::string& name, int64_t gpus, double capacity, const Account& a) {
    nlohmann::ordered_json o = {{"name", name},
                                {"total_gpus", gpus},
                                {"capacity_gpu_hours", capacity / 3600.0},
                                {"utilisation", capacity > 0 ? a.busy_gpu_s / capacity : 0.0}};
    add_account_fields(o, a);
    return o;
  };
  // One entry per site with GPUs, at its first group (groups come in site order; a site may
  // have several, and a site without GPUs none).
  std::vector<char> listed(site_gpus.size(), 0);
  for (const Ledger::Group& g : ledger.groups()) {
    if (!listed[g.site] && site_gpus[g.site] > 0) {
      listed[g.site] = 1;
      sites.push_back(place(g.site_name, site_gpus[g.site], ledger.capacity_gpu_s(g.site, ""),
                            ledger.site(g.site)));
      sites.back()["peak_it_mw"] = ledger.power().peak_it_w(g.site) / 1e6;
    }
  }
  for (size_t h = 0; h < hardware_names.size(); ++h) {
    hardware.push_back(place(hardware_names[h], hardware_gpus[h],
                             ledger.capacity_gpu_s(-1, hardware_names[h]),
                             ledger.hardware(hardware_names[h])));
  }

  nlohmann::ordered_json out;
  out["scenario"] = header.scenario;
  out["seed"] = header.seed;
  out["horizon_s"] = header.horizon_s;
  out["end_s"] = end_s;
  if (header.start_unix_s) {
    out["start_date"] = format_iso_date(*header.start_unix_s);
    out["end_date"] = format_iso_date(*header.start_unix_s + end_s);
  }
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
  out["gpu_hours"] = nullptr;  // fleet totals: set_fleet_fields() below, in these places
  out["utilisation"] = share(fleet.busy_gpu_s);
  out["capacity"] = {{"gpu_hours", capacity_gpu_s / 3600.0},
                     {"mean_gpus", end_s > 0 ? capacity_gpu_s / end_s : 0.0},
                     {"owned_gpu_hours", nullptr},  // set_fleet_fields() below
                     {"unowned_gpu_hours", unowned_gpu_s / 3600.0}};
  // Fleet energy, emissions and cost: filled by set_fleet_fields() below, in this order.
  out["energy"] = {{"it_mwh", nullptr},
                   {"facility_mwh", nullptr},
                   {"peak_mw", ledger.power().peak_fleet_facility_w() / 1e6},
                   {"peak_it_mw", ledger.power().peak_fleet_it_w() / 1e6}};
  out["emissions"] = {{"tco2", nullptr}};
  out["cost"] = {{"capex_krw", nullptr}, {"energy_krw", nullptr}, {"opex_krw", nullptr},
                 {"total_krw", nullptr}, {"per_gpu_hour_krw", nullptr},
                 {"per_million_tokens_krw", per_million_tokens(fleet.cost_krw(), all)}};
  out["tokens"] = {{"trained", all.tokens_trained}, {"served", all.tokens_served}};
  out["queue"] = {{"mean_jobs", stats.mean_queue_length(end_s)}, {"max_jobs", stats.queue_max}};
  out["fragmentation"] = stats.mean_fragmentation(end_s);
  out["fairness_jain"] = jain_index(normalised_usage);
  out["preemptions"] = all.preemptions;
  out["preemption_lost_gpu_hours"] = nullptr;
  out["lost_gpu_hours"] = nullptr;
  out["failures"] = {{"enabled", header.failures_enabled},
                     {"node_failures", stats.node_failures},
                     {"domain_failures", stats.domain_failures},
                     {"job_interruptions", all.interruptions},
                     {"spare_swaps", stats.spare_swaps},
                     {"lost_gpu_hours", nullptr},
                     {"down_node_hours", (stats.down_node_s + static_cast<double>(stats.nodes_down) *
                                                                  (end_s - stats.last_event_s)) /
                                             3600.0}};
  out["checkpoint_gpu_hours"] = nullptr;
  out["gpu_sharing"] = {{"hbm_stretch_gpu_hours", nullptr}};
  out["goodput_gpu_hours"] = nullptr;
  out["goodput_fraction"] = nullptr;
  out["network"] = {{"segments", stats.segments},
                    {"flows", stats.flows},
                    {"flows_by_link",
                     {{"leaf_uplink", stats.flows_by_kind[0]},
                      {"pod_uplink", stats.flows_by_kind[1]},
                      {"wan", stats.flows_by_kind[2]},
                      {"storage", stats.flows_by_kind[3]}}},
                    {"max_live_flows", stats.max_live_flows},
                    {"stretch_gpu_hours", nullptr}};
  set_fleet_fields(out, fleet);
  out["tenants"] = tenants;
  if (unowned_gpu_s > 0) {  // the capacity no tenant owns: fleet = tenants + this
    nlohmann::ordered_json unowned;
    add_account_fields(unowned, ledger.unowned(), true);  // it runs nothing and owns nothing
    unowned["capacity_gpu_hours"] = unowned_gpu_s / 3600.0;
    out["unowned"] = std::move(unowned);
  }
  out["sites"] = sites;
  out["hardware"] = hardware;
  out["events"] = stats.events;
  out["instants"] = stats.instants;
  out["scheduler"] = {{"policy", header.policy},
                      {"placement", header.placement},
                      {"calls", stats.policy_calls}};
  if (!table.notes.empty()) out["workload_notes"] = table.notes;
  return out;
}

std::string format_text_summary(const nlohmann::ordered_json& s) {
  std::string out;
  const auto& jobs = s["jobs"];
  const auto& wait = s["wait"];
  const std::string span = s.contains("start_date")
                               ? fmt::format("{} to {}", s["start_date"].get<std::string>(),
                                             s["end_date"].get<std::string>())
                               : "horizon " + format_duration(s["horizon_s"].get<double>());
  append_line(out, "sovsim: {}  (seed {}, {}, {} GPUs on {} nodes)", s["scenario"].get<std::string>(),
       s["seed"].get<uint64_t>(), span,
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
    append_line(out, "failures  {} nodes failed, {} job interruptions",
                failures["node_failures"].get<uint64_t>(),
                failures["job_interruptions"].get<uint64_t>());
  }
  // Where the busy GPU-hours went: goodput plus every loss the ledger counts, each once.
  append_line(out,
              "goodput   {:.1f}% of busy GPU-hours; lost (GPU-h): failures {:.0f}, fabric {:.0f}, "
              "checkpoints {:.0f}, preemption {:.0f}, HBM sharing {:.0f}",
              100 * s["goodput_fraction"].get<double>(), failures["lost_gpu_hours"].get<double>(),
              s["network"]["stretch_gpu_hours"].get<double>(),
              s["checkpoint_gpu_hours"].get<double>(),
              s["preemption_lost_gpu_hours"].get<double>(),
              s["gpu_sharing"]["hbm_stretch_gpu_hours"].get<double>());
  const auto& capacity = s["capacity"];
  int changed = 0;
  for (const auto& t : capacity.value("tranches", nlohmann::ordered_json::array())) {
    changed += !t["changed_by"].empty();
  }
  append_line(out, "capacity  mean {:.0f} GPUs in service of {} built; {} tranches, {} changed by events",
              capacity["mean_gpus"].get<double>(), s["total_gpus"].get<int64_t>(),
              capacity.value("tranches", nlohmann::ordered_json::array()).size(), changed);
  for (const auto& e : s.value("fleet_events", nlohmann::ordered_json::array())) {
    const std::string when =
        e.contains("date") ? e["date"].get<std::string>() : format_duration(e["date_s"].get<double>());
    const std::string what =
        e["type"] == "power_cap"
            ? fmt::format("site {} capped at {} MW of IT power", e["site"].get<std::string>(),
                          e["power_cap_mw"].get<double>())
            : fmt::format("{} tranches changed, {} GPUs removed, {} added, {:.0f} GPU-days of delay",
                          e["tranches_changed"].get<int>(), e["gpus_removed"].get<int64_t>(),
                          e["gpus_added"].get<int64_t>(), e["delay_gpu_days"].get<double>());
    append_line(out, "event     {} ({}, {}): {}", e["name"].get<std::string>(),
                e["type"].get<std::string>(), when, what);
  }
  out += format_service_lines(s);
  const auto& cost = s["cost"];
  append_line(out, "energy    {:.4g} MWh at the meter, peak {:.3g} MW; {:.4g} tCO2; cost {:.4g} M KRW ({} KRW per busy GPU-hour)",
              s["energy"]["facility_mwh"].get<double>(), s["energy"]["peak_mw"].get<double>(),
              s["emissions"]["tco2"].get<double>(), cost["total_krw"].get<double>() / 1e6,
              cost["per_gpu_hour_krw"].is_number() ? fmt::format("{:.0f}", cost["per_gpu_hour_krw"].get<double>()) : "–");
  // Busy GPU-hours of each tenant over the whole fleet's capacity, and over its entitlement
  // (what it owns plus its share of the rest: above 100% it borrowed).
  append_line(out, "{:<16} {:>8} {:>9} {:>10} {:>10} {:>9} {:>11} {:>10}", "tenant", "jobs", "done",
              "wait p50", "wait p95", "of fleet", "of entitled", "KRW/GPU-h");
  for (const auto& t : s["tenants"]) {
    const auto& of_share = t["utilisation_of_share"];
    const auto& per_hour = t["cost_per_gpu_hour_krw"];
    append_line(out, "{:<16} {:>8} {:>9} {:>10} {:>10} {:>8.1f}% {:>11} {:>10}", t["name"].get<std::string>(),
         t["jobs_submitted"].get<int64_t>(), t["jobs_completed"].get<int64_t>(),
         format_duration(t["wait"]["p50_s"].get<double>()),
         format_duration(t["wait"]["p95_s"].get<double>()), 100 * t["utilisation"].get<double>(),
         of_share.is_number() ? fmt::format("{:.1f}%", 100 * of_share.get<double>()) : "–",
         per_hour.is_number() ? fmt::format("{:.0f}", per_hour.get<double>()) : "–");
  }
  return out;
}

}  // namespace sovsim::sim
