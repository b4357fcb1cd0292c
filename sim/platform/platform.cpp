// sim/platform/platform.cpp — see platform.hpp. Builds zones with explicit routes; link
// bandwidths come from the hardware catalog (NIC per GPU x GPUs per node) and the fabric.
#include "sim/platform/platform.hpp"

#include <fmt/format.h>
#include <simgrid/s4u.hpp>

namespace sg4 = simgrid::s4u;

namespace sovsim::sim {

struct Platform::Impl {
  std::vector<sg4::Host*> hosts;     // by NodeId
  std::vector<sg4::Host*> gateways;  // by shared link id
  std::vector<sg4::Host*> sinks;     // by shared link id
  size_t links = 0;
};

namespace {
constexpr double kNicLatency_s = 1e-6;  // host to first switch, order of a microsecond
// The site's switching core itself never limits a flow: its pods' uplinks and WAN link do.
constexpr double kUnlimited_bytes_per_s = 1e18;
}  // namespace

Platform::Platform(const std::vector<Site>& sites, const Cluster& cluster,
                   const models::HardwareCatalog& catalog, const SharedLinkSet& links)
    : impl_(std::make_unique<Impl>()) {
  impl_->hosts.resize(cluster.node_count());
  impl_->gateways.resize(links.count());
  impl_->sinks.resize(links.count());
  auto* root = sg4::create_full_zone("fleet");
  std::vector<sg4::NetZone*> zones;
  std::vector<simgrid::kernel::routing::NetPoint*> routers;
  std::vector<sg4::Link*> wan_links(sites.size());
  std::vector<sg4::NetZone*> site_zone(sites.size());
  for (size_t s = 0; s < sites.size(); ++s) {
    const Site& site = sites[s];
    auto* zone = sg4::create_star_zone(site.name);
    zone->set_parent(root);
    site_zone[s] = zone;
    int site_node = 0;  // host names number nodes within their site
    for (const Pool& pool : cluster.pools()) {
      if (pool.site != static_cast<int>(s)) continue;
      const models::Hardware* hw = catalog.find(pool.hardware);
      const double node_nic = hw->nic_bw_bytes_per_s * pool.physical_gpus_per_node();
      for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
        auto* host = zone->create_host(fmt::format("{}-n{}", site.name, site_node++),
                                       hw->bf16_flops * pool.physical_gpus_per_node());
        auto* nic = zone->create_link(fmt::format("{}-nic{}", site.name, n), node_nic)
                        ->set_latency(kNicLatency_s)
                        ->seal();
        zone->add_route(host->get_netpoint(), nullptr, nullptr, nullptr, {sg4::LinkInRoute(nic)},
                        true);
        impl_->hosts[n] = host;
        ++impl_->links;
      }
    }
    auto* router = zone->create_router(site.name + "-router");
    auto* core = zone->create_link(site.name + "-core", kUnlimited_bytes_per_s)->seal();
    zone->add_route(router, nullptr, nullptr, nullptr, {sg4::LinkInRoute(core)}, true);
    impl_->links += 1;
    zones.push_back(zone);
    routers.push_back(router);
  }
  for (int id = 0; id < links.count(); ++id) {
    const SharedLink& l = links[id];
    sg4::NetZone* zone = site_zone[l.site];
    const std::string name = links.name(id, sites);
    auto* link = zone->create_link(name, std::max(l.bw_bytes_per_s, 1.0))
                     ->set_latency(l.latency_s)
                     ->seal();
    if (l.kind == SharedLinkKind::kWan) wan_links[l.site] = link;
    auto* gateway = zone->create_host(name + "-gw", 1);
    zone->add_route(gateway->get_netpoint(), nullptr, nullptr, nullptr, {sg4::LinkInRoute(link)},
                    true);
    // Each shared link has its own sink behind a private unlimited link: flows on different
    // shared links then share no SimGrid constraint, so the max-min solver only revisits the
    // flows of the link whose set changed (a common sink link would couple them all).
    auto* sink = zone->create_host(name + "-sink", 1);
    auto* loop = zone->create_link(name + "-sink", kUnlimited_bytes_per_s)->seal();
    zone->add_route(sink->get_netpoint(), nullptr, nullptr, nullptr, {sg4::LinkInRoute(loop)}, true);
    impl_->gateways[id] = gateway;
    impl_->sinks[id] = sink;
    impl_->links += 2;
  }
  for (auto* zone : zones) zone->seal();
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
sg4::Host* Platform::host(NodeId node) const { return impl_->hosts[node]; }
sg4::Host* Platform::gateway(int shared_link) const { return impl_->gateways[shared_link]; }
sg4::Host* Platform::sink(int shared_link) const { return impl_->sinks[shared_link]; }

namespace {
std::vector<std::string> route_names(const sg4::Host* a, const sg4::Host* b) {
  std::vector<sg4::Link*> links;
  double latency = 0;
  a->route_to(b, links, &latency);
  std::vector<std::string> names;
  for (auto* l : links) names.push_back(l->get_name());
  return names;
}
}  // namespace

std::vector<std::string> Platform::route(NodeId a, NodeId b) const {
  return route_names(impl_->hosts[a], impl_->hosts[b]);
}

std::vector<std::string> Platform::shared_route(int id) const {
  return route_names(impl_->gateways[id], impl_->sinks[id]);
}

}  // namespace sovsim::sim
