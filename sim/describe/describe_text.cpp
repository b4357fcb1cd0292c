// sim/describe/describe_text.cpp — see describe_text.hpp.
#include "sim/describe/describe_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>

#include "models/common/units.hpp"
#include "sim/output/text_table.hpp"

namespace sovsim::sim {

namespace {

using Json = nlohmann::ordered_json;

// A header row, then rows of cells; numbers right-aligned; indented by two spaces.
class TextTable {
 public:
  TextTable(std::vector<std::string> headers, std::vector<bool> right)
      : rows_{std::move(headers)}, right_(std::move(right)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void print(std::ostream& out) const { out << aligned_columns(rows_, right_, 2); }

 private:
  std::vector<std::vector<std::string>> rows_;
  std::vector<bool> right_;
};

// 1234567 -> "1,234,567"; rounded to an integer.
std::string group_digits(double value) {
  const auto n = static_cast<long long>(std::llround(std::abs(value)));
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return (value < 0 && n != 0 ? "-" : "") + digits;
}

// Three significant digits below 100 ("13.3", "0.25"), else grouped digits ("26,880").
std::string short_number(double value) {
  return std::abs(value) < 100 ? fmt::format("{:.3g}", value) : group_digits(value);
}

std::string text(const Json& v) {
  if (v.is_null()) return "-";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return short_number(v.get<double>());
  std::string joined;
  for (const Json& item : v) joined += (joined.empty() ? "" : ", ") + text(item);
  return joined.empty() ? "-" : joined;
}

std::string str(const Json& v) { return v.get<std::string>(); }
double num(const Json& v) { return v.get<double>(); }
std::string dash_if_empty(const std::string& s) { return s.empty() ? "-" : s; }

void print_fleet(std::ostream& out, const Json& fleet) {
  out << "\nsites and GPUs:\n";
  TextTable sites({"site", "hardware", "nodes", "GPUs/node", "GPUs", "nodes/NVLink", "spares", "owner"},
                  {false, false, true, true, true, true, true, false});
  for (const Json& site : fleet["sites"]) {
    for (const Json& g : site["groups"]) {
      std::string hw = g["hardware"].get<std::string>();
      if (!g["partition"].is_null()) {
        hw += fmt::format(" {} ({} slots/GPU)", g["partition"].get<std::string>(), g["slots_per_gpu"].get<int>());
      }
      sites.add({str(site["name"]), hw, group_digits(num(g["nodes"])), text(g["gpus_per_node"]),
                 group_digits(num(g["gpus"])), text(g["nvlink_domain_nodes"]), text(g["spares"]),
                 dash_if_empty(str(g["owner"]))});
    }
  }
  sites.print(out);
  std::string by_hw;
  for (const Json& h : fleet["hardware"]) {
    by_hw += fmt::format("{}{} {}", by_hw.empty() ? "" : ", ", h["hardware"].get<std::string>(),
                         group_digits(num(h["gpus"])));
  }
  out << fmt::format("  GPUs by hardware: {} ({} in all; {} GPU-hours in service over the horizon)\n",
                     by_hw, group_digits(num(fleet["gpus"])), group_digits(num(fleet["capacity_gpu_hours"])));
  if (fleet["in_service"].is_null()) return;
  out << "\nGPUs in service (deliveries, retirements and events; docs/fleet.md):\n";
  std::vector<std::string> headers{"from"};
  for (const Json& h : fleet["hardware"]) headers.push_back(str(h["hardware"]));
  headers.push_back("total");
  TextTable rows(headers, std::vector<bool>(headers.size(), true));
  for (const Json& r : fleet["in_service"]) {
    std::vector<std::string> row{r.contains("date") ? r["date"].get<std::string>()
                                                    : "t=" + format_duration(num(r["time_s"]))};
    for (const Json& h : fleet["hardware"]) row.push_back(group_digits(num(r["gpus_by_hardware"][str(h["hardware"])])));
    row.push_back(group_digits(num(r["gpus"])));
    rows.add(std::move(row));
  }
  rows.print(out);
}

void print_tenants(std::ostream& out, const Json& tenants) {
  out << "\ntenants:\n";
  TextTable table({"tenant", "share", "priority", "may use", "owns GPUs"}, {false, true, true, false, false});
  for (const Json& t : tenants) {
    std::string owns;
    for (const Json& o : t["owns"]) {
      owns += fmt::format("{}{} {} at {}", owns.empty() ? "" : ", ", group_digits(num(o["gpus"])),
                          o["hardware"].get<std::string>(), o["site"].get<std::string>());
    }
    table.add({str(t["name"]), text(t["share"]), text(t["priority"]), text(t["sites"]), dash_if_empty(owns)});
  }
  table.print(out);
}

void print_workload(std::ostream& out, const Json& w, const Json& scenario) {
  out << fmt::format(
      "\nworkload over {} (expected: from each generator's rate and distributions; drawn: the jobs "
      "`sovsim run` simulates, seed {}):\n",
      format_duration(num(scenario["horizon_s"])), scenario["seed"].get<uint64_t>());
  TextTable table({"source", "rate/h", "mean GPUs", "mean duration", "expected jobs", "expected GPU-h",
                   "drawn jobs", "drawn GPU-h"},
                  {false, true, true, true, true, true, true, true});
  auto drawn = [](const Json& tally) {
    return std::pair{group_digits(num(tally["jobs"])), group_digits(num(tally["gpu_hours"]))};
  };
  if (w["explicit"]["listed"].get<int64_t>() > 0) {
    const auto [jobs, hours] = drawn(w["explicit"]);
    table.add({"explicit jobs", "-", "-", "-", "-", "-", jobs, hours});
  }
  for (const Json& g : w["generators"]) {
    const auto [jobs, hours] = drawn(g["drawn"]);
    std::string label = fmt::format("{} {}", g["tenant"].get<std::string>(), g["kind"].get<std::string>());
    if (!g["model"].is_null()) label += " (" + g["model"].get<std::string>() + ")";
    table.add({label, text(g["rate_per_hour"]), text(g["mean_gpus"]),
               g["mean_duration_s"].is_null() ? "model" : format_duration(num(g["mean_duration_s"])),
               text(g["expected_jobs"]),
               g["expected_gpu_hours"].is_null() ? "-" : group_digits(num(g["expected_gpu_hours"])), jobs,
               hours});
  }
  if (!w["trace"].is_null()) {
    const Json& t = w["trace"];
    const auto [jobs, hours] = drawn(t["within_horizon"]);
    table.add({fmt::format("trace {} ({})", std::filesystem::path(t["path"].get<std::string>()).filename().string(),
                           t["format"].get<std::string>()),
               "-", "-", "-", "-", "-", jobs, hours});
  }
  if (w["replica_jobs"]["jobs"].get<int64_t>() > 0) {
    const auto [jobs, hours] = drawn(w["replica_jobs"]);
    table.add({"living-service replicas", "-", "-", "-", "-", "-", jobs, hours});
  }
  const auto [jobs, hours] = drawn(w["total"]);
  table.add({"total", "", "", "", "", "", jobs, hours});
  table.print(out);
  if (!w["trace"].is_null()) {
    const Json& t = w["trace"];
    out << fmt::format("  trace {}: {} jobs imported, {} records skipped\n", t["path"].get<std::string>(),
                       group_digits(num(t["imported"])), group_digits(num(t["skipped"])));
    for (const Json& note : t["notes"]) out << "    " << note.get<std::string>() << "\n";
  }
  for (const auto& [kind, how] : {std::pair{"train", "run time from the training model on the fastest hardware each may use"},
                                  std::pair{"serve", "GPUs sized by the serving model"}}) {
    const Json& m = w[kind];
    if (m["jobs"].get<int64_t>() == 0) continue;
    out << fmt::format("  {} of these are model-defined `{}:` jobs ({}): {} GPU-hours, {}\n",
                       group_digits(num(m["jobs"])), kind, text(m["models"]),
                       group_digits(num(m["gpu_hours"])), how);
  }
  if (!w["services"].empty()) {
    out << "  living services (serve: with autoscale; docs/serving.md):\n";
    TextTable services({"id", "tenant", "model", "hardware", "GPUs/replica", "peak replicas", "replica jobs", "life"},
                       {true, false, false, false, true, true, true, false});
    for (const Json& s : w["services"]) {
      services.add({text(s["id"]), str(s["tenant"]), str(s["model"]), str(s["hardware"]), text(s["gpus_per_replica"]),
                    text(s["peak_replicas"]), text(s["replica_jobs"]),
                    format_duration(num(s["begin_s"])) + " to " + format_duration(num(s["end_s"]))});
    }
    services.print(out);
  }
  const Json& total = w["total"];
  if (!total["offered_load"].is_null()) {
    out << fmt::format("  offered load: {:.1f}% of the GPU-hours in service (undisturbed run times)\n",
                       100 * total["offered_load"].get<double>());
  }
  if (total["beyond_horizon"].get<int64_t>() > 0) {
    out << fmt::format("  {} jobs submitted at or after the horizon are not simulated\n",
                       group_digits(num(total["beyond_horizon"])));
  }
}

}  // namespace

void print_description(std::ostream& out, const Json& d) {
  const Json& s = d["scenario"];
  const Json& fleet = d["fleet"];
  out << fmt::format("scenario '{}': {} sites, {} nodes, {} GPUs\n", s["name"].get<std::string>(),
                     fleet["sites"].size(), fleet["nodes"].get<int64_t>(), fleet["gpus"].get<int64_t>());
  if (!s["description"].get<std::string>().empty()) out << "  " << s["description"].get<std::string>() << "\n";
  out << fmt::format("  horizon {}, seed {}{}\n", format_duration(num(s["horizon_s"])), s["seed"].get<uint64_t>(),
                     s.contains("start_date") ? ", from " + s["start_date"].get<std::string>() : "");
  print_fleet(out, fleet);
  print_tenants(out, d["tenants"]);
  print_workload(out, d["workload"], s);
}

}  // namespace sovsim::sim
