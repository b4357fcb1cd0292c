// sim/sweep/sweep_schema.hpp — the sweep file format (docs/sweeps.md), described once with the
// same tables as scenarios (models/common/schema.hpp): the loader (sweep_loader.cpp) reads
// through them, docs/sweeps.md's table is generated from them (`sovsim gen-docs`) and
// `sovsim schema --sweep` prints them as JSON Schema.
#pragma once

#include <nlohmann/json.hpp>

#include "models/common/schema.hpp"

namespace sovsim::sim::sweep_schema {

// The top level of a sweep file, and a `{range: [lo, hi], steps: N}` value generator.
extern const schema::Section kSweep, kRange;

// At most this many runs in one sweep (the plan is held in memory and written as plan.json).
inline constexpr double kMaxRuns = 1e6;

// The JSON Schema (draft 2020-12) of a sweep file.
nlohmann::ordered_json json_schema();

}  // namespace sovsim::sim::sweep_schema
