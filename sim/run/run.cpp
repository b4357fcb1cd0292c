// sim/run/run.cpp — see run.hpp.
#include "sim/run/run.hpp"
#include "sim/run/run_invariants.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>

#include "sim/chrome_trace/chrome_trace_writer.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/engine/controller.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/output/job_columns.hpp"
#include "sim/output/output_dir.hpp"
#include "sim/output/output_file.hpp"
#include "sim/output/power_csv.hpp"
#include "sim/output/utilisation_csv.hpp"
#include "sim/report/report_page.hpp"
#include "sim/sched/policy_registry.hpp"
#include "sim/telemetry/fleet_summary.hpp"
#include "sim/telemetry/run_metrics.hpp"
#include "sim/telemetry/service_meter.hpp"
#include "sim/telemetry/service_summary.hpp"
#include "sim/telemetry/ledger.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

}  // namespace

Result<RunOutcome> run_scenario(const Scenario& input, const models::Catalogs& catalogs,
                                const std::filesystem::path& output_dir,
                                const RunSettings& settings) {
  const bool summary_only = settings.summary_only;
  const auto started = Clock::now();
  auto prepared = prepare_workload(input, catalogs);
  if (!prepared.ok()) return prepared.diagnostics();
  const Scenario& scenario = prepared->scenario;
  Cluster& cluster = prepared.value().cluster;
  JobTable& table = prepared.value().table;
  const double load_wall_s = seconds_since(started);

  OutputDir out(output_dir);
  const auto platform_started = Clock::now();
  Simulation simulation(scenario.sites, cluster, catalogs.hardware, settings.engine_log);
  const double platform_wall_s = seconds_since(platform_started);

  std::vector<std::string> tenant_names;
  for (const Tenant& t : scenario.tenants) tenant_names.push_back(t.name);
  const EnergyRates rates = energy_rates(scenario, cluster, catalogs.hardware);
  Ledger ledger(cluster, rates, scenario.tenants.size(), table.jobs.size(),
                power_bucket_s(scenario.horizon_s));
  std::FILE* utilisation_file = nullptr;
  std::unique_ptr<UtilisationCsv> utilisation_csv;
  if (scenario.output.utilisation_csv && !summary_only) {
    utilisation_file = out.open("utilisation.csv");
    utilisation_csv = std::make_unique<UtilisationCsv>(utilisation_file, tenant_names, table);
  }
  auto policy = make_policy(scenario.scheduler.policy, scenario.scheduler.params);
  if (!policy) {
    throw std::logic_error("cannot create policy " + scenario.scheduler.policy);
  }
  ControllerOptions options;
  options.horizon_s = scenario.horizon_s;
  options.placement = scenario.scheduler.placement;
  options.failures = scenario.failures;
  options.seed = scenario.seed;
  options.engine = scenario.engine;
  options.progress = settings.progress;
  // Living services are metered on the way to the ledger; without them the ledger is the sink.
  std::unique_ptr<ServiceMeter> services;
  if (!table.services.empty()) services = std::make_unique<ServiceMeter>(ledger, table);
  TelemetrySink* sink = services ? static_cast<TelemetrySink*>(services.get()) : &ledger;
  std::unique_ptr<TraceRecorder> trace;  // only with --trace: a tee in front of the others
  if (!settings.trace.empty()) {
    trace = std::make_unique<TraceRecorder>(*sink, scenario, cluster, table, &ledger.power(),
                                            TraceLimits{});
    sink = trace.get();
  }
  Controller controller(table, cluster, scenario.tenants, *policy, *sink, simulation,
                        prepared.value().capacity, rates, ledger.power(), options);
  if (utilisation_csv) ledger.set_observer(utilisation_csv.get());  // after the capacity at 0

  const auto sim_started = Clock::now();
  controller.run();
  const double sim_wall_s = seconds_since(sim_started);

  // The run ends with its last event if every job is done, else at the horizon.
  bool unfinished = false;
  for (const Job& j : table.jobs) {
    unfinished = unfinished || j.state == JobState::kRunning || j.state == JobState::kQueued;
  }
  const double end_s = unfinished ? scenario.horizon_s : controller.stats().last_event_s;
  ledger.finish(end_s);
  if (services) {
    services->finish(end_s);
    table.replica_tokens_served = services->tokens_by_job();
  }
  if (trace) trace->finish(end_s);
  check_run_invariants(table, cluster, controller.nodes_held_by_engine(), ledger, end_s);  // before anything is written
  if (utilisation_csv) {
    utilisation_csv->flush();
    out.close(utilisation_file);
  }

  RunOutcome outcome;
  outcome.summary = summarise(run_header(scenario), scenario.tenants, cluster, table, ledger,
                              controller.stats(), end_s);
  add_fleet_plan(outcome.summary, prepared.value().capacity, scenario.sites, scenario.start_unix_s);
  add_services(outcome.summary, table, services.get(), scenario);
  if (services && !summary_only) {
    std::FILE* services_csv = out.open("services.csv");
    write_services_csv(services_csv, table, *services, scenario);
    out.close(services_csv);
  }
  outcome.text = format_text_summary(outcome.summary);
  int64_t power_rows = 0;
  if (!summary_only) {
    std::vector<std::string> site_names;
    for (const Site& site : scenario.sites) site_names.push_back(site.name);
    std::FILE* power_csv = out.open("power.csv");
    power_rows = write_power_csv(power_csv, ledger.power(), site_names);
    out.close(power_csv);
    std::FILE* jobs_csv = out.open("jobs.csv");
    write_jobs_csv(jobs_csv, table, ledger, cluster, tenant_names, end_s);
    out.close(jobs_csv);
  }
  out.write("summary.json", outcome.summary.dump(2) + "\n");
  std::optional<StagedFile> trace_file;  // renamed into place with the outputs
  if (trace) {
    trace_file.emplace(settings.trace);
    write_chrome_trace(trace_file->file(), *trace, scenario, cluster, table);
    outcome.notes = chrome_trace_notes(*trace, cluster);
  }
  const ControllerStats& stats = controller.stats();
  const double total_wall_s = seconds_since(started);
  outcome.perf = {
      {"wall_time_s", total_wall_s},
      {"load_wall_s", load_wall_s},
      {"platform_build_wall_s", platform_wall_s},
      {"simulation_wall_s", sim_wall_s},
      {"events", stats.events},
      {"events_per_wall_s", sim_wall_s > 0 ? static_cast<double>(stats.events) / sim_wall_s : 0.0},
      {"policy_calls", stats.policy_calls},
      {"policy_wall_s", stats.policy_wall_s},
      {"policy_mean_wall_s",
       stats.policy_calls ? stats.policy_wall_s / static_cast<double>(stats.policy_calls) : 0.0},
      {"policy_max_wall_s", stats.policy_max_wall_s},
      {"utilisation_rows", utilisation_csv ? utilisation_csv->rows_written() : 0},
      {"power_rows", power_rows},
      {"peak_rss_mib", peak_rss_mib()},
  };
  out.write("perf.json", outcome.perf.dump(2) + "\n");
  if (!summary_only) {  // rendered from the staged files, so `sovsim report` gives the same page
    auto report = render_report(out.staging_dir());
    if (!report.ok()) throw std::runtime_error("report.html: " + report.diagnostics()[0].to_string());
    out.write("report.html", report.value());
  }
  out.commit();
  if (trace_file) trace_file->commit();
  return outcome;
}

}  // namespace sovsim::sim
