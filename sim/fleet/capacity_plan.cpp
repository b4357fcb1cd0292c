// sim/fleet/capacity_plan.cpp — see capacity_plan.hpp.
#include "sim/fleet/capacity_plan.hpp"

#include <algorithm>
#include <cmath>

#include "models/common/rng.hpp"

namespace sovsim::sim {
namespace {

// Random streams of the plan, apart from the workload generators' (job_table.cpp) streams.
constexpr uint64_t kDeliveryStream = 0xDE11'0000'0000ULL;
constexpr uint64_t kEventStream = 0xE7E0'0000'0000ULL;

const char* type_name(FleetEvent::Kind kind) {
  switch (kind) {
    case FleetEvent::Kind::kExportRule: return "export_rule";
    case FleetEvent::Kind::kVendorDelay: return "vendor_delay";
    case FleetEvent::Kind::kHbmShortage: return "hbm_shortage";
    case FleetEvent::Kind::kSubstitution: return "substitution";
    case FleetEvent::Kind::kPowerCap: return "power_cap";
  }
  return "";
}

class Planner {
 public:
  Planner(Scenario& scenario, const models::HardwareCatalog& catalog)
      : scenario_(scenario), catalog_(catalog) {}

  CapacityPlan run() {
    list_tranches();
    for (size_t e = 0; e < scenario_.events.size(); ++e) apply(e, scenario_.events[e]);
    lay_out_pools();
    return std::move(plan_);
  }

 private:
  int gpus_per_node(const Tranche& t) const {
    return scenario_.sites[t.site].nodes[t.group].gpus_per_node;
  }

  void list_tranches() {
    for (size_t s = 0; s < scenario_.sites.size(); ++s) {
      const Site& site = scenario_.sites[s];
      for (size_t g = 0; g < site.nodes.size(); ++g) {
        const NodeGroup& group = site.nodes[g];
        const std::string& group_owner = group.owner.empty() ? site.operator_tenant : group.owner;
        Tranche base;
        base.site = static_cast<int>(s);
        base.group = static_cast<int>(g);
        base.hardware = group.hardware;
        base.owner = group_owner;
        base.drain_s = group.retire_s - group.drain_s;
        base.retire_s = group.retire_s;
        int64_t delivered = 0;
        for (const Delivery& d : group.deliveries) delivered += d.count;
        base.planned_nodes = base.nodes = group.count - delivered;
        if (base.nodes > 0 || group.deliveries.empty()) plan_.tranches.push_back(base);
        for (size_t k = 0; k < group.deliveries.size(); ++k) {
          const Delivery& d = group.deliveries[k];
          Rng rng(scenario_.seed, kDeliveryStream + (s << 20) + (g << 10) + k);
          Tranche t = base;
          t.owner = d.owner.empty() ? group_owner : d.owner;
          t.planned_nodes = t.nodes = d.count;
          t.planned_s = d.date_s;
          t.arrive_s = d.date_s + std::max(0.0, d.delay_s.sample(rng));
          t.in_service_s = t.arrive_s + d.burn_in_s;
          plan_.tranches.push_back(std::move(t));
        }
      }
    }
  }

  bool matches(const FleetEvent& e, const Tranche& t) const {
    if (t.nodes == 0 || t.arrive_s <= e.date_s) return false;  // cancelled, or already here
    if (!e.hardware.empty() && t.hardware != e.hardware) return false;
    if (!e.site.empty() && scenario_.sites[t.site].name != e.site) return false;
    if (!e.owner.empty() && t.owner != e.owner) return false;
    if (e.kind == FleetEvent::Kind::kHbmShortage) {
      const models::Hardware* hw = catalog_.find(t.hardware);
      return hw && hw->hbm_generation == models::canonical_memory_generation(e.hbm);
    }
    return true;
  }

