// sim/sweep/sweep_loader.hpp — sweep file -> validated SweepSpec, or every diagnostic found, as
// FILE:LINE:COL key: message. Strict like scenarios (unknown and duplicate keys, wrong types and
// bad values are errors), and checked against the scenario before anything runs: the scenario
// loads with the fixed overrides, with each parameter value, and with the first combination, so
// a bad `--set` path or value is reported at its line in the sweep file. Never writes anything.
#pragma once

#include <filesystem>
#include <string>

#include "models/catalogs.hpp"
#include "models/common/result.hpp"
#include "sim/sweep/sweep_spec.hpp"

namespace sovsim::sim {

// Reads the file alone: syntax, keys, types, ranges, metric paths. No scenario is loaded.
Result<SweepSpec> read_sweep(const std::string& text, const std::filesystem::path& file);

// read_sweep, then the checks against the scenario (see above).
Result<SweepSpec> load_sweep(const std::filesystem::path& file, const models::Catalogs& catalogs);

}  // namespace sovsim::sim
