// sim/fleet/energy_rates.hpp — what a GPU-second costs where it runs, resolved once per run from
// the scenario's `economics:`, its sites' overrides and the hardware catalog: per Cluster pool,
// the busy and idle draw per GPU (models/power.hpp), the site's PUE, price and carbon profiles,
// and capex and opex per GPU-second (models/cost.hpp); per site, its power cap over time (the
// site's `power_cap_mw`, then its `power_cap` events). No SimGrid (docs/energy.md).
#pragma once

#include <vector>

#include "models/hardware.hpp"
#include "models/power.hpp"
#include "models/time_profile.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

struct PoolEnergy {
  int site = 0;
  models::GpuPower power;  // per GPU, host share included
  double pue = 1;
  models::TimeProfile price_krw_per_kwh, carbon_t_per_mwh;
  double capex_krw_per_gpu_s = 0;
  double opex_krw_per_gpu_s = 0;
  // Extra IT draw of a GPU that runs a job, over an idle one.
  double busy_extra_w() const { return power.busy_w - power.idle_w; }
};

struct PowerCapStep {
  double time_s = 0;
  double cap_w = 0;  // 0: no cap
};

struct EnergyRates {
  std::vector<PoolEnergy> pools;                     // by Cluster pool
  std::vector<double> site_pue;                      // by site
  std::vector<std::vector<PowerCapStep>> site_caps;  // by site, in time order; [0] at time 0
  bool any_cap() const;
};

EnergyRates energy_rates(const Scenario& scenario, const Cluster& cluster,
                         const models::HardwareCatalog& catalog);

}  // namespace sovsim::sim
