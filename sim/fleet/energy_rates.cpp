// sim/fleet/energy_rates.cpp — see energy_rates.hpp.
#include "sim/fleet/energy_rates.hpp"

#include "models/cost.hpp"

namespace sovsim::sim {

bool EnergyRates::any_cap() const {
  for (const auto& steps : site_caps) {
    for (const PowerCapStep& s : steps) {
      if (s.cap_w > 0) return true;
    }
  }
  return false;
}

EnergyRates energy_rates(const Scenario& scenario, const Cluster& cluster,
                         const models::HardwareCatalog& catalog) {
  const Economics& e = scenario.economics;
  EnergyRates rates;
  for (const Site& site : scenario.sites) {
    rates.site_pue.push_back(site.pue.value_or(e.pue));
    rates.site_caps.push_back({{0, site.power_cap_mw * 1e6}});
  }
  for (const FleetEvent& event : scenario.events) {
    if (event.kind != FleetEvent::Kind::kPowerCap) continue;
    for (size_t s = 0; s < scenario.sites.size(); ++s) {
      if (scenario.sites[s].name == event.site) {
        rates.site_caps[s].push_back({event.date_s, event.power_cap_mw * 1e6});
      }
    }
  }
  models::PowerAssumptions assumptions;
  assumptions.busy_fraction_of_tdp = e.busy_fraction_of_tdp;
  models::CostRates cost;
  cost.krw_per_usd = e.krw_per_usd;
  cost.capex_lifetime_years = e.capex_years;
  cost.opex_krw_per_node_year = e.opex_krw_per_node_year;
  for (const Pool& pool : cluster.pools()) {
    const Site& site = scenario.sites[pool.site];
    PoolEnergy p;
    p.site = pool.site;
    p.pue = rates.site_pue[pool.site];
    p.price_krw_per_kwh = site.electricity_krw_per_kwh.value_or(e.electricity_krw_per_kwh);
    p.carbon_t_per_mwh = site.carbon_t_per_mwh.value_or(e.carbon_t_per_mwh);
    if (const models::Hardware* hw = catalog.find(pool.hardware)) {
      p.power = models::gpu_power(*hw, assumptions);
      p.capex_krw_per_gpu_s = models::capex_krw_per_gpu_s(*hw, cost);
    }
    p.opex_krw_per_gpu_s = models::opex_krw_per_gpu_s(pool.physical_gpus_per_node(), cost);
    rates.pools.push_back(std::move(p));
  }
  return rates;
}

}  // namespace sovsim::sim
