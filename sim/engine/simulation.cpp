// sim/engine/simulation.cpp — see simulation.hpp.
#include "sim/engine/simulation.hpp"

#include <simgrid/s4u/Engine.hpp>
#include <xbt/log.h>

#include <stdexcept>

namespace sg4 = simgrid::s4u;

namespace sovsim::sim {

struct Simulation::EngineHolder {
  std::unique_ptr<sg4::Engine> engine;
};

Simulation::Simulation(const std::vector<Site>& sites, const Cluster& cluster,
                       const models::HardwareCatalog& catalog, const std::string& log_threshold)
    : engine_(std::make_unique<EngineHolder>()),
      topology_(build_topology(sites, cluster, catalog)),
      links_(std::make_unique<SharedLinkSet>(sites, topology_)) {
  if (sg4::Engine::is_initialized()) {
    throw std::logic_error("a SimGrid engine already exists in this process (one run per process)");
  }
  int argc = 1;
  char name[] = "sovsim";
  char* argv[] = {name, nullptr};
  engine_->engine = std::make_unique<sg4::Engine>(&argc, argv);
  // SimGrid's info messages would mix with our stdout: warnings and errors unless asked.
  xbt_log_control_set(("root.thresh:" + log_threshold).c_str());
  sg4::Engine::set_config("network/model:CM02");
  sg4::Engine::set_config("network/crosstraffic:0");
  sg4::Engine::set_config("network/TCP-gamma:1e12");
  platform_ = std::make_unique<Platform>(sites, cluster, catalog, *links_);
}

Simulation::~Simulation() {
  platform_.reset();
  engine_->engine.reset();
}

}  // namespace sovsim::sim
