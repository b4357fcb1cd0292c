// sim/fabric/fabric_reader.cpp — the `sites[i].fabric` section of the scenario schema (documented
// in docs/scenario.md and docs/fabric.md). Keys, defaults and ranges: sim/scenario/scenario_schema.cpp.
#include "models/common/yaml_reader.hpp"
#include "sim/fabric/fabric.hpp"

namespace sovsim::sim {

Fabric read_fabric(MapReader& site) {
  Fabric f;
  MapReader m = site.map("fabric");  // absent: reads as an empty map, every default kept
  f.nodes_per_leaf = static_cast<int>(m.integer("nodes_per_leaf"));
  f.leaves_per_pod = static_cast<int>(m.integer("leaves_per_pod"));
  f.leaf_uplink_oversubscription = m.number("leaf_uplink_oversubscription");
  f.pod_uplink_oversubscription = m.number("pod_uplink_oversubscription");
  MapReader latency = m.map("link_latency_us");
  f.leaf_latency_s = latency.number("leaf") / 1e6;
  f.pod_latency_s = latency.number("pod") / 1e6;
  f.core_latency_s = latency.number("core") / 1e6;
  latency.finish();
  f.storage_bw_bytes_per_s = m.number("storage_gbps") * 1e9 / 8;
  f.storage_bytes = m.number("storage_pb") * 1e15;
  m.finish();
  return f;
}

}  // namespace sovsim::sim
