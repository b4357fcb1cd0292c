// sim/telemetry/run_metrics.hpp — headline metrics of a finished run (job counts, waits,
// makespan, utilisation overall and per tenant, site and hardware): distributions from the job
// table, GPU-hour figures from the ledger (fleet totals are sums over tenants); rendered as
// summary.json and as the one-screen text summary.
// Everything here is deterministic: wall-clock numbers live in perf.json, not here.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/engine/controller_stats.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/telemetry/ledger.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

// Summary of a sample (waits, completion times, slowdowns); all 0 for an empty sample.
struct SampleStats {
  double mean = 0, p50 = 0, p95 = 0, p99 = 0, max = 0;
};

// Percentile q in [0, 1] of sorted values, interpolating linearly between order statistics
// (as numpy's default); 0 for an empty list.
double percentile(const std::vector<double>& sorted, double q);
SampleStats sample_stats(std::vector<double> values);

// Bounded slowdown of a job (Feitelson et al.): max(1, (wait + run) / max(run, bound_s)).
double bounded_slowdown(double wait_s, double run_s, double bound_s = 10.0);

// Jain's fairness index of x (1 = all equal, 1/n = one takes all); 1 for an empty or all-zero x.
double jain_index(const std::vector<double>& x);

// What ran: the scenario's identity and settings the summary repeats.
struct RunHeader {
  std::string scenario;
  uint64_t seed = 0;
  double horizon_s = 0;
  std::optional<double> start_unix_s;  // start_date, when the scenario has one
  std::string policy, placement;
  bool failures_enabled = false;
};
RunHeader run_header(const Scenario& scenario);

// summary.json content. `end_s` is the simulated time the run stopped at (ledger finished).
nlohmann::ordered_json summarise(const RunHeader& header, const std::vector<Tenant>& tenants,
                                 const Cluster& cluster, const JobTable& table,
                                 const Ledger& ledger, const ControllerStats& stats, double end_s);

// The one-screen text summary printed on stdout.
std::string format_text_summary(const nlohmann::ordered_json& summary);

}  // namespace sovsim::sim
