// sim/fabric/topology.cpp — see topology.hpp. Vertex v < node_count is node v (so NodeId is the
// vertex id); the other vertices follow, site by site. Per-node leaf/domain numbers and per-leaf
// pod numbers are kept in flat arrays so tier_crossed() does not walk the graph.
#include "sim/fabric/topology.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <stdexcept>

namespace sovsim::sim {

const char* tier_name(int tier) {
  static constexpr const char* kNames[kTierCount] = {"node", "nvlink", "leaf",
                                                     "pod",  "site",   "wan"};
  return tier >= 0 && tier < kTierCount ? kNames[tier] : "storage";
}

std::string format_bits_per_s(double bytes_per_s) {
  static constexpr const char* kUnits[] = {"b/s", "kb/s", "Mb/s", "Gb/s", "Tb/s", "Pb/s", "Eb/s"};
  double v = bytes_per_s * 8;
  size_t u = 0;
  while (v >= 1000 && u + 1 < std::size(kUnits)) {
    v /= 1000;
    ++u;
  }
  return fmt::format("{:.4g} {}", v, kUnits[u]);
}

double TierSize::oversubscription() const {
  return aggregate_bytes_per_s > 0 && downlink_bytes_per_s > 0
             ? downlink_bytes_per_s / aggregate_bytes_per_s
             : 0;
}

namespace {

using Vertex = TopoGraph::vertex_descriptor;

Vertex add(TopoGraph& g, VertexKind kind, int site, int index, int nodes) {
  return boost::add_vertex(TopoVertex{kind, site, index, nodes}, g);
}

void link(TopoGraph& g, Vertex below, Vertex above, double bw_bytes_per_s, double latency_s,
          int site, int tier) {
  boost::add_edge(below, above,
                  TopoEdge{bw_bytes_per_s, latency_s, site, static_cast<int8_t>(tier)}, g);
}

}  // namespace

Topology build_topology(const std::vector<Site>& sites, const Cluster& cluster,
                        const models::HardwareCatalog& catalog) {
  Topology t;
  TopoGraph& g = t.graph_;
  const NodeId node_count = cluster.node_count();
  g = TopoGraph(static_cast<size_t>(node_count));
  t.node_leaf_.assign(node_count, -1);
  t.node_domain_.assign(node_count, -1);
  t.node_nic_bw_.assign(node_count, 0);
  const Vertex backbone = add(g, VertexKind::kBackbone, -1, 0, node_count);
  int domain_count = 0;
  for (size_t s = 0; s < sites.size(); ++s) {
    const Site& site = sites[s];
    const Fabric& f = site.fabric;
    const int si = static_cast<int>(s);
    t.site_names_.push_back(site.name);
    // Leaves of this site, in order: their vertex, hosts and uplink bandwidth (pods come after).
    std::vector<Vertex> leaves;
    std::vector<double> leaf_uplink_bytes_per_s;
    int site_node = 0, site_domain = 0;
    for (const Pool& pool : cluster.pools()) {
      if (pool.site != si) continue;
      const models::Hardware* hw = catalog.find(pool.hardware);
      if (!hw) throw std::invalid_argument("unknown hardware type '" + pool.hardware + "'");
      const double nic_bytes_per_s = hw->nic_bw_bytes_per_s * pool.physical_gpus_per_node();
      const double nvlink_bytes_per_s = hw->scaleup_bw_bytes_per_s * pool.physical_gpus_per_node();
      const int first_domain = domain_count;
      Vertex domain_vertex = 0;
      for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
        g[n] = TopoVertex{VertexKind::kNode, si, site_node++, 1};
        t.node_nic_bw_[n] = nic_bytes_per_s;
        const int leaf = pool.leaf_in_site(n);
        if (leaf == static_cast<int>(leaves.size())) {
          leaves.push_back(add(g, VertexKind::kLeaf, si, leaf, 0));
          leaf_uplink_bytes_per_s.push_back(0);
        }
        ++g[leaves[leaf]].nodes;
        // Uplinks aggregate the NICs below (a full leaf: nodes_per_leaf x NIC / oversubscription).
        leaf_uplink_bytes_per_s[leaf] += nic_bytes_per_s / f.leaf_uplink_oversubscription;
        t.node_leaf_[n] = static_cast<int32_t>(g[leaves[leaf]].index);  // made global below
        link(g, n, leaves[leaf], nic_bytes_per_s, f.leaf_latency_s, si, kTierNode);
        if (pool.nodes_per_domain > 1) {
          const int domain = first_domain + pool.domain_of(n);
          if (domain == domain_count) {  // a pool's domains are contiguous, in NodeId order
            domain_vertex = add(g, VertexKind::kDomain, si, site_domain++, 0);
            ++domain_count;
          }
          ++g[domain_vertex].nodes;
          t.node_domain_[n] = domain;
          link(g, n, domain_vertex, nvlink_bytes_per_s, 0, si, kTierDomain);
        }
      }
    }
    // Global leaf numbers: leaves of earlier sites come first.
    const int leaf_base = static_cast<int>(t.leaf_pod_.size());
    for (const Pool& pool : cluster.pools()) {
      if (pool.site != si) continue;
      for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
        t.node_leaf_[n] += leaf_base;
      }
    }
    const Vertex core = add(g, VertexKind::kCore, si, 0, site_node);
    int pod_index = -1;
    Vertex pod = 0;
    double pod_uplink_bytes_per_s = 0;
    auto close_pod = [&] {
      if (pod_index < 0) return;
      t.pod_uplink_bw_.push_back(pod_uplink_bytes_per_s / f.pod_uplink_oversubscription);
      t.pod_nodes_.push_back(g[pod].nodes);
      link(g, pod, core, t.pod_uplink_bw_.back(), f.core_latency_s, si, kTierPod);
    };
    for (size_t l = 0; l < leaves.size(); ++l) {
      if (static_cast<int>(l) / f.leaves_per_pod != pod_index) {
        close_pod();
        pod_index = static_cast<int>(l) / f.leaves_per_pod;
        pod = add(g, VertexKind::kPod, si, pod_index, 0);
        pod_uplink_bytes_per_s = 0;
        t.pod_site_.push_back(si);
      }
      g[pod].nodes += g[leaves[l]].nodes;
      pod_uplink_bytes_per_s += leaf_uplink_bytes_per_s[l];
      t.leaf_pod_.push_back(static_cast<int32_t>(t.pod_site_.size() - 1));
      t.leaf_uplink_bw_.push_back(leaf_uplink_bytes_per_s[l]);
      t.leaf_nodes_.push_back(g[leaves[l]].nodes);
      link(g, leaves[l], pod, leaf_uplink_bytes_per_s[l], f.pod_latency_s, si, kTierLeaf);
    }
    close_pod();
    link(g, core, backbone, site.wan_bw_bytes_per_s, site.wan_latency_s, si, kTierSite);
    const Vertex storage = add(g, VertexKind::kStorage, si, 0, 0);
    link(g, storage, core, f.storage_bw_bytes_per_s, f.core_latency_s, si, -1);
  }
  return t;
}

