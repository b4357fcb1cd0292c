// test/sim/fabric/shared_links_test.cpp — the shared links of a fleet and how much of a job's
// traffic its placement puts on each (uniform-traffic coefficients m (N - m) / (N - 1), computed
// by hand here), including which links the job holds alone.
#include "sim/fabric/shared_links.hpp"

#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.hpp"

namespace sovsim::sim {
namespace {

// 8 B200 nodes, 2 per leaf, 2 leaves per pod: leaves {0,1} {2,3} {4,5} {6,7}, pods of 4 nodes.
struct Fleet {
  Scenario scenario;
  Cluster cluster;
  Topology topology;
  SharedLinkSet links;
};

Fleet fleet() {
  static const auto catalog = models::Catalogs::builtin();
  auto s = parse_scenario(
      "name: f\nhorizon: 1d\nsites:\n  - name: s\n    fabric: {nodes_per_leaf: 2, leaves_per_pod: "
      "2, leaf_uplink_oversubscription: 4}\n    nodes:\n      - {hardware: B200, count: 8}\n"
      "tenants:\n  - name: t\nworkload:\n  jobs:\n    - {tenant: t, gpus: 8, duration: 1h}\n",
      "f.yaml", {}, catalog.value());
  EXPECT_TRUE(s.ok());
  Cluster cluster(s.value().sites);
  Topology topology = build_topology(s.value().sites, cluster, catalog.value().hardware);
  SharedLinkSet links(s.value().sites, topology);
  return Fleet{s.value(), std::move(cluster), std::move(topology), std::move(links)};
}

Placement nodes(std::initializer_list<NodeId> ids) {
  Placement p;
  p.pool = 0;
  for (NodeId n : ids) p.slices.push_back({n, 8});
  return p;
}

TEST(SharedLinks, NumberedLeavesPodsWanStorageWithTheirBandwidth) {
  Fleet f = fleet();
  ASSERT_EQ(f.links.count(), 4 + 2 + 1 + 1);
  EXPECT_EQ(f.links.name(f.links.leaf_uplink(3), f.scenario.sites), "s-leaf3-up");
  EXPECT_EQ(f.links.name(f.links.pod_uplink(1), f.scenario.sites), "s-pod1-up");
  EXPECT_EQ(f.links.name(f.links.wan(0), f.scenario.sites), "s-wan");
  EXPECT_EQ(f.links.name(f.links.storage(0), f.scenario.sites), "s-storage");
  // Leaf uplink: 2 nodes x 400 GB/s / 4; pod uplink: its two leaves' uplinks (1:1).
  EXPECT_DOUBLE_EQ(f.links[f.links.leaf_uplink(0)].bw_bytes_per_s, 200e9);
  EXPECT_DOUBLE_EQ(f.links[f.links.pod_uplink(0)].bw_bytes_per_s, 400e9);
}

TEST(SharedLinks, SingleNodeAndSingleLeafJobsCrossNothing) {
  Fleet f = fleet();
  EXPECT_TRUE(cross_tier_shares(f.topology, f.links, nodes({3})).empty());
  EXPECT_TRUE(cross_tier_shares(f.topology, f.links, nodes({2, 3})).empty());
}

TEST(SharedLinks, CoefficientsFollowTheNodesPerGroup) {
  Fleet f = fleet();
  // N = 3 inside pod 0: leaf 0 holds 2 (2 x 1 / 2 = 1, and the job has that leaf alone), leaf 1
  // holds 1 (1 x 2 / 2 = 1, shared with node 3's jobs); the pod holds all 3: no pod traffic.
  auto inside = cross_tier_shares(f.topology, f.links, nodes({0, 1, 2}));
  ASSERT_EQ(inside.size(), 2u);
  EXPECT_EQ(inside[0].link, f.links.leaf_uplink(0));
  EXPECT_DOUBLE_EQ(inside[0].bytes_per_node_byte, 1.0);
  EXPECT_TRUE(inside[0].exclusive);
  EXPECT_EQ(inside[1].link, f.links.leaf_uplink(1));
  EXPECT_DOUBLE_EQ(inside[1].bytes_per_node_byte, 1.0);
  EXPECT_FALSE(inside[1].exclusive);
  // N = 4 over both pods, 2 + 2: each leaf 2 x 2 / 3, each pod the same, all held alone except
  // that the pods have 4 nodes of which the job holds 2.
  auto across = cross_tier_shares(f.topology, f.links, nodes({0, 1, 4, 5}));
  ASSERT_EQ(across.size(), 4u);
  for (const LinkShare& s : across) EXPECT_DOUBLE_EQ(s.bytes_per_node_byte, 4.0 / 3.0);
  EXPECT_TRUE(across[0].exclusive);
  EXPECT_TRUE(across[1].exclusive);
  EXPECT_EQ(across[2].link, f.links.pod_uplink(0));
  EXPECT_FALSE(across[2].exclusive);
  EXPECT_EQ(across[3].link, f.links.pod_uplink(1));
}

}  // namespace
}  // namespace sovsim::sim
