// test/models/cost_test.cpp — money and emissions: one B200 busy for an hour worked by hand in
// KRW and tonnes CO2, capex and opex per GPU-hour from the catalog price, and a time-of-use day
// and an hourly carbon profile against a second-by-second sum; intervals add up.
#include "models/cost.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "models/power.hpp"

namespace sovsim::models {
namespace {

const Hardware& b200() {
  static const Hardware hw = [] {
    auto r = HardwareCatalog::builtin();
    const Hardware* found = r.ok() ? r->find("B200") : nullptr;
    return found != nullptr ? *found : Hardware{};
  }();
  return hw;
}

TEST(EnergyOf, OneB200BusyForAnHourByHand) {
  // 1,361.875 W (power_test) x 1 h = 1.361875 kWh IT; x 1.3 = 1.7704375 kWh at the meter;
  // x 182.7 KRW/kWh = 323.45893125 KRW; x 0.4173 t/MWh = 7.3880356875e-4 t.
  const double watts = gpu_power(b200()).busy_w;
  ASSERT_DOUBLE_EQ(watts, 1361.875);
  const EnergyDraw e =
      energy_of(watts, 7200, 10800, 1.3, TimeProfile::constant(kKoreaIndustrialKrwPerKwh),
                TimeProfile::constant(kKoreaGridTco2PerMwh));
  EXPECT_NEAR(e.it_j, 1.361875 * 3.6e6, 1e-6);
  EXPECT_NEAR(e.facility_j, 1.7704375 * 3.6e6, 1e-6);
  EXPECT_NEAR(e.cost_krw, 323.45893125, 1e-9);
  EXPECT_NEAR(e.co2_t, 7.3880356875e-4, 1e-15);
}

TEST(EnergyOf, EmptyIntervalCostsNothingAndIntervalsAdd) {
  const TimeProfile price({100, 150, 200}, 3600, 1800), carbon({0.5, 0.3}, 7200);
  const EnergyDraw none = energy_of(1000, 500, 500, 1.2, price, carbon);
  EXPECT_EQ(none.it_j, 0);
  EXPECT_EQ(none.cost_krw, 0);
  EXPECT_EQ(none.co2_t, 0);
  EnergyDraw parts = energy_of(800, 1000, 5000.5, 1.25, price, carbon);
  parts += energy_of(800, 5000.5, 40000, 1.25, price, carbon);
  const EnergyDraw whole = energy_of(800, 1000, 40000, 1.25, price, carbon);
  EXPECT_NEAR(parts.it_j, whole.it_j, 1e-6);
  EXPECT_NEAR(parts.facility_j, whole.facility_j, 1e-6);
  EXPECT_NEAR(parts.cost_krw, whole.cost_krw, 1e-9 * whole.cost_krw);
  EXPECT_NEAR(parts.co2_t, whole.co2_t, 1e-9 * whole.co2_t);
}

TEST(EnergyOf, TimeOfUseDayAndHourlyCarbonMatchASecondBySecondSum) {
  // A made-up time-of-use day (KRW/kWh): light load 22-08 h, mid load, peak 10-12 h and
  // 13-17 h; and a carbon day that dips at midday with solar (t/MWh). The scenario starts at
  // 06:00 (offset 6 h).
  std::vector<double> price(24), carbon(24);
  for (int h = 0; h < 24; ++h) {
    const bool light = h >= 22 || h < 8, peak = (h >= 10 && h < 12) || (h >= 13 && h < 17);
    price[h] = light ? 120.5 : peak ? 260.25 : 180.0;
    carbon[h] = (h >= 10 && h < 16) ? 0.32 : 0.47 + 0.001 * h;
  }
  const TimeProfile price_p(price, 3600, 6 * 3600), carbon_p(carbon, 3600, 6 * 3600);
  const double watts = 10900, pue = 1.3;            // a busy DGX B200
  const int t0 = 4321, t1 = 86400 + 8 * 3600 + 17;  // 07:12 to 14:00 the next day
  double cost = 0, co2 = 0;
  for (int s = t0; s < t1; ++s) {
    const int hour = ((s + 6 * 3600) / 3600) % 24;
    cost += watts * pue / 3.6e6 * price[hour];
    co2 += watts * pue / 3.6e9 * carbon[hour];
  }
  const EnergyDraw e = energy_of(watts, t0, t1, pue, price_p, carbon_p);
  EXPECT_NEAR(e.cost_krw, cost, 1e-9 * cost);
  EXPECT_NEAR(e.co2_t, co2, 1e-9 * co2);
  EXPECT_NEAR(e.facility_j, watts * pue * (t1 - t0), 1e-6);
  // Not the flat mean: the extra 6.8 h over a whole day are mostly mid and peak hours (~4%).
  const double flat = energy_of(watts, t0, t1, pue, TimeProfile::constant(price_p.mean()),
                                TimeProfile::constant(carbon_p.mean()))
                          .cost_krw;
  EXPECT_GT(e.cost_krw - flat, 0.02 * e.cost_krw);
}

TEST(Capex, PerGpuHourFromTheCatalogPrice) {
  // USD 35,000 x 1,400 KRW/USD = 49,000,000 KRW over 5 x 365 days:
  // 49e6 / 157,680,000 s x 3,600 = 1,118.7214611872 KRW per GPU-hour.
  const CostRates rates;
  EXPECT_NEAR(capex_krw_per_gpu_s(b200(), rates) * 3600, 1118.7214611872, 1e-9);
  CostRates four_years = rates;
  four_years.capex_lifetime_years = 4;
  EXPECT_NEAR(capex_krw_per_gpu_s(b200(), four_years) * 3600, 1118.7214611872 * 5 / 4, 1e-9);
  Hardware unpriced = b200();
  unpriced.price_usd = 0;
  EXPECT_EQ(capex_krw_per_gpu_s(unpriced, rates), 0);
}

TEST(Opex, PerGpuHourSharesTheNode) {
  // 20,000,000 KRW per node-year / 8 GPUs / 8,760 h = 285.3881278539 KRW per GPU-hour.
  const CostRates rates;
  EXPECT_NEAR(opex_krw_per_gpu_s(8, rates) * 3600, 285.3881278539, 1e-9);
  EXPECT_NEAR(opex_krw_per_gpu_s(4, rates), 2 * opex_krw_per_gpu_s(8, rates), 1e-15);
}

TEST(CostRates, DefaultsAreTheDocumentedOnes) {
  const CostRates r;
  EXPECT_EQ(r.krw_per_usd, 1400);
  EXPECT_EQ(r.capex_lifetime_years, 5);
  EXPECT_EQ(r.opex_krw_per_node_year, 20e6);
  EXPECT_EQ(r.pue, 1.3);
  EXPECT_EQ(kKoreaIndustrialKrwPerKwh, 182.7);
  EXPECT_EQ(kKoreaGridTco2PerMwh, 0.4173);
}

}  // namespace
}  // namespace sovsim::models