  // The group of `hardware` at `site` that substituted tranches join (made if absent).
  int group_for(int site, const std::string& hardware, const NodeGroup& replaced) {
    auto& groups = scenario_.sites[site].nodes;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].hardware == hardware && groups[g].deliveries.empty() && groups[g].count == 0) {
        return static_cast<int>(g);
      }
    }
    const models::Hardware* hw = catalog_.find(hardware);
    NodeGroup added;
    added.hardware = hardware;
    added.gpus_per_node = hw ? hw->gpus_per_node : 8;
    added.scaleup_domain = hw ? hw->scaleup_domain : 0;
    added.owner = replaced.owner;
    added.retire_s = replaced.retire_s;
    added.drain_s = replaced.drain_s;
    groups.push_back(std::move(added));
    return static_cast<int>(groups.size()) - 1;
  }

  void apply(size_t index, const FleetEvent& e) {
    EventOutcome out{e.name, type_name(e.kind), e.date_s};
    out.site = e.site;
    out.power_cap_mw = e.power_cap_mw;
    out.to_hardware = e.to_hardware;
    if (e.kind != FleetEvent::Kind::kPowerCap) {
      for (size_t i = 0; i < plan_.tranches.size(); ++i) {
        Tranche& t = plan_.tranches[i];
        if (!matches(e, t)) continue;
        ++out.tranches;
        t.changed_by.push_back(e.name);
        const int64_t gpus_before = t.nodes * gpus_per_node(t);
        switch (e.kind) {
          case FleetEvent::Kind::kExportRule:
          case FleetEvent::Kind::kHbmShortage:
            t.nodes = static_cast<int64_t>(std::floor(static_cast<double>(t.nodes) * e.keep));
            out.gpus_removed += gpus_before - t.nodes * gpus_per_node(t);
            break;
          case FleetEvent::Kind::kVendorDelay: {
            Rng rng(scenario_.seed, kEventStream + (index << 24) + i);
            const double slip = std::max(0.0, e.delay_s.sample(rng));
            t.arrive_s += slip;
            t.in_service_s += slip;
            out.delay_gpu_days += static_cast<double>(gpus_before) * slip / 86400;
            break;
          }
          case FleetEvent::Kind::kSubstitution: {
            const NodeGroup replaced = scenario_.sites[t.site].nodes[t.group];
            t.group = group_for(t.site, e.to_hardware, replaced);
            t.hardware = e.to_hardware;
            const double devices = static_cast<double>(gpus_before) * e.ratio;
            t.nodes = std::llround(devices / gpus_per_node(t));
            out.gpus_removed += gpus_before;
            out.gpus_added += t.nodes * gpus_per_node(t);
            break;
          }
          case FleetEvent::Kind::kPowerCap: break;
        }
      }
    }
    plan_.events.push_back(std::move(out));
  }

  // Each group's count becomes the nodes its tranches bring; tranches are ordered pool by pool,
  // and within a pool by the date they enter service (so early capacity fills the first leaves).
  void lay_out_pools() {
    std::vector<std::vector<int>> first_pool(scenario_.sites.size());
    int pool = 0;
    for (size_t s = 0; s < scenario_.sites.size(); ++s) {
      for (NodeGroup& group : scenario_.sites[s].nodes) {
        first_pool[s].push_back(pool++);
        group.count = 0;
      }
    }
    for (Tranche& t : plan_.tranches) {
      t.pool = first_pool[t.site][t.group];
      scenario_.sites[t.site].nodes[t.group].count += t.nodes;
    }
    std::stable_sort(plan_.tranches.begin(), plan_.tranches.end(),
                     [](const Tranche& a, const Tranche& b) {
                       return a.pool != b.pool ? a.pool < b.pool : a.in_service_s < b.in_service_s;
                     });
    std::vector<int64_t> next(static_cast<size_t>(pool), 0);
    std::vector<int64_t> installed(static_cast<size_t>(pool), 0);
    for (Tranche& t : plan_.tranches) {
      t.first_node = next[t.pool];
      next[t.pool] += t.nodes;
      if (t.in_service_s == 0 && t.retire_s > 0) installed[t.pool] += t.nodes;
    }
    for (size_t s = 0; s < scenario_.sites.size(); ++s) {
      for (size_t g = 0; g < scenario_.sites[s].nodes.size(); ++g) {
        NodeGroup& group = scenario_.sites[s].nodes[g];
        group.spares = std::min(group.spares, installed[first_pool[s][g]]);
      }
    }
  }

  Scenario& scenario_;
  const models::HardwareCatalog& catalog_;
  CapacityPlan plan_;
};

}  // namespace

bool CapacityPlan::dynamic() const {
  for (const Tranche& t : tranches) {
    if (t.nodes > 0 && (t.in_service_s > 0 || std::isfinite(t.retire_s))) return true;
  }
  return false;
}

CapacityPlan plan_capacity(Scenario& scenario, const models::HardwareCatalog& catalog) {
  return Planner(scenario, catalog).run();
}

}  // namespace sovsim::sim
