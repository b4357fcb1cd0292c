// sim/telemetry/run_metrics.hpp — headline metrics of a finished run (job counts, waits,
// makespan, utilisation overall and per tenant), computed once from the job table and the
// utilisation integrals, and rendered as summary.json and as the one-screen text summary.
// Everything here is deterministic: wall-clock numbers live in perf.json, not here.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/engine/controller.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/telemetry/utilisation_recorder.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

struct WaitStats {
  double mean_s = 0, p50_s = 0, p95_s = 0, p99_s = 0, max_s = 0;
};

// Percentile q in [0, 1] of sorted values, interpolating linearly between order statistics
// (as numpy's default); 0 for an empty list.
double percentile(const std::vector<double>& sorted, double q);
WaitStats wait_stats(std::vector<double> waits);

// summary.json content. `end_s` is the simulated time the run stopped at.
nlohmann::ordered_json summarise(const Scenario& scenario, const Cluster& cluster,
                                 const JobTable& table, const UtilisationRecorder& utilisation,
                                 const ControllerStats& stats, double end_s);

// The one-screen text summary printed on stdout.
std::string format_text_summary(const nlohmann::ordered_json& summary);

}  // namespace sovsim::sim
