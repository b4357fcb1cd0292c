// models/power.cpp — see power.hpp.
#include "models/power.hpp"

#include <algorithm>
#include <cmath>

#include "models/common/check.hpp"

namespace sovsim::models {

double host_max_w_per_gpu(const Hardware& hw, const PowerAssumptions& a) {
  SOVSIM_CHECK(hw.gpus_per_node > 0, "a node holds at least one accelerator");
  SOVSIM_CHECK(a.host_max_fraction_of_tdp >= 0, "the host fallback fraction is not negative");
  if (hw.node_max_w > 0) {
    const double gpus = hw.gpus_per_node;
    // The catalog rejects a node maximum below its accelerators' TDP; clamp for hand-made values.
    return std::max(0.0, (hw.node_max_w - gpus * hw.tdp_w) / gpus);
  }
  return a.host_max_fraction_of_tdp * hw.tdp_w;
}

GpuPower gpu_power(const Hardware& hw, const PowerAssumptions& a) {
  SOVSIM_CHECK(a.busy_fraction_of_tdp >= 0 && a.host_share_busy >= 0 && a.host_share_idle >= 0,
               "power fractions are not negative");
  SOVSIM_CHECK(std::isfinite(a.busy_fraction_of_tdp) && std::isfinite(a.host_share_busy) &&
                   std::isfinite(a.host_share_idle),
               "power fractions are finite");
  const double host_max_w = host_max_w_per_gpu(hw, a);
  GpuPower p;
  p.busy_w = a.busy_fraction_of_tdp * hw.tdp_w + a.host_share_busy * host_max_w;
  p.idle_w = hw.idle_w + a.host_share_idle * host_max_w;
  return p;
}

}  // namespace sovsim::models
