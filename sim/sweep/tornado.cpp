// sim/sweep/tornado.cpp — see tornado.hpp.
#include "sim/sweep/tornado.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "sim/output/text_table.hpp"
#include "sim/sweep/results_table.hpp"
#include "sim/trace/csv.hpp"

namespace sovsim::sim {
namespace {

// Mean of the metric over the ok runs at each value of one parameter, values in plan order.
struct ValueMeans {
  std::vector<std::string> values;
  std::vector<double> sums;
  std::vector<size_t> counts;

  void add(const std::string& value, double x) {
    auto it = std::find(values.begin(), values.end(), value);
    if (it == values.end()) {
      values.push_back(value);
      sums.push_back(0);
      counts.push_back(0);
      it = values.end() - 1;
    }
    const size_t i = static_cast<size_t>(it - values.begin());
    sums[i] += x;
    ++counts[i];
  }
};

}  // namespace

std::vector<MetricTornado> tornado(const SweepPlan& plan, const std::map<size_t, RunResult>& results,
                                   const std::vector<CombinationStats>& combinations) {
  std::vector<MetricTornado> out;
  for (size_t m = 0; m < plan.metrics.size(); ++m) {
    MetricTornado t;
    t.metric = plan.metrics[m].first;
    std::vector<ValueMeans> by_parameter(plan.parameters.size());
    for (const auto& [index, result] : results) {
      if (!result.ok || !result.metrics[m].second) continue;
      const PlannedRun& run = plan.runs[index];
      for (size_t p = 0; p < run.parameters.size() && p < by_parameter.size(); ++p) {
        by_parameter[p].add(run.parameters[p].second, *result.metrics[m].second);
      }
    }
    for (size_t p = 0; p < by_parameter.size(); ++p) {
      const ValueMeans& v = by_parameter[p];
      if (v.values.size() < 2) continue;
      ParameterSwing bar;
      bar.parameter = plan.parameters[p];
      bar.values = v.values.size();
      for (size_t i = 0; i < v.values.size(); ++i) {
        const double mean = v.sums[i] / static_cast<double>(v.counts[i]);
        if (i == 0 || mean < bar.low_mean) bar.low_mean = mean, bar.low_value = v.values[i];
        if (i == 0 || mean > bar.high_mean) bar.high_mean = mean, bar.high_value = v.values[i];
      }
      t.bars.push_back(std::move(bar));
    }
    std::stable_sort(t.bars.begin(), t.bars.end(),
                     [](const ParameterSwing& a, const ParameterSwing& b) {
                       return a.swing() > b.swing();
                     });
    double noise = 0;
    size_t with_ci = 0;
    for (const CombinationStats& c : combinations) {
      if (m < c.metrics.size() && c.metrics[m].ci95) noise += *c.metrics[m].ci95, ++with_ci;
    }
    if (with_ci > 0) t.seed_noise = noise / static_cast<double>(with_ci);
    out.push_back(std::move(t));
  }
  return out;
}

std::string tornado_csv(const std::vector<MetricTornado>& tornados) {
  std::string out = "metric,parameter,low_value,low_mean,high_value,high_mean,swing,seed_noise\n";
  for (const MetricTornado& t : tornados) {
    for (const ParameterSwing& b : t.bars) {
      const std::vector<std::string> cells = {
          t.metric, b.parameter, b.low_value, number_text(b.low_mean), b.high_value,
          number_text(b.high_mean), number_text(b.swing()),
          t.seed_noise ? number_text(*t.seed_noise) : std::string()};
      append_csv_row(out, cells);
    }
  }
  return out;
}

std::string tornado_text(const std::vector<MetricTornado>& tornados) {
  constexpr double kBarWidth = 30;
  std::string out;
  for (const MetricTornado& t : tornados) {
    out += fmt::format("\n{}: which parameter moves it most (main effect: mean over all other "
                       "parameters and seeds)\n",
                       t.metric);
    if (t.bars.empty()) {
      out += "  (no parameter with two values has ok results)\n";
      continue;
    }
    const double widest = t.bars.front().swing();
    std::vector<std::vector<std::string>> rows;
    for (const ParameterSwing& b : t.bars) {
      const int cells = widest > 0 ? static_cast<int>(b.swing() / widest * kBarWidth + 0.5) : 0;
      std::string bar;
      for (int i = 0; i < std::max(cells, 1); ++i) bar += cells > 0 ? "█" : "▏";
      rows.push_back({"  " + b.parameter, bar, fmt::format("{:.4g}", b.swing()),
                      fmt::format("{} {:.4g} → {} {:.4g}", b.low_value, b.low_mean, b.high_value,
                                  b.high_mean)});
    }
    out += aligned_columns(rows);
    if (t.seed_noise) {
      out += fmt::format("  seed noise: ±{:.2g} (mean 95% CI half-width over combinations); a "
                         "smaller swing is not distinguishable from it\n",
                         *t.seed_noise);
    }
  }
  return out;
}

}  // namespace sovsim::sim
