// sim/platform/platform.hpp — the SimGrid platform of a scenario: one host per node, one star
// zone per site, and a full zone joining sites over their WAN links. Routing is written by hand
// (DESIGN.md: create_fatTree_zone is slow and single-instance, deep nesting gives wrong routes).
// Every shared link of the fleet (leaf and pod uplinks, WAN, storage: sim/fabric/shared_links.hpp)
// is one SimGrid link with a gateway host whose route to the site's sink crosses exactly that
// link, so the engine's fluid flows put their bytes on the tiers a job's placement crosses.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "models/hardware.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/fabric/shared_links.hpp"
#include "sim/scenario/scenario.hpp"

namespace simgrid::s4u {
class Host;
}

namespace sovsim::sim {

class Platform {
 public:
  // Builds into the running SimGrid engine (one per process). Hardware must be in `catalog`.
  Platform(const std::vector<Site>& sites, const Cluster& cluster, const models::HardwareCatalog& catalog,
           const SharedLinkSet& links);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  size_t host_count() const;  // node hosts (gateways and sinks not counted)
  size_t link_count() const;
  // Names of the links a transfer from node a to node b crosses, in order (for tests/describe).
  std::vector<std::string> route(NodeId a, NodeId b) const;
  // Names of the links a flow on shared link `id` crosses (its own, then its sink's).
  std::vector<std::string> shared_route(int id) const;

  simgrid::s4u::Host* host(NodeId node) const;
  // A flow from gateway(id) to sink(id) crosses shared link `id` and a private link of unlimited
  // bandwidth, nothing else.
  simgrid::s4u::Host* gateway(int shared_link) const;
  simgrid::s4u::Host* sink(int shared_link) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sovsim::sim
