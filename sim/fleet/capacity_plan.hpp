// sim/fleet/capacity_plan.hpp — the fleet's capacity over time, resolved before the run: every
// node group's tranches (its installed base and its deliveries) with their vendor delays drawn
// from the scenario seed, then the `events:` applied in date order to the tranches that have not
// arrived by then (export rules, vendor delays, HBM shortages, substitutions). What comes out is
// a deterministic schedule: when each tranche's nodes enter service, stop taking work (drain) and
// leave (retire), and who owns them. The engine's CapacityManager plays it; summary.json lists
// the tranches and what each event changed. No SimGrid (docs/fleet.md).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "models/hardware.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

struct Tranche {
  int site = 0, group = 0;   // in the planned Scenario::sites
  int pool = 0;              // the Cluster pool of that group (sites in order, groups in order)
  int64_t first_node = 0;    // offset of its first node within the pool
  std::string hardware;
  std::string owner;         // tenant name: the tranche's, else the group's, else the site operator's
  int64_t planned_nodes = 0;   // as the scenario lists it
  int64_t nodes = 0;           // after events (0: cancelled)
  double planned_s = 0;        // its date as listed (0 for the installed base)
  double arrive_s = 0;         // after vendor delays
  double in_service_s = 0;     // arrive_s + burn-in
  double drain_s = std::numeric_limits<double>::infinity();   // takes no new jobs from
  double retire_s = std::numeric_limits<double>::infinity();  // leaves service at
  std::vector<std::string> changed_by;  // names of the events that changed it
  bool installed() const { return planned_s == 0 && arrive_s == 0; }
};

// What one event did, for summary.json.
struct EventOutcome {
  std::string name, type;
  double date_s = 0;
  int tranches = 0;              // tranches it changed
  int64_t gpus_removed = 0;      // from the deliveries still to come
  int64_t gpus_added = 0;        // substitution: devices of the new hardware
  double delay_gpu_days = 0;     // vendor delay: GPUs × days of slip
  std::string to_hardware;       // substitution
  double power_cap_mw = 0;       // power cap
  std::string site;
};

struct CapacityPlan {
  std::vector<Tranche> tranches;      // pool by pool, each pool's in order of entering service
  std::vector<EventOutcome> events;   // in date order
  bool dynamic() const;               // some capacity arrives or leaves after time 0
};

// Resolves the scenario's deliveries and events. Rewrites scenario.sites so that each group's
// `count` is the nodes that will ever exist (cancelled ones are not built), adds a group for each
// hardware a substitution brings to a site, and limits spares to the installed base.
CapacityPlan plan_capacity(Scenario& scenario, const models::HardwareCatalog& catalog);

}  // namespace sovsim::sim
