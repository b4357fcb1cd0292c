// sim/scenario/failure_reader.cpp — the `failures:` section of the scenario schema (documented in
// docs/failures.md). Every key is optional; see models::FailureRates for the defaults.
#include "sim/scenario/failure_reader.hpp"

#include "models/common/yaml_reader.hpp"

namespace sovsim::sim {
namespace {

constexpr double kMaxRatePerYear = 1e6;  // far beyond any real part; catches unit mistakes only
constexpr double kMaxSigma = 10;

void read_repair(MapReader& parent, const char* key, double& median_s, double& sigma) {
  MapReader m = parent.map(key);
  median_s = m.duration_s("median", median_s, 0);
  sigma = m.number("sigma", sigma, 0, kMaxSigma);
  m.finish();
}

}  // namespace

models::FailureRates read_failures(MapReader& top) {
  models::FailureRates r;
  const bool present = top.has("failures");
  MapReader m = top.map("failures");  // marks the key known; absent reads as an empty map
  r.enabled = m.boolean("enabled", present);
  r.gpu_per_year = m.number("gpu_per_year", r.gpu_per_year, 0, kMaxRatePerYear);
  r.hbm_per_year = m.number("hbm_per_year", r.hbm_per_year, 0, kMaxRatePerYear);
  r.network_per_year = m.number("network_per_year", r.network_per_year, 0, kMaxRatePerYear);
  r.host_per_year = m.number("host_per_year", r.host_per_year, 0, kMaxRatePerYear);
  r.domain_per_year = m.number("domain_per_year", r.domain_per_year, 0, kMaxRatePerYear);
  read_repair(m, "repair", r.repair_median_s, r.repair_sigma);
  read_repair(m, "domain_repair", r.domain_repair_median_s, r.domain_repair_sigma);
  r.restart_s = m.duration_s("restart", r.restart_s, 0);
  m.finish();
  return r;
}

}  // namespace sovsim::sim
