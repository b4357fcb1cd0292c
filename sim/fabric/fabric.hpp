// sim/fabric/fabric.hpp — the scale-out network of one site as the scenario describes it: leaf
// and pod (spine) switch sizes, oversubscription per tier, link latencies and shared storage.
// Plain values read by fabric_reader.cpp from `sites[i].fabric`; topology.hpp builds the graph.
#pragma once

#include <cstdint>

namespace sovsim {
class MapReader;
}

namespace sovsim::sim {

// Defaults describe a non-blocking (1:1) three-tier Clos: 32 nodes per leaf, 16 leaves per pod.
struct Fabric {
  int nodes_per_leaf = 32;  // hosts under one leaf (top-of-rack) switch
  int leaves_per_pod = 16;  // leaves under one pod (spine group)
  // Downlink capacity : uplink capacity. 1 = non-blocking; 4 = 4:1, uplinks carry a quarter of
  // what the tier below could send. Cheaper switches, slower cross-leaf/cross-pod collectives.
  double leaf_uplink_oversubscription = 1;
  double pod_uplink_oversubscription = 1;
  double leaf_latency_s = 1e-6;                // node NIC to its leaf
  double pod_latency_s = 2e-6;                 // leaf to its pod spine
  double core_latency_s = 5e-6;                // pod spine to the site core
  double storage_bw_bytes_per_s = 1000e9 / 8;  // shared storage attached to the core: 1 Tb/s
  double storage_bytes = 0;                    // capacity; 0 = not given
};

// Reads the optional `fabric:` map of a site (`site` is the site's reader). Errors (non-positive
// sizes, oversubscription < 1, unknown keys) are recorded with their key path, e.g.
// `sites[0].fabric.nodes_per_leaf`, and the defaults are kept.
Fabric read_fabric(MapReader& site);

}  // namespace sovsim::sim
