// sim/report/chart_scale.cpp — see chart_scale.hpp.
#include "sim/report/chart_scale.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "sim/report/report_format.hpp"

namespace sovsim::sim {

double nice_step(double raw) {
  if (!(raw > 0) || !std::isfinite(raw)) return 1;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
  }
  return 10 * magnitude;
}

Ticks nice_ticks(double lo, double hi, int max_ticks) {
  if (!(hi > lo)) hi = lo + 1;
  Ticks t;
  t.step = nice_step((hi - lo) / std::max(1, max_ticks - 1));
  // Tolerate rounding: 0.30000000000000004 / 0.1 must not widen the axis by a whole step.
  t.lo = std::floor(lo / t.step + 1e-9) * t.step;
  t.hi = std::ceil(hi / t.step - 1e-9) * t.step;
  const int n = static_cast<int>(std::lround((t.hi - t.lo) / t.step));
  for (int i = 0; i <= n; ++i) t.values.push_back(t.lo + i * t.step);
  return t;
}

std::string tick_label(double value, double step) {
  if (step >= 1e5) {
    const double m_step = step / 1e6;
    const int decimals = m_step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(m_step) - 1e-9));
    return value == 0 ? "0" : format_grouped(value / 1e6, decimals) + " M";
  }
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return format_grouped(value, decimals);
}

namespace {

constexpr double kDurationTicks[] = {1,     10,    60,         600,         3600,
                                     21600, 86400, 7 * 86400., 30 * 86400., 365 * 86400.};

}  // namespace

std::vector<double> duration_ticks(double max_s) {
  std::vector<double> ticks;
  const double top = std::max(max_s, 3600.0);
  for (double t : kDurationTicks) {
    ticks.push_back(t);
    if (t >= top) break;
  }
  return ticks;
}

std::string duration_tick_label(double seconds) {
  if (seconds < 60) return fmt::format("{:.0f} s", seconds);
  if (seconds < 3600) return fmt::format("{:.0f} min", seconds / 60);
  if (seconds < 86400) return fmt::format("{:.0f} h", seconds / 3600);
  return fmt::format("{:.0f} d", seconds / 86400);
}

double Scale::operator()(double value) const {
  double f = 0;
  if (log) {
    const double l0 = std::log10(d0), l1 = std::log10(d1);
    f = l1 > l0 ? (std::log10(std::max(value, d0)) - l0) / (l1 - l0) : 0;
  } else {
    f = d1 > d0 ? (value - d0) / (d1 - d0) : 0;
  }
  return r0 + f * (r1 - r0);
}

}  // namespace sovsim::sim
