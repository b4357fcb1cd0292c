// sim/sweep/aggregate.cpp — see aggregate.hpp.
#include "sim/sweep/aggregate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "sim/output/text_table.hpp"
#include "sim/sweep/results_table.hpp"
#include "sim/trace/csv.hpp"

namespace sovsim::sim {

double student_t_975(size_t df) {
  // df 1..9: the exact quantiles (any statistics table, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
  static constexpr double kSmall[] = {12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818,
                                      2.4469119,  2.3646243, 2.3060041, 2.2621572};
  if (df >= 1 && df <= 9) return kSmall[df - 1];
  // Beyond: the Cornish-Fisher expansion around the normal quantile (Abramowitz & Stegun
  // 26.7.5), within 1e-5 of the exact value from df = 10 on.
  const double z = 1.959963984540054, v = static_cast<double>(df);
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z;
  return z + (z3 + z) / 4 / v + (5 * z5 + 16 * z3 + 3 * z) / 96 / (v * v) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384 / (v * v * v) +
         (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160 / (v * v * v * v);
}

std::vector<CombinationStats> aggregate(const SweepPlan& plan,
                                        const std::map<size_t, RunResult>& results) {
  std::vector<CombinationStats> rows;
  std::vector<std::vector<std::vector<double>>> values;  // combination -> metric -> values
  for (size_t i = 0; i < plan.runs.size(); ++i) {
    const PlannedRun& run = plan.runs[i];
    if (run.combination >= rows.size()) {
      rows.resize(run.combination + 1);
      values.resize(run.combination + 1, std::vector<std::vector<double>>(plan.metrics.size()));
      rows[run.combination].parameters = run.parameters;
    }
    CombinationStats& row = rows[run.combination];
    ++row.runs;
    const auto it = results.find(i);
    if (it == results.end()) continue;
    ++(it->second.ok ? row.ok : row.failed);
    if (!it->second.ok) continue;
    for (size_t m = 0; m < plan.metrics.size(); ++m) {
      if (const auto& v = it->second.metrics[m].second) values[run.combination][m].push_back(*v);
    }
  }
  for (size_t c = 0; c < rows.size(); ++c) {
    for (const auto& v : values[c]) {
      MetricStats s;
      s.n = v.size();
      if (s.n > 0) {
        double sum = 0;
        for (double x : v) sum += x;
        const double mean = sum / static_cast<double>(s.n);
        s.mean = mean;
        if (s.n > 1) {
          double squares = 0;
          for (double x : v) squares += (x - mean) * (x - mean);
          const double sd = std::sqrt(squares / static_cast<double>(s.n - 1));
          s.ci95 = student_t_975(s.n - 1) * sd / std::sqrt(static_cast<double>(s.n));
        }
      }
      rows[c].metrics.push_back(s);
    }
  }
  return rows;
}

std::string aggregate_csv(const SweepPlan& plan, const std::vector<CombinationStats>& rows) {
  std::vector<std::string> header = plan.parameters;
  for (const char* c : {"runs", "ok", "failed"}) header.emplace_back(c);
  for (const auto& [name, path] : plan.metrics) {
    for (const char* suffix : {"_n", "_mean", "_ci95"}) header.push_back(name + suffix);
  }
  std::string out;
  append_csv_row(out, header);
  auto text = [](const std::optional<double>& v) { return v ? number_text(*v) : std::string(); };
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (const auto& [path, value] : row.parameters) cells.push_back(value);
    for (size_t n : {row.runs, row.ok, row.failed}) cells.push_back(std::to_string(n));
    for (const auto& m : row.metrics) {
      cells.push_back(std::to_string(m.n));
      cells.push_back(text(m.mean));
      cells.push_back(text(m.ci95));
    }
    append_csv_row(out, cells);
  }
  return out;
}

std::string mean_ci_text(const MetricStats& m) {
  if (!m.mean) return "–";
  return m.ci95 ? fmt::format("{:.4g} ± {:.2g}", *m.mean, *m.ci95) : fmt::format("{:.4g}", *m.mean);
}

std::string aggregate_text(const SweepPlan& plan, const std::vector<CombinationStats>& rows) {
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header = plan.parameters;
  header.emplace_back("ok/runs");
  for (const auto& [name, path] : plan.metrics) header.push_back(name);
  table.push_back(header);
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (const auto& [path, value] : row.parameters) cells.push_back(value);
    cells.push_back(fmt::format("{}/{}", row.ok, row.runs));
    for (const auto& m : row.metrics) {
      cells.push_back(m.mean ? mean_ci_text(m) + fmt::format(" (n={})", m.n) : mean_ci_text(m));
    }
    table.push_back(cells);
  }
  return aligned_columns(table);
}

}  // namespace sovsim::sim
