// sim/cli/compare_command.cpp — see compare_command.hpp. The metrics are one table of (label,
// JSON pointer into summary.json, unit); a metric a run lacks (an older run, a tenant it does not
// have) is shown as "–" and left out of differences.
#include "sim/cli/compare_command.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>

#include "models/common/units.hpp"
#include "sim/cli/exit_codes.hpp"

namespace sovsim::cli {
namespace {

using Json = nlohmann::json;

enum class Unit { kCount, kGpuHours, kFraction, kSeconds, kPlain, kKrw };

struct Metric {
  const char* label;
  const char* pointer;  // into summary.json; "{t}" stands for a tenant's index
  Unit unit;
};

const Metric kFleet[] = {
    {"GPUs", "/total_gpus", Unit::kCount},
    {"capacity GPU-hours", "/capacity/gpu_hours", Unit::kGpuHours},
    {"jobs submitted", "/jobs/submitted", Unit::kCount},
    {"jobs completed", "/jobs/completed", Unit::kCount},
    {"GPU-hours busy", "/gpu_hours", Unit::kGpuHours},
    {"utilisation", "/utilisation", Unit::kFraction},
    {"wait mean", "/wait/mean_s", Unit::kSeconds},
    {"wait p95", "/wait/p95_s", Unit::kSeconds},
    {"goodput", "/goodput_fraction", Unit::kFraction},
    {"GPU-h redone after failures", "/failures/lost_gpu_hours", Unit::kGpuHours},
    {"GPU-h waiting on uplinks", "/network/stretch_gpu_hours", Unit::kGpuHours},
    {"GPU-h checkpointing", "/checkpoint_gpu_hours", Unit::kGpuHours},
    {"GPU-h redone after preemptions", "/preemption_lost_gpu_hours", Unit::kGpuHours},
    {"energy MWh (facility)", "/energy/facility_mwh", Unit::kPlain},
    {"peak MW (facility)", "/energy/peak_mw", Unit::kPlain},
    {"emissions tCO2", "/emissions/tco2", Unit::kPlain},
    {"cost KRW", "/cost/total_krw", Unit::kKrw},
    {"cost per GPU-hour KRW", "/cost/per_gpu_hour_krw", Unit::kPlain},
    {"tokens served", "/tokens/served", Unit::kPlain},
};

const Metric kPerTenant[] = {
    {"wait mean", "/wait/mean_s", Unit::kSeconds},
    {"wait p95", "/wait/p95_s", Unit::kSeconds},
    {"utilisation", "/utilisation", Unit::kFraction},
    {"GPU-hours", "/gpu_hours", Unit::kGpuHours},
    {"goodput", "/goodput_fraction", Unit::kFraction},
    {"owned GPU-hours", "/owned_gpu_hours", Unit::kGpuHours},
    {"cost KRW", "/cost_krw", Unit::kKrw},
    {"SLO attainment", "/slo_attainment", Unit::kFraction},
    {"tokens served", "/tokens_served", Unit::kPlain},
};

std::string format_value(std::optional<double> v, Unit unit) {
  if (!v) return "–";
  switch (unit) {
    case Unit::kCount: return fmt::format("{:.0f}", *v);
    case Unit::kGpuHours: return std::abs(*v) >= 1e6 ? fmt::format("{:.2f} M", *v / 1e6) : fmt::format("{:.0f}", *v);
    case Unit::kFraction: return fmt::format("{:.1f}%", 100 * *v);
    case Unit::kSeconds: return (*v < 0 ? "-" : "") + format_duration(std::abs(*v));
    case Unit::kPlain: return fmt::format("{:.4g}", *v);
    case Unit::kKrw: return std::abs(*v) >= 1e9 ? fmt::format("{:.2f} bn", *v / 1e9) : fmt::format("{:.4g}", *v);
  }
  return "";
}

std::optional<double> lookup(const Json& summary, const std::string& pointer) {
  const Json::json_pointer p(pointer);
  if (!summary.contains(p) || !summary.at(p).is_number()) return std::nullopt;
  return summary.at(p).get<double>();
}

struct Row {
  std::string label;
  Unit unit;
  std::vector<std::optional<double>> values;  // one per run
};

std::vector<Row> collect(const std::vector<Json>& summaries) {
  std::vector<Row> rows;
  for (const Metric& m : kFleet) {
    Row row{m.label, m.unit, {}};
    for (const Json& s : summaries) row.values.push_back(lookup(s, m.pointer));
    rows.push_back(std::move(row));
  }
  // Tenants of the reference run, then any only the others have, matched by name.
  std::vector<std::string> names;
  for (const Json& s : summaries) {
    for (const Json& t : s.value("tenants", Json::array())) {
      const std::string name = t.value("name", "");
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  }
  for (const std::string& name : names) {
    for (const Metric& m : kPerTenant) {
      Row row{fmt::format("{}: {}", name, m.label), m.unit, {}};
      for (const Json& s : summaries) {
        std::optional<double> v;
        for (const Json& t : s.value("tenants", Json::array())) {
          if (t.value("name", "") == name) v = lookup(t, m.pointer);
        }
        row.values.push_back(v);
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::optional<Json> read_summary(const std::string& dir, std::ostream& err) {
  const std::filesystem::path path = std::filesystem::path(dir) / "summary.json";
  std::ifstream in(path);
  if (!in) {
    err << fmt::format("sovsim: error: {}: no summary.json (not the output directory of a run)\n", dir);
    return std::nullopt;
  }
  Json j = Json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    err << fmt::format("sovsim: error: {}: not a valid summary\n", path.string());
    return std::nullopt;
  }
  return j;
}

}  // namespace

void setup_compare_command(CLI::App& app, CompareOptions& options) {
  auto* cmd = app.add_subcommand("compare", "Compare the headline metrics of finished runs");
  cmd->add_option("runs", options.runs, "Output directories of runs; the first is the reference")
      ->required()
      ->expected(2, 64);
  cmd->add_flag("--json", options.json, "Print JSON instead of a table");
}

int run_compare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<Json> summaries;
  for (const std::string& dir : options.runs) {
    auto s = read_summary(dir, err);
    if (!s) return kExitBadInput;
    summaries.push_back(std::move(*s));
  }
  const std::vector<Row> rows = collect(summaries);
  if (options.json) {
    Json metrics = Json::array();
    for (const Row& r : rows) {
      Json values = Json::array(), diffs = Json::array(), ratios = Json::array();
      for (size_t i = 0; i < r.values.size(); ++i) {
        const auto& v = r.values[i];
        const auto& base = r.values[0];
        values.push_back(v ? Json(*v) : Json());
        diffs.push_back(v && base ? Json(*v - *base) : Json());
        ratios.push_back(v && base && *base != 0 ? Json(*v / *base) : Json());
      }
      metrics.push_back({{"metric", r.label}, {"values", values}, {"diff", diffs}, {"ratio", ratios}});
    }
    out << Json{{"runs", options.runs}, {"metrics", metrics}}.dump(2) << "\n";
    return kExitOk;
  }
  out << fmt::format("{:<34}", "metric");
  for (size_t i = 0; i < options.runs.size(); ++i) {
    out << fmt::format(" {:>14}", i == 0 ? "A (reference)" : std::string(1, static_cast<char>('A' + i)));
    if (i > 0) out << fmt::format(" {:>14}", fmt::format("{}-A", static_cast<char>('A' + i)));
  }
  out << "\n";
  for (const Row& r : rows) {
    out << fmt::format("{:<34}", r.label);
    for (size_t i = 0; i < r.values.size(); ++i) {
      out << fmt::format(" {:>14}", format_value(r.values[i], r.unit));
      if (i == 0) continue;
      std::optional<double> diff;
      if (r.values[i] && r.values[0]) diff = *r.values[i] - *r.values[0];
      std::string d = format_value(diff, r.unit);
      if (diff && r.unit == Unit::kFraction) d = fmt::format("{:+.1f} pp", 100 * *diff);
      else if (diff && *diff > 0) d = "+" + d;
      out << fmt::format(" {:>14}", d);
    }
    out << "\n";
  }
  for (size_t i = 0; i < options.runs.size(); ++i) {
    out << fmt::format("{}: {}\n", static_cast<char>('A' + i), options.runs[i]);
  }
  return kExitOk;
}

}  // namespace sovsim::cli
