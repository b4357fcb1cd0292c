// sim/report/usage_sections.cpp — the sections drawn from utilisation.csv: busy GPUs stacked by
// tenant and by site against GPUs in service, and utilisation per site × period as a heat map.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/report/report_format.hpp"
#include "sim/report/report_sections.hpp"

namespace sovsim::sim {
namespace {

constexpr std::string_view kNoUtilisation =
    "utilisation.csv was not written (the scenario sets <code>output.utilisation_csv: "
    "false</code>, or the run used <code>--outputs summary</code>), so this chart cannot be "
    "drawn. The utilisation over the whole run is in the headline table.";

constexpr std::string_view kNoTime = "The run has no time span (it ended at 0 s): nothing to plot.";

// Busy GPUs stacked by `names` (time averages per bucket), GPUs in service and the busy GPUs'
// bucket peak as lines.
std::string busy_chart(const RunOutputs& run, const std::string& id, const std::string& title,
                       const std::vector<std::string>& names,
                       const std::vector<BucketedValue>& series) {
  const UsageSeries& usage = *run.usage;
  const BucketedValue& installed = run.capacity ? run.capacity->installed : usage.installed;
  const std::vector<double> x = bucket_x(run);
  double top = 0;
  for (size_t i = 0; i < run.grid.size(); ++i) {
    top = std::max({top, installed.peak(i), usage.busy.peak(i)});
  }
  XyChart chart(id, title, run_time_axis(run), linear_axis("GPUs", 0, top > 0 ? top : 1));
  const Layers layers = top_layers(names, series, run.grid);
  chart.stacked_areas(x, layers.names, layers.values, layers.colours);
  chart.line("GPUs in service (bucket peak)", x, installed.peaks(), kInk);
  chart.line("busy GPUs (bucket peak)", x, usage.busy.peaks(), kInk, Mark::kDashed);
  return chart.svg();
}

std::string bucket_rule(const RunOutputs& run) {
  return fmt::format(
      "Areas are time averages over {} buckets of {} each (their area is the busy GPU-hours); the "
      "lines are the highest value within each bucket, so short peaks stay visible.",
      run.grid.size(), format_seconds(run.grid.width()));
}

// Why the charts of utilisation.csv cannot be drawn, "" if they can.
std::string_view usage_missing(const RunOutputs& run) {
  if (!run.usage) return kNoUtilisation;
  if (run.grid.size() == 0) return kNoTime;
  return {};
}

// A section holding busy_chart() of `series` (a member of UsageSeries), or the note why not.
std::string busy_section(const RunOutputs& run, std::string_view id, std::string_view heading,
                         const std::string& about, const std::string& chart_id,
                         const std::string& title, const std::vector<std::string>& names,
                         std::vector<BucketedValue> UsageSeries::*series) {
  if (const std::string_view missing = usage_missing(run); !missing.empty()) {
    return section_html(id, heading, about, missing_note(missing));
  }
  return section_html(id, heading, about + bucket_rule(run),
                      busy_chart(run, chart_id, title, names, (*run.usage).*series));
}

}  // namespace

std::string gpus_over_time_section(const RunOutputs& run) {
  return busy_section(run, "gpus", "GPUs over time, by tenant",
                      "Busy GPUs of each tenant, stacked, from <code>utilisation.csv</code>, "
                      "against the GPUs in service (deliveries and retirements change them; "
                      "from <code>capacity.tranches[]</code> in summary.json). ",
                      "gpus-over-time", "Busy GPUs by tenant and GPUs in service",
                      run.tenants.names(), &UsageSeries::busy_by_tenant);
}

std::string gpus_by_site_section(const RunOutputs& run) {
  return busy_section(run, "sites", "GPUs over time, by site",
                      "The same busy GPUs stacked by site, from <code>utilisation.csv</code>. ",
                      "gpus-by-site", "Busy GPUs by site and GPUs in service", run.sites.names(),
                      &UsageSeries::busy_by_site);
}

std::string utilisation_heat_map_section(const RunOutputs& run) {
  const std::string period = run.period_s == kWeekS ? "week" : "day";
  const std::string about = fmt::format(
      "Busy GPU-hours (<code>utilisation.csv</code>) over GPU-hours in service "
      "(<code>capacity.tranches[]</code>), per site and {0} of the run (weeks for runs of four "
      "weeks or more, else days; the last {0} may be partial).",
      period);
  if (const std::string_view missing = usage_missing(run); !missing.empty()) {
    return section_html("heat-map", "Utilisation per site and " + period, about,
                        missing_note(missing));
  }
  const UsageSeries& usage = *run.usage;
  HeatMap map;
  map.id = "utilisation-heat-map";
  map.title = "Utilisation per site and " + period;
  map.column_axis = period + " of the run";
  map.column_name = period;
  for (size_t p = 0; p < run.periods.size(); ++p) map.columns.push_back(std::to_string(p + 1));
  const auto& installed_gpu_s =
      run.capacity ? run.capacity->installed_gpu_s : usage.installed_gpu_s;
  const size_t sites =
      std::min({run.sites.size(), usage.busy_gpu_s.size(), installed_gpu_s.size()});
  for (size_t s = 0; s < sites; ++s) {
    map.rows.push_back(run.sites.names()[s]);
    auto& row = map.values.emplace_back();
    for (size_t p = 0; p < run.periods.size(); ++p) {
      const double installed = installed_gpu_s[s][p];
      row.push_back(installed > 0 ? usage.busy_gpu_s[s][p] / installed
                                  : std::numeric_limits<double>::quiet_NaN());
    }
  }
  return section_html("heat-map", "Utilisation per site and " + period, about, heat_map_svg(map));
}

}  // namespace sovsim::sim
