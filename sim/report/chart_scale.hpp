// sim/report/chart_scale.hpp — the numbers behind a chart's axes: "nice" tick steps (1, 2 or 5
// times a power of ten) that cover a data range, tick labels in a fixed format, logarithmic
// duration ticks (1 s, 10 s, 1 min, ... for wait times), and the map from data to pixels.
#pragma once

#include <string>
#include <vector>

namespace sovsim::sim {

// Ticks of a linear axis: from `lo` to `hi` (the data range widened to whole steps) by `step`.
struct Ticks {
  double lo = 0, hi = 1, step = 1;
  std::vector<double> values;
};

// The smallest of 1, 2, 5 or 10 times a power of ten that is >= `raw` (> 0).
double nice_step(double raw);

// At most about `max_ticks` ticks covering [lo, hi]; an empty range (hi <= lo) becomes [lo, lo+1].
Ticks nice_ticks(double lo, double hi, int max_ticks = 6);

// A tick label for `value` on an axis stepping by `step`: just enough decimals for the step,
// thousands separators, and "M" for millions when the step is at least 100,000.
std::string tick_label(double value, double step);

// Durations for a logarithmic wait axis: 1 s, 10 s, 1 min, 10 min, 1 h, 6 h, 1 d, 7 d, 30 d,
// 365 d, up to the first one >= `max_s` (at least 1 h).
std::vector<double> duration_ticks(double max_s);
// "1 s", "10 s", "1 min", "6 h", "7 d"... for those ticks.
std::string duration_tick_label(double seconds);

// Data to pixels, linear or logarithmic (log: values below d0 are drawn at d0).
struct Scale {
  double d0 = 0, d1 = 1;  // data range
  double r0 = 0, r1 = 1;  // pixel range (r1 < r0 for a y axis: up is smaller)
  bool log = false;
  double operator()(double value) const;
};

}  // namespace sovsim::sim
