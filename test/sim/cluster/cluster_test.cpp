// test/sim/cluster/cluster_test.cpp — first-fit placement and GPU accounting.
#include "sim/cluster/cluster.hpp"

#include <gtest/gtest.h>

#include <set>

namespace sovsim::sim {
namespace {

std::vector<Site> one_site(int nodes, int gpus_per_node) {
  Site s;
  s.name = "s";
  s.nodes.push_back({"H100", nodes, gpus_per_node});
  return {s};
}

TEST(Cluster, SmallJobsPackOntoTheLowestNodeThatFits) {
  Cluster c(one_site(3, 8));
  auto a = c.first_fit(0, 6);
  ASSERT_TRUE(a);
  c.allocate(*a);
  EXPECT_EQ(a->slices[0].node, 0);
  auto b = c.first_fit(0, 2);  // fits beside a on node 0
  ASSERT_TRUE(b);
  EXPECT_EQ(b->slices[0].node, 0);
  c.allocate(*b);
  auto d = c.first_fit(0, 3);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->slices[0].node, 1);
  EXPECT_EQ(c.free_gpus(0), 16);
}

TEST(Cluster, LargeJobsTakeWholeIdleNodes) {
  Cluster c(one_site(3, 8));
  auto small = c.first_fit(0, 1);
  c.allocate(*small);
  auto big = c.first_fit(0, 12);
  ASSERT_TRUE(big);
  ASSERT_EQ(big->slices.size(), 2u);
  EXPECT_EQ(big->slices[0].node, 1);
  EXPECT_EQ(big->gpus(), 16);
  c.allocate(*big);
  EXPECT_FALSE(c.first_fit(0, 9));
  c.release(*big);
  c.release(*small);
  EXPECT_EQ(c.free_gpus(0), 24);
  EXPECT_TRUE(c.first_fit(0, 24));
}

TEST(Cluster, CanEverFitCountsWholeNodes) {
  Cluster c(one_site(2, 8));
  EXPECT_TRUE(c.can_ever_fit(0, 16));
  EXPECT_FALSE(c.can_ever_fit(0, 17));
  EXPECT_EQ(c.gpus_held(0, 9), 16);
  EXPECT_EQ(c.gpus_held(0, 5), 5);
}

TEST(Cluster, BestFitPicksTheTightestNode) {
  Cluster c(one_site(2, 4));
  c.allocate(*c.first_fit(0, 2));  // node 0: 2 free
  c.allocate(*c.first_fit(0, 3));  // node 1: 1 free
  EXPECT_EQ(c.first_fit(0, 1)->slices[0].node, 0);
  EXPECT_EQ(c.best_fit(0, 1)->slices[0].node, 1);
  EXPECT_EQ(c.best_fit(0, 2)->slices[0].node, 0);
  EXPECT_FALSE(c.best_fit(0, 3));
}

TEST(Cluster, FragmentationIsFreeCapacityOnPartlyUsedNodes) {
  Cluster c(one_site(2, 4));
  EXPECT_DOUBLE_EQ(c.fragmentation(), 0.0);  // everything free is on idle nodes
  c.allocate(*c.first_fit(0, 1));
  EXPECT_DOUBLE_EQ(c.fragmentation(), 3.0 / 7.0);
  c.allocate(*c.first_fit(0, 4));
  EXPECT_DOUBLE_EQ(c.fragmentation(), 1.0);
  c.allocate(*c.first_fit(0, 3));
  EXPECT_DOUBLE_EQ(c.fragmentation(), 0.0);  // nothing free
}

TEST(Cluster, TopologyFitKeepsAJobInOneNvlinkDomain) {
  Site s;
  s.name = "s";
  s.nodes.push_back({"GB200", 36, 4, false, 72});  // two NVL72 racks of 18 trays
  Cluster c({s});
  ASSERT_EQ(c.pools()[0].nodes_per_domain, 18);
  for (int i = 0; i < 10; ++i) c.allocate(*c.first_fit(0, 4));  // rack 0: 8 trays idle
  auto first_fit = c.first_fit(0, 48);                            // 12 trays
  auto topology = c.topology_fit(0, 48);
  ASSERT_TRUE(first_fit && topology);
  EXPECT_EQ(c.domains_spanned(*first_fit), 2);
  EXPECT_EQ(c.domains_spanned(*topology), 1);
  EXPECT_EQ(topology->slices.front().node, 18);
  auto small = c.topology_fit(0, 32);  // 8 trays: rack 0 holds it alone and is the fullest
  ASSERT_TRUE(small);
  EXPECT_EQ(c.domains_spanned(*small), 1);
  EXPECT_EQ(small->slices.front().node, 10);
  EXPECT_FALSE(c.topology_fit(0, 4 * 27));  // only 26 idle trays
  EXPECT_EQ(c.domains_spanned(*c.topology_fit(0, 4 * 26)), 2);
}

TEST(Cluster, TopologyFitKeepsAnHgxJobUnderOneLeaf) {
  std::vector<Site> sites = one_site(12, 8);
  sites[0].fabric.nodes_per_leaf = 4;  // leaves {0-3}, {4-7}, {8-11}
  Cluster c(sites);
  ASSERT_EQ(c.pools()[0].group_size(), 4);
  c.allocate(*c.first_fit(0, 8));  // node 0: leaf 0 has 3 idle nodes, the others 4
  c.allocate(*c.first_fit(0, 8));  // node 1: leaf 0 has 2
  auto first_fit = c.first_fit(0, 24);  // 3 nodes: 2, 3, 4 straddle leaves 0 and 1
  ASSERT_TRUE(first_fit);
  EXPECT_EQ(first_fit->slices.front().node, 2);
  auto topology = c.topology_fit(0, 24);  // leaf 1 holds it alone
  ASSERT_TRUE(topology);
  ASSERT_EQ(topology->slices.size(), 3u);
  EXPECT_EQ(topology->slices.front().node, 4);
  EXPECT_EQ(topology->slices.back().node, 6);
  auto wide = c.topology_fit(0, 8 * 6);  // 6 nodes: no leaf alone; leaves 1 and 2 (4 idle each)
  ASSERT_TRUE(wide);
  EXPECT_EQ(wide->slices.front().node, 4);
  EXPECT_EQ(wide->slices.back().node, 9);
}

TEST(Cluster, TopologyFitKeepsAJobWiderThanALeafInsideOnePod) {
  std::vector<Site> sites = one_site(8, 8);
  sites[0].fabric.nodes_per_leaf = 2;  // leaves {0,1} {2,3} | {4,5} {6,7}
  sites[0].fabric.leaves_per_pod = 2;  // pods:   leaves 0-1 | leaves 2-3
  Cluster c(sites);
  c.allocate(Placement{0, 1, {{0, 8}}});
  c.allocate(Placement{0, 1, {{5, 8}}});
  // 3 nodes: no leaf holds them, each pod does. Most-idle leaves fleet-wide (1 and 3) would cross
  // pods; the pod-aware choice takes leaf 1 and then leaf 0, all in pod 0.
  auto p = c.topology_fit(0, 24);
  ASSERT_TRUE(p);
  std::set<NodeId> nodes;
  for (const auto& s : p->slices) nodes.insert(s.node);
  EXPECT_EQ(nodes, (std::set<NodeId>{1, 2, 3}));
  for (NodeId n : nodes) EXPECT_EQ(c.pools()[0].pod_of(n), 0);
}

TEST(Cluster, DoubleReleaseIsABug) {
  Cluster c(one_site(1, 8));
  auto p = c.first_fit(0, 8);
  c.allocate(*p);
  c.release(*p);
  EXPECT_THROW(c.release(*p), std::logic_error);
}

}  // namespace
}  // namespace sovsim::sim