int Topology::tier_crossed(NodeId a, NodeId b) const {
  if (a == b) return kTierNode;
  if (node_domain_[a] >= 0 && node_domain_[a] == node_domain_[b]) return kTierDomain;
  if (node_leaf_[a] == node_leaf_[b]) return kTierLeaf;
  const int pa = leaf_pod_[node_leaf_[a]], pb = leaf_pod_[node_leaf_[b]];
  if (pa == pb) return kTierPod;
  return pod_site_[pa] == pod_site_[pb] ? kTierSite : kTierWan;
}

int Topology::highest_tier(const Placement& placement) const {
  // The tiers form a tree, so the widest pair always includes the first node.
  int tier = kTierNode;
  for (const NodeSlice& slice : placement.slices) {
    tier = std::max(tier, tier_crossed(placement.slices.front().node, slice.node));
  }
  return tier;
}

TierCounts Topology::sizes(int site) const {
  TierCounts c;
  for (auto v : boost::make_iterator_range(boost::vertices(graph_))) {
    const TopoVertex& p = graph_[v];
    if (site >= 0 && p.site != site) continue;  // the backbone belongs to no site
    switch (p.kind) {
      case VertexKind::kNode:
        ++c.tiers[kTierNode].count;
        break;
      case VertexKind::kDomain:
        ++c.tiers[kTierDomain].count;
        break;
      case VertexKind::kLeaf:
        ++c.tiers[kTierLeaf].count;
        break;
      case VertexKind::kPod:
        ++c.tiers[kTierPod].count;
        break;
      case VertexKind::kCore:
        ++c.tiers[kTierSite].count;
        break;
      case VertexKind::kStorage:
        ++c.storage.count;
        break;
      case VertexKind::kBackbone:
        ++c.tiers[kTierWan].count;
        break;
    }
  }
  for (auto e : boost::make_iterator_range(boost::edges(graph_))) {
    const TopoEdge& p = graph_[e];
    if (site >= 0 && p.site != site) continue;
    TierSize& t = p.tier < 0 ? c.storage : c.tiers[p.tier];
    t.link_min_bytes_per_s =
        t.links == 0 ? p.bw_bytes_per_s : std::min(t.link_min_bytes_per_s, p.bw_bytes_per_s);
    t.link_max_bytes_per_s = std::max(t.link_max_bytes_per_s, p.bw_bytes_per_s);
    t.aggregate_bytes_per_s += p.bw_bytes_per_s;
    ++t.links;
  }
  // What comes up into each switching tier: NICs into leaves, leaf uplinks into pods, ...
  c.tiers[kTierLeaf].downlink_bytes_per_s = c.tiers[kTierNode].aggregate_bytes_per_s;
  c.tiers[kTierPod].downlink_bytes_per_s = c.tiers[kTierLeaf].aggregate_bytes_per_s;
  c.tiers[kTierSite].downlink_bytes_per_s = c.tiers[kTierPod].aggregate_bytes_per_s;
  c.tiers[kTierWan].downlink_bytes_per_s = c.tiers[kTierSite].aggregate_bytes_per_s;
  return c;
}

