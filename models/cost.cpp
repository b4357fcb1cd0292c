// models/cost.cpp — see cost.hpp.
#include "models/cost.hpp"

#include "models/common/check.hpp"
#include "models/common/units.hpp"

namespace sovsim::models {

double capex_krw_per_gpu_s(const Hardware& hw, const CostRates& rates) {
  SOVSIM_CHECK(rates.capex_lifetime_years > 0, "a positive amortisation period");
  return hw.price_usd * rates.krw_per_usd / (rates.capex_lifetime_years * kSecondsPerYear);
}

double opex_krw_per_gpu_s(int gpus_per_node, const CostRates& rates) {
  SOVSIM_CHECK(gpus_per_node > 0, "a node holds at least one accelerator");
  return rates.opex_krw_per_node_year / gpus_per_node / kSecondsPerYear;
}

EnergyDraw energy_of(double watts, double t0_s, double t1_s, double pue,
                     const TimeProfile& price_krw_per_kwh, const TimeProfile& carbon_t_per_mwh) {
  SOVSIM_CHECK(watts >= 0, "a draw is not negative");
  SOVSIM_CHECK(t1_s >= t0_s, "an interval ends after it starts");
  SOVSIM_CHECK(pue >= 1, "PUE is facility over IT power, at least 1");
  const double facility_w = watts * pue;
  EnergyDraw e;
  e.it_j = watts * (t1_s - t0_s);
  e.facility_j = e.it_j * pue;
  e.cost_krw = facility_w / kJoulesPerKwh * price_krw_per_kwh.integral(t0_s, t1_s);
  e.co2_t = facility_w / kJoulesPerMwh * carbon_t_per_mwh.integral(t0_s, t1_s);
  return e;
}

}  // namespace sovsim::models
