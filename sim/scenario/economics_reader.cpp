// sim/scenario/economics_reader.cpp — see economics_reader.hpp.
#include "sim/scenario/economics_reader.hpp"

#include <fmt/format.h>

#include <optional>

#include "models/common/units.hpp"
#include "sim/scenario/profile_reader.hpp"

namespace sovsim::sim {


Economics read_economics(MapReader& top) {
  MapReader m = top.map("economics");
  Economics e;
  e.pue = m.number("pue");
  if (auto p = read_time_profile(m, "electricity_krw_per_kwh")) e.electricity_krw_per_kwh = *p;
  if (auto p = read_time_profile(m, "carbon_t_per_mwh")) e.carbon_t_per_mwh = *p;
  e.krw_per_usd = m.number("krw_per_usd");
  e.capex_years = m.number("capex_years");
  e.opex_krw_per_node_year = m.number("opex_krw_per_node_year");
  e.busy_fraction_of_tdp = m.number("busy_fraction_of_tdp");
  m.finish();
  return e;
}

void read_site_energy(MapReader& m, Site& site) {
  if (m.has("pue")) site.pue = m.number("pue");
  site.electricity_krw_per_kwh = read_time_profile(m, "electricity_krw_per_kwh");
  site.carbon_t_per_mwh = read_time_profile(m, "carbon_t_per_mwh");
  site.power_cap_mw = m.number("power_cap_mw");
}

}  // namespace sovsim::sim
