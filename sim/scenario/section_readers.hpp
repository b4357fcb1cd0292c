// sim/scenario/section_readers.hpp — the readers of each scenario section, shared between
// scenario_loader.cpp (top level, sites, tenants, scheduler, output) and workload_reader.cpp.
// Internal to sim/scenario/.
#pragma once

#include <string>
#include <vector>

#include "models/common/yaml_reader.hpp"
#include "models/hardware.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

// Names already declared, used to check references (job.tenant, job.site, ...).
struct KnownNames {
  std::vector<std::string> tenants, sites, hardware, models;  // models: transformer catalog
};

// Reports `value` at `node` if it is not in `valid`, suggesting the closest name.
void check_reference(const YamlContext& ctx, const YAML::Node& node, const std::string& key,
                     const std::string& value, const std::vector<std::string>& valid,
                     const char* what);

Workload read_workload(MapReader& workload, const KnownNames& names, double horizon_s,
                       const std::string& scenario_dir);

}  // namespace sovsim::sim
