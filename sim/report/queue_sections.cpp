// sim/report/queue_sections.cpp — the sections drawn from jobs.csv: jobs waiting over time per
// tenant, and the distribution (CDF) of wait times per tenant.
#include <fmt/format.h>

#include <algorithm>

#include "sim/report/report_format.hpp"
#include "sim/report/report_sections.hpp"

namespace sovsim::sim {
namespace {

constexpr size_t kCdfPoints = 500;
constexpr std::string_view kNoJobs =
    "jobs.csv was not written (the run used <code>--outputs summary</code>), so this chart "
    "cannot be drawn.";

// The CDF of `waits` (sorted) at most kCdfPoints points: x the wait, y the percentage of
// started jobs that waited at most that long.
void add_cdf(XyChart& chart, const std::string& name, const std::vector<double>& waits,
             std::string_view colour, Mark mark) {
  std::vector<double> x, y;
  for (size_t r : spaced_ranks(waits.size(), kCdfPoints)) {
    x.push_back(waits[r]);
    y.push_back(100.0 * static_cast<double>(r + 1) / static_cast<double>(waits.size()));
  }
  chart.line(
      fmt::format("{} ({} jobs)", name, format_grouped(static_cast<double>(waits.size()), 0)), x, y,
      colour, mark);
}

}  // namespace

std::string queue_section(const RunOutputs& run) {
  const auto mean = number_at(run.summary, "/queue/mean_jobs");
  const auto max = number_at(run.summary, "/queue/max_jobs");
  const std::string about = fmt::format(
      "Jobs waiting for their first start, stacked by tenant (time averages per bucket) and the "
      "highest count within each bucket (dashed), from <code>jobs.csv</code>: a job counts from "
      "its <code>submit_s</code> to its <code>start_s</code>, or to the end if it never started; "
      "rejected jobs never wait. Jobs waiting again after a preemption are not in "
      "<code>jobs.csv</code>; <code>queue.mean_jobs</code> ({}) and <code>queue.max_jobs</code> "
      "({}) in summary.json count them.",
      mean ? format_quantity(*mean) : "–", max ? format_quantity(*max) : "–");
  if (!run.jobs)
    return section_html("queue", "Queue length over time", about, missing_note(kNoJobs));
  if (run.grid.size() == 0) {
    return section_html("queue", "Queue length over time", about,
                        missing_note("The run has no time span: nothing to plot."));
  }
  const JobSeries& jobs = *run.jobs;
  double top = 0;
  for (double v : jobs.queued.peaks()) top = std::max(top, v);
  XyChart chart("queue-length", "Jobs waiting, by tenant", run_time_axis(run),
                linear_axis("jobs waiting", 0, top > 0 ? top : 1));
  const std::vector<double> x = bucket_x(run);
  const Layers layers = top_layers(run.tenants.names(), jobs.queued_by_tenant, run.grid);
  chart.stacked_areas(x, layers.names, layers.values, layers.colours);
  chart.line("all tenants (bucket peak)", x, jobs.queued.peaks(), kInk, Mark::kDashed);
  return section_html("queue", "Queue length over time", about, chart.svg());
}

std::string wait_cdf_section(const RunOutputs& run) {
  const std::string about = fmt::format(
      "For each wait time, the share of started jobs that waited at most that long (from "
      "<code>jobs.csv</code>'s <code>wait_s</code>; each curve at most {} points evenly spaced "
      "by rank). Logarithmic time axis: jobs that waited under a second are drawn at 1 s, so "
      "the curve's height there is the share that started (almost) at once.",
      kCdfPoints);
  if (!run.jobs) return section_html("waits", "Wait times", about, missing_note(kNoJobs));
  const JobSeries& jobs = *run.jobs;
  if (jobs.waits.empty()) {
    return section_html("waits", "Wait times", about,
                        missing_note("No job started in this run: there are no wait times."));
  }
  XyChart chart("wait-cdf", "Wait time distribution per tenant",
                wait_axis("wait before the first start (logarithmic)", jobs.waits.back()),
                linear_axis("started jobs (%)", 0, 100, 6));
  size_t colour = 0;
  for (size_t t = 0; t < jobs.waits_by_tenant.size() && t < run.tenants.size(); ++t) {
    if (jobs.waits_by_tenant[t].empty()) continue;
    // Past the seventh tenant colours repeat: those curves are dashed.
    add_cdf(chart, run.tenants.names()[t], jobs.waits_by_tenant[t], palette_colour(colour),
            colour < kPaletteColours ? Mark::kLine : Mark::kDashed);
    ++colour;
  }
  add_cdf(chart, "all tenants", jobs.waits, kInk, Mark::kDashed);
  return section_html("waits", "Wait times", about, chart.svg());
}

}  // namespace sovsim::sim
