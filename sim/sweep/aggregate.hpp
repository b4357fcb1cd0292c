// sim/sweep/aggregate.hpp — a sweep's metrics summarised over seeds: for each parameter
// combination, each metric's number of values n, mean and the half-width of its 95% confidence
// interval (Student t with n - 1 degrees of freedom; none for n < 2). Only ok runs count.
// Written as DIR/aggregate.csv and printed by `sovsim sweep-report`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/sweep/run_result.hpp"

namespace sovsim::sim {

struct MetricStats {
  size_t n = 0;
  std::optional<double> mean, ci95;
};

struct CombinationStats {
  Assignments parameters;
  size_t runs = 0, ok = 0, failed = 0;  // planned runs (seeds); results ok / failed
  std::vector<MetricStats> metrics;     // in plan.metrics order
};

std::vector<CombinationStats> aggregate(const SweepPlan& plan,
                                        const std::map<size_t, RunResult>& results);

// The 0.975 quantile of Student's t with `df` >= 1 degrees of freedom.
double student_t_975(size_t df);

// aggregate.csv: the parameter columns, runs, ok, failed, then <metric>_n, <metric>_mean,
// <metric>_ci95 for each metric.
std::string aggregate_csv(const SweepPlan& plan, const std::vector<CombinationStats>& rows);

// "mean ± ci95" ("mean" alone without a CI, "–" without a value), as the tables print it.
std::string mean_ci_text(const MetricStats& m);

// The same as an aligned text table, "mean ± ci95 (n)" per metric.
std::string aggregate_text(const SweepPlan& plan, const std::vector<CombinationStats>& rows);

}  // namespace sovsim::sim
