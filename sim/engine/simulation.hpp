// sim/engine/simulation.hpp — SimGrid's engine and the scenario's platform, configured for a
// datacenter (CM02 network model, no cross-traffic, large TCP gamma, quiet logs; DESIGN.md), and
// the fabric graph and shared links the platform and the controller's flows are built from.
// SimGrid allows ONE engine per process (a second aborts), so a process runs one simulation;
// tests that run the engine do so in a child process.
#pragma once

#include <memory>
#include <string>

#include "models/hardware.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/fabric/shared_links.hpp"
#include "sim/fabric/topology.hpp"
#include "sim/platform/platform.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

class Simulation {
 public:
  // `log_threshold`: the least severe SimGrid log messages shown on stderr ("error",
  // "warning", "info").
  Simulation(const std::vector<Site>& sites, const Cluster& cluster,
             const models::HardwareCatalog& catalog, const std::string& log_threshold = "warning");
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  const Platform& platform() const { return *platform_; }
  const Topology& topology() const { return topology_; }
  const SharedLinkSet& shared_links() const { return *links_; }

 private:
  struct EngineHolder;
  std::unique_ptr<EngineHolder> engine_;
  Topology topology_;
  std::unique_ptr<SharedLinkSet> links_;
  std::unique_ptr<Platform> platform_;
};

}  // namespace sovsim::sim
