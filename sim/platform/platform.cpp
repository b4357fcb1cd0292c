// sim/platform/platform.cpp — see platform.hpp. Builds zones with explicit routes; link
// bandwidths come from the hardware catalog (NIC per GPU x GPUs per node).
#include "sim/platform/platform.hpp"

#include <fmt/format.h>
#include <simgrid/s4u.hpp>

namespace sg4 = simgrid::s4u;

namespace sovsim::sim {

struct Platform::Impl {
  std::vector<sg4::Host*> hosts;  // by NodeId
  size_t links = 0;
};

namespace {
constexpr double kNicLatency_s = 1e-6;  // host to first switch, order of a microsecond
constexpr double kSiteLatency_s = 5e-6; // a few switch hops inside a datacenter
}  // namespace

Platform::Platform(const Scenario& scenario, const Cluster& cluster,
                   const models::HardwareCatalog& catalog)
    : impl_(std::make_unique<Impl>()) {
  impl_->hosts.resize(cluster.node_count());
  auto* root = sg4::create_full_zone("fleet");
  std::vector<sg4::NetZone*> zones;
  std::vector<simgrid::kernel::routing::NetPoint*> routers;
  std::vector<sg4::Link*> wan_links;
  for (size_t s = 0; s < scenario.sites.size(); ++s) {
    const Site& site = scenario.sites[s];
    auto* zone = sg4::create_star_zone(site.name);
    zone->set_parent(root);
    auto* router = zone->create_router(site.name + "-router");
    // Aggregate uplink of the site: full bisection for now (the fabric issue adds tiers and
    // oversubscription); sized to the sum of its NICs.
    double nic_total = 0;
    int site_node = 0;  // host names number nodes within their site
    for (const Pool& pool : cluster.pools()) {
      if (pool.site != static_cast<int>(s)) continue;
      const models::Hardware* hw = catalog.find(pool.hardware);
      const double node_nic = hw->nic_bw_bytes_per_s * pool.gpus_per_node;
      nic_total += node_nic * pool.node_count;
      for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
        auto* host = zone->create_host(fmt::format("{}-n{}", site.name, site_node++),
                                       hw->bf16_flops * pool.gpus_per_node);
        auto* nic = zone->create_link(fmt::format("{}-nic{}", site.name, n), node_nic)
                        ->set_latency(kNicLatency_s)
                        ->seal();
        zone->add_route(host->get_netpoint(), nullptr, nullptr, nullptr, {sg4::LinkInRoute(nic)},
                        true);
        impl_->hosts[n] = host;
        ++impl_->links;
      }
    }
    auto* uplink = zone->create_link(site.name + "-uplink", std::max(nic_total, 1.0))
                       ->set_latency(kSiteLatency_s)
                       ->seal();
    zone->add_route(router, nullptr, nullptr, nullptr, {sg4::LinkInRoute(uplink)}, true);
    zone->seal();
    wan_links.push_back(root->create_link(site.name + "-wan", site.wan_bw_bytes_per_s)
                            ->set_latency(site.wan_latency_s)
                            ->seal());
    impl_->links += 2;
    zones.push_back(zone);
    routers.push_back(router);
  }
  for (size_t a = 0; a < zones.size(); ++a) {
    for (size_t b = a + 1; b < zones.size(); ++b) {
      root->add_route(zones[a]->get_netpoint(), zones[b]->get_netpoint(), routers[a], routers[b],
                      {sg4::LinkInRoute(wan_links[a]), sg4::LinkInRoute(wan_links[b])}, true);
    }
  }
  root->seal();
}

Platform::~Platform() = default;

size_t Platform::host_count() const { return impl_->hosts.size(); }
size_t Platform::link_count() const { return impl_->links; }

std::vector<std::string> Platform::route(NodeId a, NodeId b) const {
  std::vector<sg4::Link*> links;
  double latency = 0;
  impl_->hosts[a]->route_to(impl_->hosts[b], links, &latency);
  std::vector<std::string> names;
  for (auto* l : links) names.push_back(l->get_name());
  return names;
}

}  // namespace sovsim::sim
