// sim/scenario/run_size.hpp — the up-front estimate of what a loaded scenario will cost, checked
// before any job is generated or any trace read: a rate or horizon slip (`rate_per_hour: 5000`
// over a century) would otherwise spend minutes generating jobs and then run out of memory.
// Limits are in sim/scenario/limits.hpp; `sovsim run|validate|describe --force` skips the check.
#pragma once

#include "models/common/result.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

// Expected number of jobs a generator creates before the horizon: rate × window, capped by its
// count. expected_generated_jobs() sums them over the scenario's generators.
double expected_jobs(const JobGenerator& generator, double horizon_s);
double expected_generated_jobs(const Scenario& scenario);

// One diagnostic per limit exceeded (estimated jobs, total nodes), each saying the estimate, why
// it is refused and that --force proceeds anyway; empty if the run is of a sane size.
Diagnostics check_run_size(const Scenario& scenario);

}  // namespace sovsim::sim
