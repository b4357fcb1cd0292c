// sim/output/power_csv.hpp — writes power.csv from the power meter's series: per bucket of time
// (power_series.hpp) and site, the mean and peak IT power and the mean facility power (IT x the
// site's PUE). Rows in time order, then site order; docs/outputs.md#powercsv.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "sim/telemetry/power_meter.hpp"

namespace sovsim::sim {

// `site_names` in the meter's site order. Returns the rows written.
int64_t write_power_csv(std::FILE* out, const PowerMeter& power,
                        const std::vector<std::string>& site_names);

}  // namespace sovsim::sim
