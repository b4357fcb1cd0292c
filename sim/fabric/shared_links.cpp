// sim/fabric/shared_links.cpp — see shared_links.hpp.
#include "sim/fabric/shared_links.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace sovsim::sim {

SharedLinkSet::SharedLinkSet(const std::vector<Site>& sites, const Topology& topology)
    : leaves_(topology.leaf_count()),
      pods_(topology.pod_count()),
      sites_(static_cast<int>(sites.size())) {
  links_.reserve(static_cast<size_t>(leaves_ + pods_ + 2 * sites_));
  for (int l = 0; l < leaves_; ++l) {
    const int site = topology.site_of_pod(topology.pod_of_leaf(l));
    links_.push_back({SharedLinkKind::kLeafUplink, site, l, topology.leaf_uplink_bytes_per_s(l),
                      sites[site].fabric.pod_latency_s});
  }
  for (int p = 0; p < pods_; ++p) {
    const int site = topology.site_of_pod(p);
    links_.push_back({SharedLinkKind::kPodUplink, site, p, topology.pod_uplink_bytes_per_s(p),
                      sites[site].fabric.core_latency_s});
  }
  for (int s = 0; s < sites_; ++s) {
    const Site& site = sites[s];
    links_.push_back({SharedLinkKind::kWan, s, s, site.wan_bw_bytes_per_s, site.wan_latency_s});
  }
  for (int s = 0; s < sites_; ++s) {
    const Fabric& f = sites[s].fabric;
    links_.push_back({SharedLinkKind::kStorage, s, s, f.storage_bw_bytes_per_s, f.core_latency_s});
  }
}

std::string SharedLinkSet::name(int id, const std::vector<Site>& sites) const {
  const SharedLink& l = links_[id];
  const std::string& site = sites[l.site].name;
  switch (l.kind) {
    case SharedLinkKind::kLeafUplink: return fmt::format("{}-leaf{}-up", site, l.index);
    case SharedLinkKind::kPodUplink: return fmt::format("{}-pod{}-up", site, l.index);
    case SharedLinkKind::kWan: return site + "-wan";
    case SharedLinkKind::kStorage: return site + "-storage";
  }
  return "?";
}

namespace {

// Appends one share per distinct group in `groups` (sorted in place), for a job of n nodes;
// `group_size(g)` is the number of hosts under group g (-1: never exclusive).
template <class GroupSize>
void add_group_shares(std::vector<int32_t>& groups, double n, int id_base, GroupSize group_size,
                      std::vector<LinkShare>& out) {
  std::sort(groups.begin(), groups.end());
  for (size_t i = 0; i < groups.size();) {
    size_t j = i;
    while (j < groups.size() && groups[j] == groups[i]) ++j;
    const double m = static_cast<double>(j - i);
    if (m < n) {
      out.push_back({id_base + groups[i], m * (n - m) / (n - 1),
                     static_cast<int64_t>(j - i) == group_size(groups[i])});
    }
    i = j;
  }
}

}  // namespace

std::vector<LinkShare> cross_tier_shares(const Topology& topology, const SharedLinkSet& links,
                                         const Placement& placement) {
  std::vector<LinkShare> shares;
  const size_t n = placement.slices.size();
  if (n < 2) return shares;
  std::vector<int32_t> leaves, pods, sites;
  leaves.reserve(n);
  for (const NodeSlice& s : placement.slices) leaves.push_back(topology.leaf_of(s.node));
  pods.reserve(n);
  for (int32_t l : leaves) pods.push_back(topology.pod_of_leaf(l));
  sites.reserve(n);
  for (int32_t p : pods) sites.push_back(topology.site_of_pod(p));
  const double nodes = static_cast<double>(n);
  add_group_shares(leaves, nodes, links.leaf_uplink(0),
                   [&](int32_t l) -> int64_t { return topology.nodes_in_leaf(l); }, shares);
  add_group_shares(pods, nodes, links.pod_uplink(0),
                   [&](int32_t p) -> int64_t { return topology.nodes_in_pod(p); }, shares);
  add_group_shares(sites, nodes, links.wan(0), [](int32_t) -> int64_t { return -1; }, shares);
  return shares;
}

}  // namespace sovsim::sim
