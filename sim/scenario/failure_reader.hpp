// sim/scenario/failure_reader.hpp — the optional top-level `failures:` section of a scenario
// (keys and defaults in docs/failures.md): the rates and repair times of models::FailureRates.
#pragma once

#include "models/failures.hpp"

namespace sovsim {
class MapReader;
}

namespace sovsim::sim {

// Reads `failures:` from the scenario's top-level reader. Absent: failures disabled (the rates
// keep their Llama 3 defaults, unused). Present (even empty, `failures: {}`): enabled unless
// `enabled: false`, every key optional. Errors (negative rates, bad durations, unknown keys) are
// recorded with their key path, e.g. `failures.gpu_per_year`, and the defaults are kept.
models::FailureRates read_failures(MapReader& top);

}  // namespace sovsim::sim
