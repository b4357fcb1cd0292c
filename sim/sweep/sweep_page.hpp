// sim/sweep/sweep_page.hpp — DIR/report.html of a sweep: the aggregate over seeds as a table
// (mean ± 95% CI per metric and parameter combination) and, per metric, its tornado as a bar
// chart (each parameter's swing, widest first, against a line at the seed noise). Same style
// and guarantees as a run's report.html (sim/report/): one self-contained page, inline SVG, no
// script, deterministic. Rebuilt with the sweep's other tables.
#pragma once

#include <string>
#include <vector>

#include "sim/sweep/aggregate.hpp"
#include "sim/sweep/tornado.hpp"

namespace sovsim::sim {

std::string sweep_report_html(const SweepPlan& plan, const std::vector<CombinationStats>& rows,
                              const std::vector<MetricTornado>& tornados);

}  // namespace sovsim::sim
