// sim/scenario/overrides.hpp — `--set key.path=value` applied to the YAML tree before it is read,
// so every override goes through the same validation as the file. Paths are dotted keys with list
// indices (`sites[1].nodes[0].count=64`); a missing map key is created (to set a default-valued
// key), a missing list element is an error. Sweeps rely on this.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "models/common/result.hpp"

namespace sovsim::sim {

// Applies one "path=value" assignment to `root`. On error appends a diagnostic and leaves `root`
// unchanged. The value is parsed as YAML (so `8`, `2h`, `easy`, `[1, 2]` all work).
bool apply_override(YAML::Node& root, const std::string& assignment, Diagnostics& diagnostics);

}  // namespace sovsim::sim
