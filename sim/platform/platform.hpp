// sim/platform/platform.hpp — the SimGrid platform of a scenario: one host per node, one star
// zone per site (each node's NIC link to the site router, the site's uplink, its WAN link), and
// a full zone joining sites. Routing is written by hand (DESIGN.md: create_fatTree_zone is slow
// and single-instance, deep nesting gives wrong routes). This header hides SimGrid: callers see
// node ids and names. The fabric issue refines tiers (leaf/pod/core) on the same seam.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "models/hardware.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

class Platform {
 public:
  // Builds into the running SimGrid engine (one per process). Hardware must be in `catalog`.
  Platform(const Scenario& scenario, const Cluster& cluster,
           const models::HardwareCatalog& catalog);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  size_t host_count() const;
  size_t link_count() const;
  // Names of the links a transfer from node a to node b crosses, in order (for tests/describe).
  std::vector<std::string> route(NodeId a, NodeId b) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sovsim::sim
