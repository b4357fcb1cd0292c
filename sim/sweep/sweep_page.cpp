// sim/sweep/sweep_page.cpp — see sweep_page.hpp.
#include "sim/sweep/sweep_page.hpp"

#include <fmt/format.h>

#include "sim/report/report_format.hpp"
#include "sim/report/report_page.hpp"
#include "sim/report/report_sections.hpp"
#include "sim/report/svg_chart.hpp"

namespace sovsim::sim {
namespace {

std::string aggregate_section(const SweepPlan& plan, const std::vector<CombinationStats>& rows) {
  std::vector<std::string> header = plan.parameters;
  header.emplace_back("ok/runs");
  for (const auto& [name, path] : plan.metrics) header.push_back(name);
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    std::vector<std::string>& line = cells.emplace_back();
    for (const auto& [path, value] : row.parameters) line.push_back(value);
    line.push_back(fmt::format("{}/{}", row.ok, row.runs));
    for (const auto& m : row.metrics) line.push_back(mean_ci_text(m));
  }
  return section_html("aggregate", "Mean over seeds",
                      "Each metric's mean over the ok runs of a parameter combination, ± the "
                      "half-width of its 95% confidence interval (Student t; none with one run). "
                      "The same figures are in aggregate.csv.",
                      table_html(header, cells));
}

std::string tornado_section(const MetricTornado& t, size_t index) {
  const std::string id = fmt::format("tornado-{}", index);
  if (t.bars.empty()) {
    return section_html(id, escape_html(t.metric), "",
                        missing_note("No parameter with two values has ok results."));
  }
  BarChart chart(id + "-chart", t.metric + ": swing of the mean by parameter",
                 "swing of the mean (highest − lowest over the parameter's values)", "",
                 {"swing"});
  std::vector<std::vector<std::string>> cells;
  for (const ParameterSwing& b : t.bars) {
    chart.add_row(BarRow{b.parameter, {b.swing()}, {}});
    cells.push_back({b.parameter, b.low_value, fmt::format("{:.4g}", b.low_mean), b.high_value,
                     fmt::format("{:.4g}", b.high_mean), fmt::format("{:.4g}", b.swing())});
  }
  if (t.seed_noise) chart.reference_line(*t.seed_noise, "seed noise (mean 95% CI half-width)");
  return section_html(
      id, escape_html(t.metric),
      "Which parameter moves this metric most: for each parameter, the metric's mean at each of "
      "its values over all other parameters and seeds; the bar is the difference between the "
      "highest and the lowest of those means (the table names the values). A bar shorter than "
      "the seed-noise line is not distinguishable from the luck of the seeds. The figures are in "
      "tornado.csv.",
      chart.svg() + table_html({"parameter", "lowest at", "mean", "highest at", "mean", "swing"},
                               cells));
}

}  // namespace

std::string sweep_report_html(const SweepPlan& plan, const std::vector<CombinationStats>& rows,
                              const std::vector<MetricTornado>& tornados) {
  std::string body = aggregate_section(plan, rows);
  if (!plan.parameters.empty()) {
    for (size_t i = 0; i < tornados.size(); ++i) body += tornado_section(tornados[i], i);
  }
  const std::string name = escape_html(plan.scenario);
  size_t ok = 0, planned = plan.runs.size();
  for (const auto& row : rows) ok += row.ok;
  return html_page("sovsim sweep: " + name, "sovsim sweep report",
                   fmt::format("{} · {} runs planned, {} ok", name, planned, ok), body);
}

}  // namespace sovsim::sim
