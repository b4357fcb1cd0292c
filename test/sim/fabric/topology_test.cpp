// test/sim/fabric/topology_test.cpp — the fabric graph: which tier two nodes' traffic crosses,
// uplink bandwidth aggregated per tier with oversubscription (computed by hand here), NVL72 racks
// kept inside one leaf, and DOT output (every vertex when small, folded per leaf when large).
#include "sim/fabric/topology.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "sim/scenario/scenario_loader.hpp"

namespace sovsim::sim {
namespace {

const models::Catalogs& catalog() {
  static const auto c = models::Catalogs::builtin();
  return c.value();
}

// Site a: 70 B200 nodes (1 node per NVLink domain), 4 per leaf, 2 leaves per pod, 4:1 leaf and
// 2:1 pod uplinks. Site b: 2 H100 nodes, default fabric.
const std::string kTwoSites = R"(name: fabric
horizon: 1d
sites:
  - name: a
    fabric: {nodes_per_leaf: 4, leaves_per_pod: 2, leaf_uplink_oversubscription: 4,
             pod_uplink_oversubscription: 2}
    nodes:
      - {hardware: B200, count: 70}
  - name: b
    nodes:
      - {hardware: H100, count: 2}
tenants:
  - name: t
workload:
  jobs:
    - {tenant: t, gpus: 8, duration: 1h}
)";

struct Built {
  Scenario scenario;
  Cluster cluster;
  Topology topology;
};

Built build(const std::string& yaml) {
  auto s = parse_scenario(yaml, "s.yaml", {}, catalog());
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.diagnostics()[0].to_string());
  Cluster cluster(s.value().sites);
  Topology topology = build_topology(s.value().sites, cluster, catalog().hardware);
  return Built{s.value(), std::move(cluster), std::move(topology)};
}

std::string nvl72(int count, int nodes_per_leaf) {
  return "name: nvl\nhorizon: 1d\nsites:\n  - name: s\n    fabric: {nodes_per_leaf: " +
         std::to_string(nodes_per_leaf) +
         "}\n    nodes:\n      - {hardware: GB200, count: " + std::to_string(count) +
         "}\ntenants:\n  - name: t\nworkload:\n  jobs:\n    - {tenant: t, gpus: 4, duration: 1h}\n";
}

TEST(Topology, TierCrossedOnTwoSites) {
  const Built b = build(kTwoSites);
  const Topology& t = b.topology;
  EXPECT_EQ(t.tier_crossed(0, 0), kTierNode);
  EXPECT_EQ(t.tier_crossed(0, 3), kTierLeaf);   // leaf 0 holds nodes 0-3
  EXPECT_EQ(t.tier_crossed(3, 4), kTierPod);    // leaf 1, still pod 0
  EXPECT_EQ(t.tier_crossed(7, 8), kTierSite);   // leaf 2 starts pod 1
  EXPECT_EQ(t.tier_crossed(69, 70), kTierWan);  // node 70 is site b's first node
  EXPECT_EQ(t.tier_crossed(70, 71), kTierLeaf);
  EXPECT_EQ(t.tier_crossed(71, 70), t.tier_crossed(70, 71));
  EXPECT_EQ(t.site_of(70), 1);

  Placement one_leaf{0, 1, {{0, 8}, {1, 8}}};
  Placement two_pods{0, 1, {{0, 8}, {1, 8}, {9, 8}}};
  EXPECT_EQ(t.highest_tier(Placement{0, 1, {{5, 8}}}), kTierNode);
  EXPECT_EQ(t.highest_tier(one_leaf), kTierLeaf);
  EXPECT_EQ(t.highest_tier(two_pods), kTierSite);
  EXPECT_EQ(t.highest_tier(Placement{}), kTierNode);
}

