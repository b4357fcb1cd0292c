// sim/scenario/economics_reader.hpp — reads `economics:` and a site's power and price keys
// (fleet_schema.cpp, energy_keys.hpp; docs/energy.md), including the profiles a price or a carbon
// intensity may be given as. Internal to sim/scenario/.
#pragma once

#include "models/common/yaml_reader.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

// The top-level `economics:` section (defaults when absent).
Economics read_economics(MapReader& top);

// A site's `pue`, `electricity_krw_per_kwh`, `carbon_t_per_mwh` (left unset when absent: the
// economics' apply) and `power_cap_mw`.
void read_site_energy(MapReader& site_reader, Site& site);

}  // namespace sovsim::sim
