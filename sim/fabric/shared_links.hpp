// sim/fabric/shared_links.hpp — the links that running jobs really share (DESIGN.md, the fluid
// model): every leaf uplink, pod uplink, site WAN link and site storage link of the fleet,
// numbered densely, and how much of a job's scale-out traffic its placement puts on each.
// No SimGrid: the platform turns each of these into one SimGrid link (docs/fabric.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/fabric/topology.hpp"

namespace sovsim::sim {

enum class SharedLinkKind : uint8_t { kLeafUplink, kPodUplink, kWan, kStorage };

struct SharedLink {
  SharedLinkKind kind = SharedLinkKind::kLeafUplink;
  int32_t site = 0;
  int32_t index = 0;  // global leaf or pod number; the site for WAN and storage
  double bw_bytes_per_s = 0;
  double latency_s = 0;
};

// Ids: [0, leaves) leaf uplinks, then pod uplinks, then one WAN link per site, then one storage
// link per site.
class SharedLinkSet {
 public:
  SharedLinkSet(const std::vector<Site>& sites, const Topology& topology);

  int leaf_uplink(int leaf) const { return leaf; }
  int pod_uplink(int pod) const { return leaves_ + pod; }
  int wan(int site) const { return leaves_ + pods_ + site; }
  int storage(int site) const { return leaves_ + pods_ + sites_ + site; }
  int count() const { return static_cast<int>(links_.size()); }
  const SharedLink& operator[](int id) const { return links_[id]; }
  std::string name(int id, const std::vector<Site>& sites) const;  // "seoul-leaf3-up", "seoul-wan", ...

 private:
  int leaves_ = 0, pods_ = 0, sites_ = 0;
  std::vector<SharedLink> links_;
};

// Bytes a shared link carries per byte each node of the job sends over its NIC.
struct LinkShare {
  int32_t link = 0;
  double bytes_per_node_byte = 0;
  // The job holds every node under this link (a whole leaf or pod), so no other job can put
  // traffic on it while the job runs (nodes are allocated whole to multi-node jobs): its time is
  // bytes / bandwidth, computed without a SimGrid flow.
  bool exclusive = false;
};

// The shared links a job's scale-out traffic crosses, and how much of it. Assumes the traffic is
// spread uniformly over the job's other nodes (all-to-all, tree and multi-ring collectives do
// this to first order): of the bytes a node sends, the fraction (N - m) / (N - 1) leaves a group
// (leaf, pod or site) holding m of the job's N nodes, so the group's uplink carries
// m (N - m) / (N - 1) node-bytes. A job inside one leaf crosses nothing; a single-node job never
// touches the network. Groups are listed leaf uplinks first, then pods, then WAN links.
std::vector<LinkShare> cross_tier_shares(const Topology& topology, const SharedLinkSet& links,
                                         const Placement& placement);

}  // namespace sovsim::sim
