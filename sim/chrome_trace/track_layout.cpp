// sim/chrome_trace/track_layout.cpp — see track_layout.hpp.
#include "sim/chrome_trace/track_layout.hpp"

#include <fmt/format.h>

#include <map>
#include <tuple>

namespace sovsim::sim {

const char* to_string(TrackLevel level) {
  switch (level) {
    case TrackLevel::kNode: return "node";
    case TrackLevel::kDomain: return "domain";
    case TrackLevel::kLeaf: return "leaf";
    case TrackLevel::kPod: return "pod";
    case TrackLevel::kSite: return "site";
  }
  return "?";
}

namespace {

std::string hardware_label(const Pool& pool) {
  return pool.partition.empty() ? pool.hardware : pool.hardware + " " + pool.partition;
}

}  // namespace

TrackLayout::TrackLayout(const Cluster& cluster, size_t max_tracks) {
  for (TrackLevel level : {TrackLevel::kNode, TrackLevel::kDomain, TrackLevel::kLeaf,
                           TrackLevel::kPod, TrackLevel::kSite}) {
    build(cluster, level);
    if (tracks_.size() <= max_tracks) return;
  }
}

void TrackLayout::build(const Cluster& cluster, TrackLevel level) {
  level_ = level;
  tracks_.clear();
  track_of_node_.assign(static_cast<size_t>(cluster.node_count()), 0);
  // (site, key within the site) -> track; keys are unique within a site at every level.
  std::map<std::pair<int, int64_t>, uint32_t> index;
  std::map<int, NodeId> site_first_node;
  std::map<int, int> domains_in_site;  // domains numbered within their site, in node order
  for (size_t p = 0; p < cluster.pools().size(); ++p) {
    const Pool& pool = cluster.pools()[p];
    const NodeId site_first = site_first_node.try_emplace(pool.site, pool.first_node).first->second;
    const int first_domain = domains_in_site[pool.site];
    for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
      const bool own_domain = pool.nodes_per_domain == 1;
      int64_t key = 0;
      std::string name;
      switch (level) {
        case TrackLevel::kNode:
          key = n - site_first;
          name = fmt::format("node {} · {}", key, hardware_label(pool));
          break;
        case TrackLevel::kDomain:
          // A domain never spans pools; an HGX node is its own domain (drawn as the node).
          key = own_domain ? n - site_first : -1 - (first_domain + pool.domain_of(n));
          name = own_domain ? fmt::format("node {} · {}", key, hardware_label(pool))
                            : fmt::format("domain {} · {}", -1 - key, hardware_label(pool));
          break;
        case TrackLevel::kLeaf:
          key = pool.leaf_in_site(n);
          name = fmt::format("leaf {} · {}", key, hardware_label(pool));
          break;
        case TrackLevel::kPod:
          key = pool.pod_of(n);
          name = fmt::format("pod {}", key);
          break;
        case TrackLevel::kSite:
          name = "all nodes";
          break;
      }
      auto [it, added] = index.try_emplace({pool.site, key}, static_cast<uint32_t>(tracks_.size()));
      if (added) tracks_.push_back({pool.site, std::move(name), 0});
      ++tracks_[it->second].nodes;
      track_of_node_[static_cast<size_t>(n)] = it->second;
    }
    if (pool.nodes_per_domain > 1) {
      domains_in_site[pool.site] += (pool.node_count + pool.nodes_per_domain - 1) / pool.nodes_per_domain;
    }
  }
  if (level == TrackLevel::kNode) return;
  for (Track& t : tracks_) {
    if (t.nodes > 1) t.name += fmt::format(" ({} nodes)", t.nodes);
  }
}

}  // namespace sovsim::sim