TEST(Topology, UplinksAggregateWithOversubscription) {
  const Built b = build(kTwoSites);
  const double nic = 400e9 / 8 * 8;  // B200: 400 Gb/s per GPU x 8 GPUs = 400 GB/s per node
  ASSERT_DOUBLE_EQ(catalog().hardware.find("B200")->nic_bw_bytes_per_s * 8, nic);
  const TierCounts a = b.topology.sizes(0);
  EXPECT_EQ(a.tiers[kTierNode].count, 70);
  EXPECT_DOUBLE_EQ(a.tiers[kTierNode].aggregate_bytes_per_s, 70 * nic);
  EXPECT_EQ(a.tiers[kTierDomain].count, 0);  // 8 GPUs per node, 8 per domain: no domain vertex
  // 70 nodes / 4 = 17 full leaves + one of 2 nodes. Full leaf: 4 x 400 GB/s / 4 = 400 GB/s.
  EXPECT_EQ(a.tiers[kTierLeaf].count, 18);
  EXPECT_DOUBLE_EQ(a.tiers[kTierLeaf].link_max_bytes_per_s, 4 * nic / 4);
  EXPECT_DOUBLE_EQ(a.tiers[kTierLeaf].link_min_bytes_per_s, 2 * nic / 4);
  EXPECT_DOUBLE_EQ(a.tiers[kTierLeaf].aggregate_bytes_per_s, 70 * nic / 4);
  EXPECT_DOUBLE_EQ(a.tiers[kTierLeaf].oversubscription(), 4);
  // 9 pods of 2 leaves; a full pod: 2 x 400 GB/s / 2 = 400 GB/s.
  EXPECT_EQ(a.tiers[kTierPod].count, 9);
  EXPECT_DOUBLE_EQ(a.tiers[kTierPod].link_max_bytes_per_s, 2 * (4 * nic / 4) / 2);
  EXPECT_DOUBLE_EQ(a.tiers[kTierPod].aggregate_bytes_per_s, 70 * nic / 4 / 2);
  EXPECT_DOUBLE_EQ(a.tiers[kTierPod].oversubscription(), 2);
  EXPECT_EQ(a.tiers[kTierSite].count, 1);
  EXPECT_DOUBLE_EQ(a.tiers[kTierSite].aggregate_bytes_per_s, 400e9 / 8);  // default WAN
  EXPECT_DOUBLE_EQ(a.storage.aggregate_bytes_per_s, 1000e9 / 8);

  const TierCounts fleet = b.topology.sizes();
  EXPECT_EQ(fleet.tiers[kTierNode].count, 72);
  EXPECT_EQ(fleet.tiers[kTierSite].count, 2);
  EXPECT_EQ(fleet.tiers[kTierWan].count, 1);
  EXPECT_DOUBLE_EQ(fleet.tiers[kTierWan].downlink_bytes_per_s, 2 * 400e9 / 8);
}

TEST(Topology, Nvl72RacksStayInsideLeaves) {
  // GB200: 72 GPUs per domain, 4 per tray -> 18 nodes per domain; 36 per leaf = 2 racks.
  const Built b = build(nvl72(180, 36));
  const Topology& t = b.topology;
  EXPECT_EQ(b.cluster.pools()[0].nodes_per_domain, 18);
  EXPECT_EQ(t.sizes().tiers[kTierDomain].count, 10);
  EXPECT_EQ(t.sizes().tiers[kTierDomain].links, 180);
  for (NodeId n = 0; n < 180; ++n) {
    const NodeId first_of_rack = n / 18 * 18;
    EXPECT_EQ(t.leaf_of(n), t.leaf_of(first_of_rack)) << n;
    EXPECT_EQ(t.tier_crossed(n, first_of_rack), n == first_of_rack ? kTierNode : kTierDomain);
  }
  EXPECT_EQ(t.tier_crossed(17, 18), kTierLeaf);  // next rack, same leaf
  EXPECT_EQ(t.tier_crossed(35, 36), kTierPod);   // next leaf

  // 16 is not a multiple of 18: racks straddle leaves, but the NVLink tier still wins.
  const Built odd = build(nvl72(36, 16));
  EXPECT_NE(odd.topology.leaf_of(15), odd.topology.leaf_of(16));
  EXPECT_EQ(odd.topology.tier_crossed(15, 16), kTierDomain);
}

// Vertex declarations and edges of a DOT text (one per line, as write_dot writes them).
std::pair<int, int> count_dot(const std::string& dot) {
  std::istringstream in(dot);
  std::string line;
  int vertices = 0, edges = 0;
  while (std::getline(in, line)) {
    if (line.find(" -- ") != std::string::npos) {
      ++edges;
    } else if (line.rfind("  \"", 0) == 0 && line.find("];") != std::string::npos) {
      ++vertices;
    }
  }
  return {vertices, edges};
}

TEST(Topology, DotListsEveryVertexWhenSmall) {
  const Built b = build(kTwoSites);
  std::ostringstream dot;
  b.topology.write_dot(dot);
  const std::string text = dot.str();
  EXPECT_EQ(text.rfind("graph fabric {", 0), 0u);
  EXPECT_EQ(text.substr(text.size() - 2), "}\n");
  const auto [vertices, edges] = count_dot(text);
  // 72 nodes + 18 + 1 leaves + 9 + 1 pods + 2 cores + 2 storage + backbone.
  EXPECT_EQ(vertices, 106);
  EXPECT_EQ(vertices, static_cast<int>(boost::num_vertices(b.topology.graph())));
  EXPECT_EQ(edges, static_cast<int>(boost::num_edges(b.topology.graph())));
  EXPECT_EQ(edges, vertices - 1);  // without NVLink domains the fabric is a tree
  EXPECT_NE(text.find("\"a-n0\" -- \"a-leaf0\""), std::string::npos);
}

TEST(Topology, DotFoldsHostsIntoLeavesWhenLarge) {
  const Built b = build(nvl72(180, 36));
  std::ostringstream dot;
  b.topology.write_dot(dot, 100);
  const auto [vertices, edges] = count_dot(dot.str());
  // 5 leaves + 1 pod + core + storage + backbone; no hosts, no NVLink domains.
  EXPECT_EQ(vertices, 9);
  EXPECT_EQ(edges, 8);
  EXPECT_EQ(dot.str().find("s-n0"), std::string::npos);
  EXPECT_NE(dot.str().find("shape=box, label=\"s-leaf0\\n36 nodes\""), std::string::npos);
}

}  // namespace
}  // namespace sovsim::sim
