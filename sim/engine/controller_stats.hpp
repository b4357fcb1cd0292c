// sim/engine/controller_stats.hpp — what the controller counts while it runs: events, policy
// calls and their wall time, queue length and fragmentation integrals, flows and failures.
// Read by the summary (sim/telemetry/run_metrics.cpp) and perf.json. What jobs held, lost and
// spent is not here: the ledger (sim/telemetry/ledger.hpp) counts it, once.
#pragma once

#include <array>
#include <cstdint>

namespace sovsim::sim {

struct ControllerStats {
  uint64_t events = 0;          // job arrivals, phase ends, preemptions, failures, repairs
  uint64_t preemptions = 0;
  uint64_t completed = 0;       // jobs that completed
  uint64_t instants = 0;        // distinct event dates (timer wake-ups)
  uint64_t policy_calls = 0;
  double policy_wall_s = 0;     // wall time spent inside the policy (not deterministic)
  double policy_max_wall_s = 0;
  double last_event_s = 0;      // date of the last handled event
  // Queue length as a step function, sampled after the policy at each instant.
  double queue_job_s = 0;       // integral of the queue length up to last_event_s
  uint64_t queue_length = 0;    // queue length after the last instant
  uint64_t queue_max = 0;
  double fragmentation_s = 0;   // integral of Cluster::fragmentation() up to last_event_s
  double fragmentation = 0;     // after the last instant
  // Fluid network.
  uint64_t segments = 0;        // job segments completed
  uint64_t flows = 0;           // SimGrid flows started (shared-tier traffic, checkpoints)
  std::array<uint64_t, 4> flows_by_kind{};  // leaf uplink, pod uplink, WAN, storage
  uint64_t max_live_flows = 0;
  // Failures.
  uint64_t node_failures = 0;    // node events (a domain failure counts its nodes)
  uint64_t domain_failures = 0;
  double down_node_s = 0;         // node-seconds spent down (up to last_event_s)
  uint64_t nodes_down = 0;        // after the last instant
  uint64_t spare_swaps = 0;       // failed nodes replaced at once by a hot spare

  // Time-averaged fragmentation over [0, end_s].
  double mean_fragmentation(double end_s) const {
    return end_s > 0 ? (fragmentation_s + fragmentation * (end_s - last_event_s)) / end_s : 0.0;
  }
  // Time-averaged queue length over [0, end_s] (end_s >= last_event_s).
  double mean_queue_length(double end_s) const {
    return end_s > 0 ? (queue_job_s + static_cast<double>(queue_length) * (end_s - last_event_s)) / end_s
                     : 0.0;
  }
};

}  // namespace sovsim::sim
