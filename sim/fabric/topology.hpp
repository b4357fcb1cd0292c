// sim/fabric/topology.hpp — the fleet's network as a graph (Boost.Graph adjacency_list): nodes,
// NVLink domains, leaves, pods, site cores, storage and the WAN backbone, with per-link bandwidth
// and latency aggregated per tier. Answers "which tier does traffic between these nodes cross?"
// in O(1) per pair. No SimGrid: the engine will map the shared tiers to flows (docs/fabric.md).
#pragma once

#include <array>
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "models/hardware.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/scenario/scenario.hpp"

namespace sovsim::sim {

// Tiers in the order traffic climbs them; tier_crossed() returns these values.
enum Tier : int {
  kTierNode = 0,    // same node: no network
  kTierDomain = 1,  // same NVLink (scale-up) domain
  kTierLeaf = 2,    // same leaf switch: node NICs only
  kTierPod = 3,     // same pod: crosses leaf uplinks
  kTierSite = 4,    // same site: crosses pod uplinks to the core
  kTierWan = 5,     // other site: crosses the WAN links of both sites
};
constexpr int kTierCount = 6;
const char* tier_name(int tier);

enum class VertexKind : uint8_t { kNode, kDomain, kLeaf, kPod, kCore, kStorage, kBackbone };

struct TopoVertex {
  VertexKind kind = VertexKind::kNode;
  int32_t site = -1;  // -1 for the backbone
  int32_t index = 0;  // number within its site and kind (node k of the site, leaf k, ...)
  int32_t nodes = 0;  // hosts below it (1 for a node)
};

// An edge joins a vertex to its parent; `tier` is the tier of the vertex below (kTierNode for a
// NIC, kTierDomain for an NVLink attachment, kTierLeaf for a leaf uplink, ...), -1 for storage.
struct TopoEdge {
  double bw_bytes_per_s = 0;  // per direction
  double latency_s = 0;
  int32_t site = 0;  // site of the lower vertex
  int8_t tier = 0;
};

// vecS everywhere: the graph is built once and never edited, so vectors are the compact choice.
using TopoGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, TopoVertex,
                                        TopoEdge, boost::no_property, boost::vecS>;

// The elements of one tier and the links that join them to the tier above.
struct TierSize {
  int64_t count = 0;                 // vertices of this tier (nodes, domains, leaves, ...)
  int64_t links = 0;                 // their uplinks (NIC, NVLink attachment, leaf uplink, ...)
  double link_min_bytes_per_s = 0;   // slowest single uplink
  double link_max_bytes_per_s = 0;   // fastest single uplink
  double aggregate_bytes_per_s = 0;  // sum of the uplinks
  double downlink_bytes_per_s = 0;   // sum of the links that come up into this tier from below
  // Downlink : uplink capacity (0 when there are no uplinks or no downlinks).
  double oversubscription() const;
};

struct TierCounts {
  std::array<TierSize, kTierCount> tiers;  // indexed by Tier
  TierSize storage;                        // one "element" per site, its link to the core
};

// "400 Gb/s", "3.2 Tb/s": a bandwidth in bits per second with an SI prefix.
std::string format_bits_per_s(double bytes_per_s);

class Topology {
 public:
  const TopoGraph& graph() const { return graph_; }
  size_t site_count() const { return site_names_.size(); }

  // 0 same node, 1 same NVLink domain, 2 same leaf, 3 same pod, 4 same site, 5 other site.
  int tier_crossed(NodeId a, NodeId b) const;
  // The highest tier a job's nodes span (0 for a single-node or empty placement): the shared
  // links its collectives cross.
  int highest_tier(const Placement& placement) const;

  // Counts and bandwidth per tier, for the whole fleet (site = -1) or one site (without the
  // backbone, which belongs to no site).
  TierCounts sizes(int site = -1) const;

  // Graphviz DOT (undirected). With more than `max_nodes` hosts, hosts and NVLink domains are
  // left out and each leaf is one box labelled with its host count.
  void write_dot(std::ostream& out, int max_nodes = 1000) const;

  // Name of a vertex as it appears in DOT output, e.g. "seoul-leaf3".
  std::string vertex_name(size_t vertex) const;

  // Per-node lookups (by NodeId).
  int leaf_of(NodeId node) const { return node_leaf_[node]; }  // global leaf number
  int pod_of(NodeId node) const { return leaf_pod_[node_leaf_[node]]; }
  int site_of(NodeId node) const { return pod_site_[leaf_pod_[node_leaf_[node]]]; }
  int pod_of_leaf(int leaf) const { return leaf_pod_[leaf]; }
  // Global number of the node's NVLink domain, -1 when its domain is the node itself (HGX).
  int domain_of(NodeId node) const { return node_domain_[node]; }
  int site_of_pod(int pod) const { return pod_site_[pod]; }

  // Fleet-wide counts and the aggregated uplinks of each leaf and pod (global numbers).
  int leaf_count() const { return static_cast<int>(leaf_pod_.size()); }
  int pod_count() const { return static_cast<int>(pod_site_.size()); }
  double leaf_uplink_bytes_per_s(int leaf) const { return leaf_uplink_bw_[leaf]; }
  double pod_uplink_bytes_per_s(int pod) const { return pod_uplink_bw_[pod]; }
  int nodes_in_leaf(int leaf) const { return leaf_nodes_[leaf]; }
  int nodes_in_pod(int pod) const { return pod_nodes_[pod]; }
  // Scale-out (NIC) bandwidth of one node, all its GPUs together.
  double node_nic_bytes_per_s(NodeId node) const { return node_nic_bw_[node]; }

 private:
  friend Topology build_topology(const std::vector<Site>&, const Cluster&, const models::HardwareCatalog&);

  TopoGraph graph_;
  std::vector<std::string> site_names_;
  std::vector<int32_t> node_leaf_;    // NodeId -> global leaf
  std::vector<int32_t> node_domain_;  // NodeId -> global NVLink domain, -1 if the domain is 1 node
  std::vector<int32_t> leaf_pod_;     // global leaf -> global pod
  std::vector<int32_t> pod_site_;     // global pod -> site
  std::vector<double> leaf_uplink_bw_;  // global leaf -> its aggregated uplink, bytes/s
  std::vector<double> pod_uplink_bw_;   // global pod -> its aggregated uplink, bytes/s
  std::vector<double> node_nic_bw_;     // NodeId -> NIC bandwidth of the node, bytes/s
  std::vector<int32_t> leaf_nodes_;     // global leaf -> hosts under it
  std::vector<int32_t> pod_nodes_;      // global pod -> hosts under it
};

// Lays out every site: each pool's nodes fill leaves in NodeId order (a pool starts a new leaf),
// leaves fill pods in order within the site. Uplinks are sized as docs/fabric.md describes.
Topology build_topology(const std::vector<Site>& sites, const Cluster& cluster,
                        const models::HardwareCatalog& catalog);

}  // namespace sovsim::sim
