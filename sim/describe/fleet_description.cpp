// sim/describe/fleet_description.cpp — see fleet_description.hpp.
#include "sim/describe/fleet_description.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "models/common/units.hpp"

namespace sovsim::sim {

namespace {

using Json = nlohmann::ordered_json;

// "B200", or "A100 mig-1g.10gb" for a partitioned group: GPU types as outputs name them.
std::string hardware_name(const Pool& pool) {
  return pool.partition.empty() ? pool.hardware : pool.hardware + " " + pool.partition;
}

int64_t tranche_gpus(const PreparedWorkload& p, const Tranche& t) {
  return t.nodes * p.cluster.pools()[t.pool].physical_gpus_per_node();
}

// The (time, hardware, GPUs) steps of capacity in service within the horizon.
std::vector<std::tuple<double, std::string, int64_t>> service_steps(const PreparedWorkload& p) {
  std::vector<std::tuple<double, std::string, int64_t>> steps;
  for (const Tranche& t : p.capacity.tranches) {
    const int64_t gpus = tranche_gpus(p, t);
    if (gpus == 0 || t.in_service_s >= t.retire_s) continue;  // never in service
    const std::string hw = hardware_name(p.cluster.pools()[t.pool]);
    if (t.in_service_s < p.scenario.horizon_s) steps.emplace_back(t.in_service_s, hw, gpus);
    if (t.retire_s < p.scenario.horizon_s) steps.emplace_back(t.retire_s, hw, -gpus);
  }
  std::sort(steps.begin(), steps.end());
  return steps;
}

Json in_service_over_time(const PreparedWorkload& p, const std::vector<std::string>& hardware) {
  std::map<std::string, int64_t> now;
  for (const std::string& hw : hardware) now[hw] = 0;
  Json rows = Json::array();
  const auto steps = service_steps(p);
  for (size_t i = 0; i < steps.size(); ++i) {
    const auto& [t, hw, gpus] = steps[i];
    now[hw] += gpus;
    if (i + 1 < steps.size() && std::get<0>(steps[i + 1]) == t) continue;  // one row per date
    Json row = {{"time_s", t}};
    if (p.scenario.start_unix_s) row["date"] = format_iso_date(*p.scenario.start_unix_s + t);
    Json by_hw = Json::object();
    int64_t total = 0;
    for (const std::string& h : hardware) by_hw[h] = now[h], total += now[h];
    row["gpus_by_hardware"] = std::move(by_hw);
    row["gpus"] = total;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

Json describe_fleet(const PreparedWorkload& p) {
  const Scenario& s = p.scenario;
  const std::vector<Pool>& pools = p.cluster.pools();
  Json sites = Json::array();
  std::vector<std::string> hardware;  // in order of first appearance
  std::map<std::string, int64_t> gpus_by_hw;
  size_t i = 0;  // the cluster has one pool per node group, sites in order, groups in order
  for (size_t site = 0; site < s.sites.size(); ++site) {
    Json groups = Json::array();
    int64_t site_gpus = 0;
    for (const NodeGroup& group : s.sites[site].nodes) {
      const Pool& pool = pools[i++];
      const std::string hw = hardware_name(pool);
      if (!gpus_by_hw.count(hw)) hardware.push_back(hw);
      gpus_by_hw[hw] += pool.total_gpus();
      site_gpus += pool.total_gpus();
      groups.push_back({{"hardware", pool.hardware},
                        {"partition", pool.partition.empty() ? Json() : Json(pool.partition)},
                        {"slots_per_gpu", pool.slots_per_gpu},
                        {"nodes", pool.node_count},
                        {"gpus_per_node", pool.physical_gpus_per_node()},
                        {"gpus", pool.total_gpus()},
                        {"nvlink_domain_nodes", pool.nodes_per_domain},
                        {"spares", pool.spares},
                        {"owner", group.owner.empty() ? s.sites[site].operator_tenant : group.owner}});
    }
    sites.push_back({{"name", s.sites[site].name},
                     {"operator", s.sites[site].operator_tenant},
                     {"gpus", site_gpus},
                     {"groups", std::move(groups)}});
  }
  Json by_hw = Json::array();
  for (const std::string& hw : hardware) by_hw.push_back({{"hardware", hw}, {"gpus", gpus_by_hw[hw]}});
  double capacity_gpu_s = 0;
  for (const Tranche& t : p.capacity.tranches) {
    const double from = std::min(t.in_service_s, s.horizon_s), to = std::min(t.retire_s, s.horizon_s);
    capacity_gpu_s += static_cast<double>(tranche_gpus(p, t)) * std::max(0.0, to - from);
  }
  return {{"nodes", p.cluster.node_count()},
          {"gpus", p.cluster.total_gpus()},
          {"sites", std::move(sites)},
          {"hardware", std::move(by_hw)},
          {"in_service", p.capacity.dynamic() ? in_service_over_time(p, hardware) : Json()},
          {"capacity_gpu_hours", capacity_gpu_s / 3600}};
}

Json describe_tenants(const PreparedWorkload& p) {
  Json tenants = Json::array();
  for (const Tenant& t : p.scenario.tenants) {
    std::map<std::pair<std::string, std::string>, int64_t> owns;  // (site, hardware) -> GPUs
    int64_t owned = 0;
    for (const Tranche& tr : p.capacity.tranches) {
      if (tr.owner != t.name) continue;
      const Pool& pool = p.cluster.pools()[tr.pool];
      owns[{pool.site_name, hardware_name(pool)}] += tranche_gpus(p, tr);
      owned += tranche_gpus(p, tr);
    }
    Json owns_json = Json::array();
    for (const auto& [key, gpus] : owns) {
      if (gpus > 0) owns_json.push_back({{"site", key.first}, {"hardware", key.second}, {"gpus", gpus}});
    }
    tenants.push_back({{"name", t.name},
                       {"description", t.description},
                       {"share", t.share},
                       {"priority", t.priority},
                       {"sites", t.sites.empty() ? Json("all") : Json(t.sites)},
                       {"owned_gpus", owned},
                       {"owns", std::move(owns_json)}});
  }
  return tenants;
}

}  // namespace sovsim::sim
