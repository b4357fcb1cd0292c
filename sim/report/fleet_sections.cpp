// sim/report/fleet_sections.cpp — the sections about the fleet itself, from summary.json: the
// delivery timeline and the events that changed it, power against caps (and over time, from
// power.csv), cost and emissions per tenant. Each is left out ("") when the run has nothing of it.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "sim/report/report_format.hpp"
#include "sim/report/report_sections.hpp"

namespace sovsim::sim {
namespace {

using Json = nlohmann::json;

double value_of(const Json& o, const char* key) {
  return number_at(o, std::string("/") + key).value_or(0);
}

// "2026-02-01" if the run has a calendar, else "day 31.0"; "–" for never.
std::string when(const Json& o, const std::string& key) {
  const std::string date = text_of(o, (key + "_date").c_str());
  if (!date.empty()) return date;
  const auto s = number_at(o, "/" + key + "_s");
  return s ? "day " + format_grouped(*s / kDayS, 1) : "–";
}

// Each site's IT power stacked over the run, the fleet's power at the meter, and power cap
// events; "" without power.csv.
std::string power_over_time_chart(const RunOutputs& run) {
  if (!run.power || run.grid.size() == 0) return "";
  const PowerReportSeries& power = *run.power;
  const std::vector<double> facility = power.facility_mw.means(run.grid);
  double top = 0;
  for (size_t i = 0; i < run.grid.size(); ++i) {
    double stacked = 0;
    for (const BucketedValue& site : power.it_mw_by_site) stacked += site.mean(i, run.grid.width());
    top = std::max({top, stacked, facility[i]});
  }
  XyChart chart("power-over-time", "IT power by site, and the fleet at the meter",
                run_time_axis(run), linear_axis("power (MW)", 0, top > 0 ? top : 1));
  const Layers layers = top_layers(run.sites.names(), power.it_mw_by_site, run.grid);
  chart.stacked_areas(bucket_x(run), layers.names, layers.values, layers.colours);
  chart.line("fleet at the meter (IT × PUE)", bucket_x(run), facility, kInk);
  const TimeUnit unit = time_unit_for(run.end_s);
  for (const auto& e : summary_list(run.summary, "fleet_events")) {
    if (text_of(e, "type") != "power_cap") continue;
    chart.vertical_marker(value_of(e, "date_s") / unit.seconds,
                          fmt::format("{}: {} capped at {} MW", text_of(e, "name"),
                                      text_of(e, "site"),
                                      format_quantity(value_of(e, "power_cap_mw"))));
  }
  return chart.svg();
}

}  // namespace

std::string deliveries_section(const RunOutputs& run) {
  const Json& capacity = run.summary.contains("capacity") ? run.summary["capacity"] : Json();
  const Json& tranches = summary_list(capacity, "tranches");
  const Json& events = summary_list(run.summary, "fleet_events");
  if (tranches.empty()) return "";
  std::vector<std::pair<double, double>> actual, planned;
  std::vector<std::vector<std::string>> rows;
  bool changes = !events.empty();
  double gpus = 0;
  for (const auto& t : tranches) {
    const double nodes = value_of(t, "nodes"), planned_nodes = value_of(t, "planned_nodes");
    const double tranche_gpus = value_of(t, "gpus");
    gpus += tranche_gpus;
    const auto in_service = number_at(t, "/in_service_s");
    const auto planned_s = number_at(t, "/planned_s");
    const auto retire = number_at(t, "/retire_s");
    if (in_service) actual.emplace_back(*in_service, tranche_gpus);
    // planned_gpus: summaries before it had none; then only tranches that kept nodes tell.
    const auto planned_gpus = number_at(t, "/planned_gpus");
    if (planned_s && planned_gpus)
      planned.emplace_back(*planned_s, *planned_gpus);
    else if (planned_s && nodes > 0)
      planned.emplace_back(*planned_s, planned_nodes * tranche_gpus / nodes);
    if (retire)
      actual.emplace_back(*retire, -tranche_gpus), planned.emplace_back(*retire, -tranche_gpus);
    changes = changes || in_service.value_or(0) > 0 || retire || nodes != planned_nodes;
    std::string changed_by;
    for (const auto& e : summary_list(t, "changed_by")) {
      changed_by +=
          (changed_by.empty() ? "" : ", ") + (e.is_string() ? e.get<std::string>() : e.dump());
    }
    rows.push_back({text_of(t, "site"), text_of(t, "hardware"), text_of(t, "owner"),
                    planned_gpus ? format_grouped(*planned_gpus, 0) : "–",
                    format_grouped(tranche_gpus, 0), format_grouped(planned_nodes, 0),
                    format_grouped(nodes, 0), when(t, "planned"), when(t, "in_service"),
                    when(t, "retire"), changed_by});
  }
  const std::string about =
      "GPUs in service as the tranches of <code>capacity.tranches[]</code> entered service and "
      "retired (solid), against their planned dates and sizes (dashed; both subtract "
      "retirements); dotted lines mark <code>fleet_events[]</code> (delays, export rules, "
      "substitutions, power caps).";
  if (!changes) {
    return section_html("deliveries", "Deliveries", about,
                        missing_note(fmt::format(
                            "All {} tranches ({} GPUs) were in service from the start and none "
                            "retired; no fleet event changed them.",
                            tranches.size(), format_grouped(gpus, 0))));
  }
  const TimeUnit unit = time_unit_for(run.end_s);
  std::vector<double> t_actual, v_actual, t_planned, v_planned;
  accumulate_changes(actual, t_actual, v_actual);
  accumulate_changes(planned, t_planned, v_planned);
  for (double& t : t_actual) t /= unit.seconds;
  for (double& t : t_planned) t /= unit.seconds;
  double top = 0;
  for (double v : v_actual) top = std::max(top, v);
  for (double v : v_planned) top = std::max(top, v);
  XyChart chart("deliveries", "GPUs in service: delivered and planned", run_time_axis(run),
                linear_axis("GPUs in service", 0, top > 0 ? top : 1));
  chart.line("planned", t_planned, v_planned, palette_colour(0), Mark::kDashedStep);
  chart.line("delivered", t_actual, v_actual, kInk, Mark::kStep);
  for (const auto& e : events) {
    chart.vertical_marker(value_of(e, "date_s") / unit.seconds,
                          fmt::format("{} ({})", text_of(e, "name"), text_of(e, "type")));
  }
  return section_html("deliveries", "Deliveries and fleet events", about,
                      chart.svg() + table_html({"site", "hardware", "owner", "planned GPUs", "GPUs",
                                                "planned nodes", "nodes", "planned", "in service",
                                                "retired", "changed by"},
                                               rows));
}

std::string power_section(const RunOutputs& run) {
  std::map<std::string, std::vector<BarRow::BarMark>> caps;  // by site
  for (const auto& e : summary_list(run.summary, "fleet_events")) {
    if (text_of(e, "type") != "power_cap") continue;
    caps[text_of(e, "site")].push_back(
        {value_of(e, "power_cap_mw"),
         fmt::format("cap set by {} on {}", text_of(e, "name"), when(e, "date"))});
  }
  BarChart chart("peak-power", "Peak IT power per site, and power caps", "IT power (MW)", "MW",
                 {"peak IT power"});
  double peak = 0;
  for (const auto& s : summary_list(run.summary, "sites")) {
    const std::string name = text_of(s, "name");
    peak = std::max(peak, value_of(s, "peak_it_mw"));
    chart.add_row({name, {value_of(s, "peak_it_mw")}, caps[name]});
  }
  if (!(peak > 0)) return "";
  const std::string about = fmt::format(
      "The highest IT power each site drew (<code>sites[].peak_it_mw</code>) and, as black "
      "ticks, the caps that <code>power_cap</code> events set (<code>fleet_events[]</code>). A "
      "cap written in the scenario itself (<code>sites[].power_cap_mw</code>) is not in "
      "summary.json and is not drawn. Fleet peak at the meter: {} MW "
      "(<code>energy.peak_mw</code>).{}",
      format_quantity(number_at(run.summary, "/energy/peak_mw").value_or(0)),
      run.power ? " Below, from <code>power.csv</code>: each site's IT power over time, stacked "
                  "(time averages per bucket, so the areas are the IT energy), the fleet's power "
                  "at the meter (IT × PUE) as a line, and power cap events as dotted lines."
                : "");
  return section_html("power", "Power", about, chart.svg() + power_over_time_chart(run));
}

std::string cost_section(const RunOutputs& run) {
  const auto total = number_at(run.summary, "/cost/total_krw");
  if (!total || !(*total > 0)) return "";
  BarChart cost("cost-by-tenant", "Cost charged to each tenant", "cost (million KRW)", "M KRW",
                {"capex", "electricity", "opex"});
  BarChart emissions("emissions-by-tenant", "Emissions charged to each tenant", "emissions (tCO₂)",
                     "tCO₂", {"emissions"});
  std::vector<std::pair<std::string, const Json*>> payers;
  for (const auto& t : summary_list(run.summary, "tenants"))
    payers.emplace_back(text_of(t, "name"), &t);
  // Capacity nobody ran on or owns is charged to nobody: a row of its own when it cost anything.
  if (run.summary.contains("unowned") && value_of(run.summary["unowned"], "cost_krw") > 0) {
    payers.emplace_back("unowned capacity nobody ran on", &run.summary["unowned"]);
  }
  for (const auto& [name, o] : payers) {
    cost.add_row({name,
                  {value_of(*o, "capex_krw") / 1e6, value_of(*o, "energy_krw") / 1e6,
                   value_of(*o, "opex_krw") / 1e6},
                  {}});
    emissions.add_row({name, {value_of(*o, "emissions_tco2")}, {}});
  }
  const auto per_hour = number_at(run.summary, "/cost/per_gpu_hour_krw");
  const std::string about = fmt::format(
      "What each tenant was charged over the run (<code>tenants[].cost_krw</code> = capex + "
      "electricity + opex, and <code>emissions_tco2</code>); capacity no tenant ran on or owns "
      "is <code>unowned</code>. Fleet: {} KRW in total, {} KRW per busy GPU-hour, {} MWh at the "
      "meter, {} tCO₂. summary.json holds totals, not time series, so cumulative curves over "
      "time are not drawn.",
      format_quantity(*total), per_hour ? format_quantity(*per_hour) : "–",
      format_quantity(number_at(run.summary, "/energy/facility_mwh").value_or(0)),
      format_quantity(number_at(run.summary, "/emissions/tco2").value_or(0)));
  return section_html("cost", "Cost and emissions", about, cost.svg() + emissions.svg());
}

}  // namespace sovsim::sim
