// sim/fabric/fabric_reader.cpp — the `sites[i].fabric` section of the scenario schema (documented
// in docs/scenario.md and docs/fabric.md). Every key is optional; see Fabric for the defaults.
#include "models/common/yaml_reader.hpp"
#include "sim/fabric/fabric.hpp"

namespace sovsim::sim {

Fabric read_fabric(MapReader& site) {
  Fabric f;
  MapReader m = site.map("fabric");  // absent: reads as an empty map, every default kept
  f.nodes_per_leaf = static_cast<int>(m.integer("nodes_per_leaf", f.nodes_per_leaf, 1, 1'000'000));
  f.leaves_per_pod = static_cast<int>(m.integer("leaves_per_pod", f.leaves_per_pod, 1, 1'000'000));
  f.leaf_uplink_oversubscription =
      m.number("leaf_uplink_oversubscription", f.leaf_uplink_oversubscription, 1, 1e6);
  f.pod_uplink_oversubscription =
      m.number("pod_uplink_oversubscription", f.pod_uplink_oversubscription, 1, 1e6);
  MapReader latency = m.map("link_latency_us");
  f.leaf_latency_s = latency.number("leaf", f.leaf_latency_s * 1e6, 0, 1e6) / 1e6;
  f.pod_latency_s = latency.number("pod", f.pod_latency_s * 1e6, 0, 1e6) / 1e6;
  f.core_latency_s = latency.number("core", f.core_latency_s * 1e6, 0, 1e6) / 1e6;
  latency.finish();
  f.storage_bw_bytes_per_s =
      m.number("storage_gbps", f.storage_bw_bytes_per_s * 8 / 1e9, 0.001) * 1e9 / 8;
  f.storage_bytes = m.number("storage_pb", f.storage_bytes / 1e15, 0) * 1e15;
  m.finish();
  return f;
}

}  // namespace sovsim::sim