std::string Topology::vertex_name(size_t vertex) const {
  const TopoVertex& p = graph_[vertex];
  if (p.kind == VertexKind::kBackbone) return "backbone";
  const std::string& site = site_names_[p.site];
  switch (p.kind) {
    case VertexKind::kNode:
      return fmt::format("{}-n{}", site, p.index);
    case VertexKind::kDomain:
      return fmt::format("{}-nvl{}", site, p.index);
    case VertexKind::kLeaf:
      return fmt::format("{}-leaf{}", site, p.index);
    case VertexKind::kPod:
      return fmt::format("{}-pod{}", site, p.index);
    case VertexKind::kCore:
      return site + "-core";
    default:
      return site + "-storage";
  }
}

void Topology::write_dot(std::ostream& out, int max_nodes) const {
  const bool aggregated = static_cast<int64_t>(node_leaf_.size()) > max_nodes;
  auto hidden = [&](size_t v) {
    return aggregated &&
           (graph_[v].kind == VertexKind::kNode || graph_[v].kind == VertexKind::kDomain);
  };
  out << "graph fabric {\n";
  if (aggregated) {
    out << fmt::format("  // {} hosts > {}: hosts and NVLink domains folded into their leaves\n",
                       node_leaf_.size(), max_nodes);
  }
  for (auto v : boost::make_iterator_range(boost::vertices(graph_))) {
    if (hidden(v)) continue;
    const TopoVertex& p = graph_[v];
    const std::string name = vertex_name(v);
    switch (p.kind) {
      case VertexKind::kNode:
        out << fmt::format("  \"{}\" [shape=point];\n", name);
        break;
      case VertexKind::kDomain:
        out << fmt::format("  \"{}\" [shape=hexagon, label=\"{}\\n{} nodes\"];\n", name, name,
                           p.nodes);
        break;
      case VertexKind::kLeaf:
        out << fmt::format("  \"{}\" [shape=box, label=\"{}\\n{} nodes\"];\n", name, name, p.nodes);
        break;
      case VertexKind::kStorage:
        out << fmt::format("  \"{}\" [shape=cylinder];\n", name);
        break;
      default:
        out << fmt::format("  \"{}\" [shape=ellipse, label=\"{}\\n{} nodes\"];\n", name, name,
                           p.nodes);
    }
  }
  for (auto e : boost::make_iterator_range(boost::edges(graph_))) {
    const size_t a = boost::source(e, graph_), b = boost::target(e, graph_);
    if (hidden(a) || hidden(b)) continue;
    const TopoEdge& p = graph_[e];
    out << fmt::format("  \"{}\" -- \"{}\" [label=\"{}\"{}];\n", vertex_name(a), vertex_name(b),
                       format_bits_per_s(p.bw_bytes_per_s),
                       p.tier == kTierDomain ? ", style=dashed" : "");
  }
  out << "}\n";
}

}  // namespace sovsim::sim
