// sim/scenario/fleet_reader.cpp — see fleet_reader.hpp.
#include "sim/scenario/fleet_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace sovsim::sim {
namespace {

// Reports `name` if it is not empty and not in `valid`.
void check_name(MapReader& m, const char* key, const std::string& name,
                const std::vector<std::string>& valid, const char* what) {
  if (!name.empty()) check_reference(m.context(), m.raw(key), m.key_path(key), name, valid, what);
}

}  // namespace

void read_group_sharing(MapReader& g, NodeGroup& group, const models::Hardware* hw) {
  group.mig = g.string("mig");
  const int shared = static_cast<int>(g.integer("shared"));
  if (!group.mig.empty() && shared > 0) {
    g.context().error(g.raw("shared"), g.key_path("shared"), "expected mig or shared, not both");
  } else if (shared > 0) {
    group.slots_per_gpu = shared;
    group.slot_fraction = 1.0 / shared;
  }
  if (group.mig.empty() || !hw) return;
  const models::MigProfile* profile = hw->mig(group.mig);
  if (!profile) {
    std::vector<std::string> names;
    for (const models::MigProfile& p : hw->mig_profiles) names.push_back(p.name);
    g.context().error(g.raw("mig"), g.key_path("mig"),
                      names.empty() ? fmt::format("{} has no MIG profiles in the catalog", hw->name)
                                    : fmt::format("expected a MIG profile of {}: {}; found '{}'",
                                                  hw->name, fmt::join(names, ", "), group.mig));
    group.mig.clear();
    return;
  }
  group.slots_per_gpu = profile->instances;
  group.slot_fraction = profile->compute_fraction();
  group.isolated = true;
}

std::vector<std::string> declared_tenant_names(const YAML::Node& root) {
  std::vector<std::string> names;
  const YAML::Node& const_root = root;
  const YAML::Node tenants = const_root["tenants"];
  if (!tenants || !tenants.IsSequence()) return names;
  for (const auto& t : tenants) {
    if (t.IsMap() && t["name"] && t["name"].IsScalar()) names.push_back(t["name"].Scalar());
  }
  return names;
}

void read_group_life(MapReader& g, NodeGroup& group, const std::vector<std::string>& tenants) {
  group.owner = g.string("owner");
  check_name(g, "owner", group.owner, tenants, "tenant");
  int64_t delivered = 0;
  for (auto& [node, path] : g.list("deliveries")) {
    MapReader d(node, path, g.context(), g.section_of("deliveries"));
    Delivery delivery;
    delivery.date_s = d.time_s("date");
    delivery.count = d.integer("count");
    delivery.owner = d.string("owner");
    check_name(d, "owner", delivery.owner, tenants, "tenant");
    delivery.delay_s = read_distribution(d, "delay", true, 0, 0, false);
    delivery.burn_in_s = d.duration_s("burn_in");
    d.finish();
    delivered += delivery.count;
    group.deliveries.push_back(std::move(delivery));
  }
  if (!g.has("count") && !group.count_from_trace) {
    if (group.deliveries.empty()) g.required("count");
    group.count = delivered;
  } else if (!group.count_from_trace && group.count < delivered) {
    g.context().error(g.raw("count"), g.key_path("count"),
                      fmt::format("expected at least the {} nodes of the deliveries, found {} (the "
                                  "nodes beyond the tranches are installed at time 0)",
                                  delivered, group.count));
  } else if (group.count_from_trace && !group.deliveries.empty()) {
    g.context().error(g.raw("deliveries"), g.key_path("deliveries"),
                      "a group sized from the trace (`count: trace`) cannot have deliveries");
  }
  group.retire_s = g.time_s_or("retire", std::numeric_limits<double>::infinity());
  group.drain_s = g.duration_s("drain");
}

std::vector<FleetEvent> read_events(MapReader& top, const KnownNames& names) {
  using Kind = FleetEvent::Kind;
  std::vector<FleetEvent> events;
  for (auto& [node, path] : top.list("events")) {
    MapReader m(node, path, top.context(), top.section_of("events"));
    FleetEvent e;
    const std::string type = m.choice("type");
    e.kind = type == "vendor_delay"   ? Kind::kVendorDelay
             : type == "hbm_shortage" ? Kind::kHbmShortage
             : type == "substitution" ? Kind::kSubstitution
             : type == "power_cap"    ? Kind::kPowerCap
                                      : Kind::kExportRule;
    e.date_s = m.time_s("date");
    e.name = m.string("name");
    if (e.name.empty()) e.name = fmt::format("{}@{}", type, m.node()["date"] ? m.node()["date"].Scalar() : "0");
    e.hardware = m.string("hardware");
    check_name(m, "hardware", e.hardware, names.hardware, "hardware type");
    e.site = m.string("site");
    check_name(m, "site", e.site, names.sites, "site");
    e.owner = m.string("owner");
    check_name(m, "owner", e.owner, names.tenants, "tenant");
    e.keep = m.number("keep");
    e.delay_s = read_distribution(m, "delay", true, 0, 0, e.kind == Kind::kVendorDelay);
    e.hbm = m.string("hbm");
    e.to_hardware = m.string("to");
    check_name(m, "to", e.to_hardware, names.hardware, "hardware type");
    e.ratio = m.number("ratio");
    e.power_cap_mw = m.number("mw");
    if (e.kind == Kind::kHbmShortage) {
      m.required("hbm");
      if (!e.hbm.empty() && models::canonical_memory_generation(e.hbm).empty()) {
        std::vector<std::string> known(std::begin(models::kMemoryGenerations),
                                       std::end(models::kMemoryGenerations));
        check_name(m, "hbm", e.hbm, known, "memory generation");
      }
    }
    if (e.kind == Kind::kSubstitution) m.required("hardware"), m.required("to");
    if (e.kind == Kind::kPowerCap) m.required("site"), m.required("mw");
    m.finish();
    events.push_back(std::move(e));
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const FleetEvent& a, const FleetEvent& b) { return a.date_s < b.date_s; });
  return events;
}

}  // namespace sovsim::sim
