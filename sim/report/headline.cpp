// sim/report/headline.cpp — see headline.hpp.
#include "sim/report/headline.hpp"

#include <fmt/format.h>

#include "sim/report/report_format.hpp"
#include "sim/report/run_outputs.hpp"

namespace sovsim::sim {

const std::vector<HeadlineRow>& headline_rows() {
  using F = HeadlineFormat;
  static const std::vector<HeadlineRow> rows = {
      {"GPUs in the fleet", "/total_gpus", F::kCount, ""},
      {"GPUs in service, mean", "/capacity/mean_gpus", F::kQuantity, "GPUs"},
      {"Horizon", "/horizon_s", F::kSeconds, ""},
      {"Run ended at", "/end_s", F::kSeconds, ""},
      {"Jobs submitted", "/jobs/submitted", F::kCount, ""},
      {"Jobs completed", "/jobs/completed", F::kCount, ""},
      {"Jobs rejected (could never fit)", "/jobs/rejected", F::kCount, ""},
      {"Jobs running at the end", "/jobs/running_at_end", F::kCount, ""},
      {"Jobs queued at the end", "/jobs/queued_at_end", F::kCount, ""},
      {"GPU utilisation", "/utilisation", F::kPercent, ""},
      {"Busy GPU-hours", "/gpu_hours", F::kQuantity, "GPU-h"},
      {"Wait, mean", "/wait/mean_s", F::kSeconds, ""},
      {"Wait, p95", "/wait/p95_s", F::kSeconds, ""},
      {"Goodput (kept work / busy GPU-hours)", "/goodput_fraction", F::kPercent, ""},
      {"GPU-hours lost to failures", "/failures/lost_gpu_hours", F::kQuantity, "GPU-h"},
      {"Node failures", "/failures/node_failures", F::kCount, ""},
      {"GPU-hours waiting on the fabric (network stretch)", "/network/stretch_gpu_hours",
       F::kQuantity, "GPU-h"},
      {"GPU-hours writing checkpoints", "/checkpoint_gpu_hours", F::kQuantity, "GPU-h"},
      {"Preemptions", "/preemptions", F::kCount, ""},
      {"GPU-hours redone after preemptions", "/preemption_lost_gpu_hours", F::kQuantity, "GPU-h"},
      {"GPU-hours of HBM stretch (shared GPUs)", "/gpu_sharing/hbm_stretch_gpu_hours", F::kQuantity,
       "GPU-h"},
      {"Fairness (Jain's index over use / entitlement)", "/fairness_jain", F::kQuantity, ""},
      {"Energy at the meter", "/energy/facility_mwh", F::kQuantity, "MWh"},
      {"Peak power at the meter", "/energy/peak_mw", F::kQuantity, "MW"},
      {"Emissions", "/emissions/tco2", F::kQuantity, "tCO₂"},
      {"Cost", "/cost/total_krw", F::kQuantity, "KRW"},
      {"Cost per busy GPU-hour", "/cost/per_gpu_hour_krw", F::kQuantity, "KRW"},
  };
  return rows;
}

std::string headline_table(const nlohmann::json& summary) {
  std::string out =
      "<table class=\"headline\">\n<thead><tr><th>figure</th><th class=\"num\">value</th>"
      "<th>summary.json key</th></tr></thead>\n<tbody>\n";
  for (const HeadlineRow& row : headline_rows()) {
    const auto value = number_at(summary, std::string(row.pointer));
    if (!value) continue;
    std::string text;
    switch (row.format) {
      case HeadlineFormat::kCount:
        text = format_grouped(*value, 0);
        break;
      case HeadlineFormat::kPercent:
        text = format_percent(*value);
        break;
      case HeadlineFormat::kSeconds:
        text = format_seconds(*value);
        break;
      case HeadlineFormat::kQuantity:
        text = format_quantity(*value) + (row.unit.empty() ? "" : " ") + std::string(row.unit);
        break;
    }
    std::string key(row.pointer.substr(1));
    for (char& c : key) c = c == '/' ? '.' : c;
    const nlohmann::json::json_pointer pointer{std::string(row.pointer)};
    out += fmt::format(
        "<tr data-key=\"{}\" data-value=\"{}\"><th>{}</th><td class=\"num\">{}</td>"
        "<td><code>{}</code></td></tr>\n",
        row.pointer, escape_html(summary.at(pointer).dump()), escape_html(row.label),
        escape_html(text), key);
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace sovsim::sim
