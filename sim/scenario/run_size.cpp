// sim/scenario/run_size.cpp — see run_size.hpp.
#include "sim/scenario/run_size.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "models/common/units.hpp"
#include "sim/scenario/limits.hpp"

namespace sovsim::sim {

double expected_jobs(const JobGenerator& g, double horizon_s) {
  const double window_s = std::max(0.0, std::min(g.end_s, horizon_s) - g.start_s);
  const double expected = g.rate_per_s * window_s;
  return g.max_jobs > 0 ? std::min(expected, static_cast<double>(g.max_jobs)) : expected;
}

double expected_generated_jobs(const Scenario& s) {
  double jobs = 0;
  for (const JobGenerator& g : s.workload.generators) jobs += expected_jobs(g, s.horizon_s);
  return jobs;
}

Diagnostics check_run_size(const Scenario& s) {
  Diagnostics out;
  const double jobs = expected_generated_jobs(s);
  if (jobs > kMaxEstimatedJobs) {
    out.push_back(Diagnostic{
        s.file, 0, 0, "workload.generators",
        fmt::format("the generators would create about {:.1f} million jobs over the {} horizon "
                    "(each generator's rate_per_hour x the hours of its window), needing about "
                    "{:.0f} GB of memory; more than the limit of {:.0f} million jobs per run. "
                    "Lower the rates or the horizon, or give the generators a count; --force "
                    "runs it anyway",
                    jobs / 1e6, format_duration(s.horizon_s), jobs * kBytesPerJob / 1e9,
                    kMaxEstimatedJobs / 1e6)});
  }
  int64_t nodes = 0;
  for (const Site& site : s.sites) {
    for (const NodeGroup& group : site.nodes) nodes += group.count;
  }
  if (nodes > kMaxTotalNodes) {
    out.push_back(Diagnostic{
        s.file, 0, 0, "sites",
        fmt::format("the fleet has {} nodes over all sites, more than the limit of {} nodes per "
                    "run (each node is a SimGrid host with its links and state); --force runs it "
                    "anyway",
                    nodes, kMaxTotalNodes)});
  }
  return out;
}

}  // namespace sovsim::sim
