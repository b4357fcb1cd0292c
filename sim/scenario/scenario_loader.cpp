// sim/scenario/scenario_loader.cpp — top level of the scenario schema: name, seed, horizon, sites,
// tenants, scheduler, output. The workload section is in workload_reader.cpp.
#include "sim/scenario/scenario_loader.hpp"

#include <fmt/format.h>

#include <set>

#include "models/common/input_file.hpp"
#include "models/common/yaml_reader.hpp"
#include "sim/scenario/overrides.hpp"
#include "sim/scenario/economics_reader.hpp"
#include "sim/scenario/failure_reader.hpp"
#include "sim/scenario/fleet_reader.hpp"
#include "sim/scenario/limits.hpp"
#include "sim/scenario/scenario_schema.hpp"
#include "sim/scenario/section_readers.hpp"
#include "sim/sched/policy_registry.hpp"

namespace sovsim::sim {

void check_reference(const YamlContext& ctx, const YAML::Node& node, const std::string& key,
                     const std::string& value, const std::vector<std::string>& valid,
                     const char* what) {
  for (const auto& v : valid) {
    if (v == value) return;
  }
  const std::string hint = closest_match(value, valid);
  std::string list;
  for (const auto& v : valid) list += (list.empty() ? "" : ", ") + v;
  ctx.error(node, key,
            hint.empty() ? fmt::format("unknown {} '{}'; expected one of: {}", what, value, list)
                         : fmt::format("unknown {} '{}'; did you mean '{}'?", what, value, hint));
}

namespace {

// Reports a second use of a name within one list (sites, tenants).
void check_unique(const YamlContext& ctx, std::set<std::string>& seen, MapReader& m,
                  const std::string& name, const char* what) {
  if (!name.empty() && !seen.insert(name).second) {
    ctx.error(m.raw("name"), m.key_path("name"), fmt::format("duplicate {} name '{}'", what, name));
  }
}

std::vector<Site> read_sites(MapReader& top, const models::HardwareCatalog& catalog,
                             const std::vector<std::string>& tenant_names) {
  const YamlContext& ctx = top.context();
  std::vector<Site> sites;
  std::set<std::string> seen;
  const auto catalog_names = catalog.names();
  for (auto& [node, path] : top.list("sites", true)) {
    MapReader m(node, path, ctx, top.section_of("sites"));
    Site site;
    site.name = m.string("name");
    check_unique(ctx, seen, m, site.name, "site");
    site.wan_bw_bytes_per_s = m.number("wan_gbps") * 1e9 / 8;
    site.wan_latency_s = m.number("wan_latency_ms") / 1e3;
    site.fabric = read_fabric(m);
    read_site_energy(m, site);
    site.operator_tenant = m.string("operator");
    if (!site.operator_tenant.empty()) {
      check_reference(ctx, m.raw("operator"), m.key_path("operator"), site.operator_tenant,
                      tenant_names, "tenant");
    }
    for (auto& [group_node, group_path] : m.list("nodes", true)) {
      MapReader g(group_node, group_path, ctx, m.section_of("nodes"));
      NodeGroup group;
      group.hardware = g.string("hardware");
      const models::Hardware* hw = catalog.find(group.hardware);
      if (!group.hardware.empty() && !hw) {
        check_reference(ctx, g.raw("hardware"), g.key_path("hardware"), group.hardware,
                        catalog_names, "hardware type");
      }
      if (g.raw("count").IsScalar() && g.raw("count").Scalar() == "trace") {
        group.count_from_trace = true;  // resolved once the trace is read
      } else {
        group.count = g.integer("count");
      }
      group.gpus_per_node = static_cast<int>(g.integer_or("gpus_per_node", hw ? hw->gpus_per_node : 8));
      group.scaleup_domain = hw ? hw->scaleup_domain : 0;
      group.spares = g.integer("spares");
      read_group_sharing(g, group, hw);
      read_group_life(g, group, tenant_names);
      if (!group.count_from_trace && group.spares > group.count) {
        ctx.error(g.raw("spares"), g.key_path("spares"),
                  fmt::format("expected at most count ({}) spare nodes, found {}", group.count,
                              group.spares));
      }
      g.finish();
      site.nodes.push_back(group);
    }
    if (m.has("nodes") && site.nodes.empty() && m.raw("nodes").IsSequence()) {
      ctx.error(m.raw("nodes"), m.key_path("nodes"), "expected at least one node group");
    }
    m.finish();
    sites.push_back(std::move(site));
  }
  if (sites.empty() && top.raw("sites").IsSequence()) {
    ctx.error(top.raw("sites"), "sites", "expected at least one site, found an empty list");
  }
  return sites;
}

std::vector<Tenant> read_tenants(MapReader& top, const std::vector<std::string>& site_names) {
  const YamlContext& ctx = top.context();
  std::vector<Tenant> tenants;
  std::set<std::string> seen;
  double total_share = 0;
  for (auto& [node, path] : top.list("tenants", true)) {
    MapReader m(node, path, ctx, top.section_of("tenants"));
    Tenant t;
    t.name = m.string("name");
    check_unique(ctx, seen, m, t.name, "tenant");
    t.description = m.string("description");
    t.share = m.number("share");
    t.priority = static_cast<int>(m.integer("priority"));
    for (auto& [site_node, site_path] : m.list("sites")) {
      const std::string site = site_node.IsScalar() ? site_node.Scalar() : "";
      check_reference(ctx, site_node, site_path, site, site_names, "site");
      t.sites.push_back(site);
    }
    total_share += t.share;
    m.finish();
    tenants.push_back(std::move(t));
  }
  if (tenants.empty() && top.raw("tenants").IsSequence()) {
    ctx.error(top.raw("tenants"), "tenants", "expected at least one tenant, found an empty list");
  }
  if (total_share > 1 + 1e-9) {
    ctx.error(top.raw("tenants"), "tenants",
              fmt::format("tenant shares add up to {}, expected at most 1", total_share));
  }
  return tenants;
}

// A map whose only key is `workload`: what `sovsim import-trace` writes.
bool looks_like_workload_fragment(const YAML::Node& root) {
  return root.IsMap() && root.size() == 1 && root.begin()->first.IsScalar() &&
         root.begin()->first.Scalar() == "workload";
}

}  // namespace

Result<Scenario> parse_scenario(const std::string& text, const std::string& file_name,
                                const std::vector<std::string>& overrides,
                                const models::Catalogs& catalogs) {
  Diagnostics diagnostics;
  YamlContext ctx{file_name, &diagnostics};
  YAML::Node root = parse_yaml(text, ctx);
  if (!diagnostics.empty()) return diagnostics;
  if (!root.IsDefined() || root.IsNull()) {  // nothing but comments or blank lines
    return Diagnostics{Diagnostic{file_name, 0, 0, "",
                                  "empty scenario (expected a map with name, horizon, sites, "
                                  "tenants and workload; docs/scenario.md)"}};
  }
  if (looks_like_workload_fragment(root)) {
    ctx.error(root, "",
              "this looks like a workload fragment (a lone `workload:` section, as `sovsim "
              "import-trace` writes), not a scenario: paste it into a scenario that declares "
              "name, horizon, sites and the tenants it uses (docs/traces.md)");
    return diagnostics;
  }
  if (!root.IsMap()) {
    ctx.error(root, "", "expected a scenario (a map with name, horizon, sites, tenants, ...), found " +
                            describe_node(root));
    return diagnostics;
  }
  for (const auto& assignment : overrides) apply_override(root, assignment, diagnostics);
  if (!diagnostics.empty()) return diagnostics;

  // The calendar first: every later time key may be a date counted from it.
  const YAML::Node& const_root = root;
  if (const YAML::Node start = const_root["start_date"]; start && start.IsScalar()) {
    ctx.epoch_unix_s = parse_iso_date_unix_s(start.Scalar());
  }
  MapReader top(root, "", ctx, scenario_schema::kTop);
  Scenario s;
  s.file = file_name;
  s.name = top.string("name");
  s.description = top.string("description");
  s.seed = static_cast<uint64_t>(top.integer("seed"));
  if (top.has("start_date")) {
    const std::string text = top.string("start_date");
    if (!ctx.epoch_unix_s) {
      ctx.error(top.raw("start_date"), "start_date",
                fmt::format("expected an ISO date such as 2026-01-01 (UTC, optionally with a time "
                            "such as 2026-01-01T09:00), found '{}'",
                            text));
    }
    s.start_unix_s = ctx.epoch_unix_s;
  }
  s.horizon_s = top.time_s("horizon");
  s.sites = read_sites(top, catalogs.hardware, declared_tenant_names(root));
  s.failures = read_failures(top);
  KnownNames names;
  for (const auto& site : s.sites) names.sites.push_back(site.name);
  s.tenants = read_tenants(top, names.sites);
  for (const auto& t : s.tenants) names.tenants.push_back(t.name);
  names.hardware = catalogs.hardware.names();
  names.models = catalogs.transformers.names();

  s.events = read_events(top, names);
  s.economics = read_economics(top);

  MapReader workload = top.require_map("workload");  // with its schema section
  const std::string dir = std::filesystem::path(file_name).parent_path().string();
  s.workload = read_workload(workload, names, s.horizon_s, dir);
  for (size_t i = 0; i < s.sites.size() && !s.workload.trace; ++i) {
    for (size_t j = 0; j < s.sites[i].nodes.size(); ++j) {
      if (!s.sites[i].nodes[j].count_from_trace) continue;
      const std::string key = fmt::format("sites[{}].nodes[{}].count", i, j);
      ctx.error(root["sites"][i]["nodes"][j]["count"], key,
                "'trace' sizes the group from workload.trace, but the workload has no trace");
    }
  }

  MapReader scheduler = top.map("scheduler");
  s.scheduler.policy = scheduler.choice("policy");
  s.scheduler.placement = scheduler.choice("placement");
  s.scheduler.params = read_policy_params(s.scheduler.policy, scheduler);
  scheduler.finish();

  MapReader engine = top.map("engine");
  s.engine.flow_segment_s = engine.duration_s("flow_segment");
  s.engine.detail = engine.boolean("detail");
  s.engine.detail_iteration_s = engine.duration_s("detail_iteration");
  s.engine.detail_max_steps = static_cast<int>(engine.integer("detail_max_steps"));
  engine.finish();

  MapReader output = top.map("output");
  s.output.dir = output.string("dir");
  s.output.utilisation_csv = output.boolean("utilisation_csv");
  output.finish();
  top.finish();

  if (!diagnostics.empty()) return diagnostics;
  return s;
}

Result<Scenario> load_scenario(const std::filesystem::path& file,
                               const std::vector<std::string>& overrides,
                               const models::Catalogs& catalogs) {
  const auto text = read_input_file(file, "scenario file", kMaxScenarioFileBytes);
  if (!text.ok()) return text.diagnostics();
  return parse_scenario(text.value(), file.string(), overrides, catalogs);
}

}  // namespace sovsim::sim
