// sim/scenario/failure_reader.cpp — the `failures:` section of the scenario schema (documented in
// docs/failures.md). Keys, defaults and ranges: sim/scenario/scenario_schema.cpp.
#include "sim/scenario/failure_reader.hpp"

#include "models/common/yaml_reader.hpp"

namespace sovsim::sim {
namespace {

// `repair` and `domain_repair` share their keys but not their defaults (the rates' struct).
void read_repair(MapReader& parent, const char* key, double& median_s, double& sigma) {
  MapReader m = parent.map(key);
  median_s = m.duration_s_or("median", median_s);
  sigma = m.number_or("sigma", sigma);
  m.finish();
}

}  // namespace

models::FailureRates read_failures(MapReader& top) {
  models::FailureRates r;
  const bool present = top.has("failures");
  MapReader m = top.map("failures");  // marks the key known; absent reads as an empty map
  r.enabled = present && m.boolean("enabled");
  r.gpu_per_year = m.number("gpu_per_year");
  r.hbm_per_year = m.number("hbm_per_year");
  r.network_per_year = m.number("network_per_year");
  r.host_per_year = m.number("host_per_year");
  r.domain_per_year = m.number("domain_per_year");
  read_repair(m, "repair", r.repair_median_s, r.repair_sigma);
  read_repair(m, "domain_repair", r.domain_repair_median_s, r.domain_repair_sigma);
  r.restart_s = m.duration_s("restart");
  m.finish();
  return r;
}

}  // namespace sovsim::sim
