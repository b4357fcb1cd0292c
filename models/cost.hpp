// models/cost.hpp — money and emissions of running accelerators: capex amortised straight-line
// per GPU-second, a flat operating cost per node-year, and the facility energy, electricity bill
// and CO2 of a constant draw over an interval under a (possibly time-of-use) price and a
// (possibly hourly) grid carbon intensity (docs/energy.md has every default and its source).
// Pure: no SimGrid, no I/O.
#pragma once

#include "models/hardware.hpp"
#include "models/time_profile.hpp"

namespace sovsim::models {

// KEPCO industrial tariff for large users (산업용 을) from 24 Oct 2024: 182.7 KRW/kWh, up from
// 165.8 (news reports of the Oct 2024 increase; small users (갑) 173.3; 2023 average industrial
// sales price 153.7). A flat average: KEPCO's time-of-use tariffs vary by season and load period,
// which a TimeProfile can hold instead.
inline constexpr double kKoreaIndustrialKrwPerKwh = 182.7;
// Korea's grid emission factor, consumption side, for 2023: 0.4173 tCO2eq/MWh (announced by the
// Ministry in Dec 2025, reported by Yonhap and others; 2020-22 average 0.4541, older ETS factor
// 0.4594). An annual average: the hourly intensity varies with the nuclear/coal/solar mix.
inline constexpr double kKoreaGridTco2PerMwh = 0.4173;

inline constexpr double kJoulesPerKwh = 3.6e6;
inline constexpr double kJoulesPerMwh = 3.6e9;

struct CostRates {
  // KRW per USD. ASSUMPTION: 1,400, inside the ~1,300-1,450 range of 2024-2025, towards its
  // upper end where the rate stood while Blackwell systems were bought (late 2024 on).
  double krw_per_usd = 1400;
  // Straight-line amortisation of price_usd. 5 years, the middle of the usual 4-6.
  double capex_lifetime_years = 5;
  // Operating cost per node per year other than electricity: support contract, space, staff.
  // ASSUMPTION, no public figure: 20 M KRW (~USD 14k), about 5% a year of an 8-GPU server's
  // ~USD 280k (8 x the B200's USD 35k catalog price).
  double opex_krw_per_node_year = 20e6;
  // Facility power / IT power. 1.3: the upper end of new Korean AI builds (1.2-1.3 with liquid
  // cooling) rather than the ~1.5 national average, as the fleet is new but largely air-cooled
  // HGX B200.
  double pue = 1.3;
};

// Capex of one accelerator per second of its life: price_usd x krw_per_usd spread evenly over
// capex_lifetime_years. 0 when the catalog has no price. Counts what price_usd holds: the GPU
// for HGX parts, 1/72 of the rack for NVL72 ones (hardware.yaml's sources say which).
double capex_krw_per_gpu_s(const Hardware& hw, const CostRates& rates);

// The node's operating cost shared by its gpus_per_node (> 0) accelerators, per second.
double opex_krw_per_gpu_s(int gpus_per_node, const CostRates& rates);

// What a draw cost over an interval. facility = IT x PUE; cost and CO2 are of facility energy.
struct EnergyDraw {
  double it_j = 0;        // at the nodes
  double facility_j = 0;  // at the meter: IT plus cooling and power distribution
  double cost_krw = 0;
  double co2_t = 0;  // tonnes CO2eq

  EnergyDraw& operator+=(const EnergyDraw& o) {
    it_j += o.it_j, facility_j += o.facility_j, cost_krw += o.cost_krw, co2_t += o.co2_t;
    return *this;
  }
};

// A constant IT draw of `watts` (>= 0) over [t0_s, t1_s] (t1_s >= t0_s, simulation seconds):
//   it_j = watts x (t1 - t0), facility_j = it_j x pue (>= 1),
//   cost_krw = watts x pue / 3.6e6 x ∫ price_krw_per_kwh dt,
//   co2_t    = watts x pue / 3.6e9 x ∫ carbon_t_per_mwh dt,
// with the integrals exact over time-of-use steps (TimeProfile::integral). O(1).
EnergyDraw energy_of(double watts, double t0_s, double t1_s, double pue,
                     const TimeProfile& price_krw_per_kwh, const TimeProfile& carbon_t_per_mwh);

}  // namespace sovsim::models
