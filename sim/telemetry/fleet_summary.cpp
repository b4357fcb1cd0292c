// sim/telemetry/fleet_summary.cpp — see fleet_summary.hpp.
#include "sim/telemetry/fleet_summary.hpp"

#include <cmath>
#include <string>

#include "models/common/units.hpp"

namespace sovsim::sim {
namespace {

using Json = nlohmann::ordered_json;

// Seconds (null for never) and, with a calendar, the date beside them.
void put_time(Json& o, const std::string& key, double t_s, std::optional<double> start_unix_s) {
  o[key + "_s"] = std::isfinite(t_s) ? Json(t_s) : Json();
  if (start_unix_s) {
    o[key + "_date"] = std::isfinite(t_s) ? Json(format_iso_date(*start_unix_s + t_s)) : Json();
  }
}

}  // namespace

void add_fleet_plan(Json& summary, const CapacityPlan& plan, const std::vector<Site>& sites,
                    std::optional<double> start_unix_s) {
  Json tranches = Json::array();
  for (const Tranche& t : plan.tranches) {
    const int gpus_per_node = sites[t.site].nodes[t.group].gpus_per_node;
    Json o = {{"site", sites[t.site].name},
              {"hardware", t.hardware},
              {"owner", t.owner.empty() ? Json() : Json(t.owner)},
              {"planned_nodes", t.planned_nodes},
              {"planned_gpus", t.planned_nodes * gpus_per_node},
              {"nodes", t.nodes},
              {"gpus", t.nodes * gpus_per_node}};
    put_time(o, "planned", t.planned_s, start_unix_s);
    put_time(o, "in_service", t.in_service_s, start_unix_s);
    put_time(o, "retire", t.retire_s, start_unix_s);
    o["changed_by"] = t.changed_by;
    tranches.push_back(std::move(o));
  }
  summary["capacity"]["tranches"] = std::move(tranches);

  Json events = Json::array();
  for (const EventOutcome& e : plan.events) {
    Json o = {{"name", e.name}, {"type", e.type}};
    o["date_s"] = e.date_s;
    if (start_unix_s) o["date"] = format_iso_date(*start_unix_s + e.date_s);
    o["tranches_changed"] = e.tranches;
    o["gpus_removed"] = e.gpus_removed;
    o["gpus_added"] = e.gpus_added;
    o["delay_gpu_days"] = e.delay_gpu_days;
    if (!e.to_hardware.empty()) o["to_hardware"] = e.to_hardware;
    if (e.type == "power_cap") o["site"] = e.site, o["power_cap_mw"] = e.power_cap_mw;
    events.push_back(std::move(o));
  }
  summary["fleet_events"] = std::move(events);
}

}  // namespace sovsim::sim
