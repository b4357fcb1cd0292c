// sim/sweep/tornado.hpp — which parameter moves a metric most: for each metric and parameter,
// the metric's mean over every ok run with the parameter at each of its values (all other
// parameters and seeds pooled: the parameter's main effect), and the swing between the lowest
// and the highest of those means. Parameters sorted by swing make a tornado chart; the seed noise
// (the mean 95% confidence half-width over combinations) says how large a swing means nothing.
// Written as DIR/tornado.csv and printed by `sovsim sweep-report`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/sweep/aggregate.hpp"
#include "sim/sweep/run_result.hpp"

namespace sovsim::sim {

struct ParameterSwing {
  std::string parameter;             // its --set path
  std::string low_value, high_value;  // the values with the lowest and the highest mean
  double low_mean = 0, high_mean = 0;
  size_t values = 0;                  // distinct values with at least one ok run
  double swing() const { return high_mean - low_mean; }
};

struct MetricTornado {
  std::string metric;
  std::vector<ParameterSwing> bars;  // largest swing first (ties: parameter order)
  std::optional<double> seed_noise;  // mean ci95 over combinations that have one
};

// One tornado per metric, in plan.metrics order. Parameters with a single value are left out;
// a metric without ok values has no bars.
std::vector<MetricTornado> tornado(const SweepPlan& plan, const std::map<size_t, RunResult>& results,
                                   const std::vector<CombinationStats>& combinations);

// tornado.csv: metric, parameter, low_value, low_mean, high_value, high_mean, swing, seed_noise.
std::string tornado_csv(const std::vector<MetricTornado>& tornados);

// A text tornado per metric: bars of '█' proportional to the swing, widest first.
std::string tornado_text(const std::vector<MetricTornado>& tornados);

}  // namespace sovsim::sim
