// sim/describe/fabric_description.cpp — see fabric_description.hpp.
#include "sim/describe/fabric_description.hpp"

#include <fmt/format.h>

namespace sovsim::sim {

namespace {

using Json = nlohmann::ordered_json;

// What each row's links are, in the order traffic climbs.
constexpr const char* kRowNames[kTierCount] = {"node", "nvlink", "leaf", "pod", "core", "wan"};

std::string per_link(const TierSize& t) {
  if (t.links == 0) return "-";
  if (t.link_min_bytes_per_s == t.link_max_bytes_per_s) {
    return format_bits_per_s(t.link_min_bytes_per_s);
  }
  return format_bits_per_s(t.link_min_bytes_per_s) + " to " +
         format_bits_per_s(t.link_max_bytes_per_s);
}

void print_row(std::ostream& out, const char* name, const TierSize& t) {
  const double os = t.oversubscription();
  out << fmt::format("  {:<8} {:>7} {:>7}  {:<24} {:>12}  {}\n", name, t.count, t.links,
                     per_link(t), t.links ? format_bits_per_s(t.aggregate_bytes_per_s) : "-",
                     os <= 0    ? std::string("-")
                     : os < 100 ? fmt::format("{:.3g}:1", os)
                                : fmt::format("{:.0f}:1", os));
}

void print_block(std::ostream& out, const TierCounts& c, bool with_wan) {
  out << fmt::format("  {:<8} {:>7} {:>7}  {:<24} {:>12}  {}\n", "tier", "count", "links",
                     "per link (uplink)", "aggregate", "oversub");
  for (int tier = 0; tier < kTierCount; ++tier) {
    if (tier == kTierWan && !with_wan) continue;
    print_row(out, kRowNames[tier], c.tiers[tier]);
  }
  print_row(out, "storage", c.storage);
}

Json tier_json(const char* name, const TierSize& t) {
  const double os = t.oversubscription();
  return {{"tier", name},
          {"count", t.count},
          {"links", t.links},
          {"link_min_bits_per_s", t.link_min_bytes_per_s * 8},
          {"link_max_bits_per_s", t.link_max_bytes_per_s * 8},
          {"aggregate_bits_per_s", t.aggregate_bytes_per_s * 8},
          {"oversubscription", os > 0 ? Json(os) : Json()}};
}

Json block_json(const TierCounts& c, bool with_wan) {
  Json tiers = Json::array();
  for (int tier = 0; tier < kTierCount; ++tier) {
    if (tier != kTierWan || with_wan) tiers.push_back(tier_json(kRowNames[tier], c.tiers[tier]));
  }
  tiers.push_back(tier_json("storage", c.storage));
  return tiers;
}

}  // namespace

void print_fabric(std::ostream& out, const Scenario& s, const Topology& topo) {
  for (size_t i = 0; i < s.sites.size(); ++i) {
    const Fabric& f = s.sites[i].fabric;
    out << fmt::format(
        "\nsite {}: {} nodes/leaf, {} leaves/pod, leaf uplinks {:g}:1, pod uplinks {:g}:1\n",
        s.sites[i].name, f.nodes_per_leaf, f.leaves_per_pod, f.leaf_uplink_oversubscription,
        f.pod_uplink_oversubscription);
    print_block(out, topo.sizes(static_cast<int>(i)), false);
  }
  out << "\nfleet:\n";
  print_block(out, topo.sizes(), true);
}

Json describe_fabric(const Scenario& s, const Topology& topo) {
  Json sites = Json::array();
  for (size_t i = 0; i < s.sites.size(); ++i) {
    const Fabric& f = s.sites[i].fabric;
    sites.push_back({{"name", s.sites[i].name},
                     {"nodes_per_leaf", f.nodes_per_leaf},
                     {"leaves_per_pod", f.leaves_per_pod},
                     {"leaf_uplink_oversubscription", f.leaf_uplink_oversubscription},
                     {"pod_uplink_oversubscription", f.pod_uplink_oversubscription},
                     {"tiers", block_json(topo.sizes(static_cast<int>(i)), false)}});
  }
  return {{"vertices", boost::num_vertices(topo.graph())},
          {"edges", boost::num_edges(topo.graph())},
          {"sites", std::move(sites)},
          {"fleet", block_json(topo.sizes(), true)}};
}

}  // namespace sovsim::sim
