// sim/describe/workload_description.hpp — what `sovsim describe` says about a scenario's
// workload before it runs: explicit jobs, each generator's expected jobs and GPU-hours over the
// horizon from its distributions (rate × window; mean GPUs × mean duration, clamps included)
// beside the jobs actually drawn with the scenario's seed, the imported trace (file, format,
// jobs, records skipped), model-defined training and serving jobs, living services, and the
// total against the fleet's capacity. Drawn jobs are counted from the prepared job table, so
// they are exactly what `sovsim run` would simulate. JSON, as `describe --json` prints it.
#pragma once

#include <nlohmann/json.hpp>

#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

// `capacity_gpu_hours`: the fleet's GPU-hours in service over the horizon (describe_fleet).
nlohmann::ordered_json describe_workload(const PreparedWorkload& prepared,
                                         double capacity_gpu_hours);

}  // namespace sovsim::sim
