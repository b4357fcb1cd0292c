// test/sim/engine/hbm_sharing_test.cpp — partitioned node groups in the cluster (slots, physical
// GPUs, who may run there) and the max-min sharing of a shared GPU's HBM bandwidth.
#include "sim/engine/hbm_sharing.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

// One site: 2 nodes of 2 GPUs shared 4 ways, then 1 node of 2 GPUs split in 7 MIG instances,
// then 1 whole-GPU node of 2.
std::vector<Site> partitioned_site() {
  Site s;
  s.name = "s";
  NodeGroup shared{"H100", 2, 2};
  shared.slots_per_gpu = 4;
  shared.slot_fraction = 0.25;
  NodeGroup mig{"H100", 1, 2};
  mig.mig = "1g.10gb";
  mig.slots_per_gpu = 7;
  mig.slot_fraction = 1.0 / 7;
  mig.isolated = true;
  s.nodes = {shared, mig, NodeGroup{"H100", 1, 2}};
  return {s};
}

TEST(MaxMinShares, DemandsThatFitAreMetAndTheRestSplitEqually) {
  EXPECT_EQ(max_min_shares({0.2, 0.3}), (std::vector<double>{0.2, 0.3}));
  const auto shares = max_min_shares({0.9, 0.1, 0.9});
  EXPECT_DOUBLE_EQ(shares[1], 0.1);  // below its fair third: all of it
  EXPECT_DOUBLE_EQ(shares[0], 0.45);
  EXPECT_DOUBLE_EQ(shares[2], 0.45);
  double sum = 0;
  for (double s : max_min_shares({0.6, 0.6, 0.6, 0.6})) sum += s;
  EXPECT_NEAR(sum, 1.0, 1e-12);  // never more than the GPU's bandwidth
}

TEST(PartitionedGroups, CountSlotsForPlacementAndGpusForCapacity) {
  Cluster c(partitioned_site());
  const Pool& shared = c.pools()[0];
  EXPECT_EQ(shared.gpus_per_node, 8);  // 2 GPUs × 4 slots
  EXPECT_EQ(shared.physical_gpus_per_node(), 2);
  EXPECT_EQ(c.pools()[1].gpus_per_node, 14);
  EXPECT_EQ(c.total_gpus(), 8);  // physical: 2×2 + 2 + 2
  EXPECT_EQ(c.free_gpus(0), 16);
  EXPECT_EQ(c.open_gpus(), 8);
  auto p = c.first_fit(0, 1);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->slots_per_gpu, 4);
  EXPECT_DOUBLE_EQ(p->gpu_equivalent(), 0.25);
  EXPECT_DOUBLE_EQ(c.first_fit(2, 1)->gpu_equivalent(), 1.0);
}

TEST(PartitionedGroups, TakeOnlySharesThatFitOneSlot) {
  Cluster c(partitioned_site());
  EXPECT_TRUE(c.pools()[0].accepts(0.25));
  EXPECT_FALSE(c.pools()[0].accepts(0.5));  // more than a slot
  EXPECT_FALSE(c.pools()[0].accepts(0));    // whole GPUs go elsewhere
  EXPECT_TRUE(c.pools()[1].accepts(0.1));
  EXPECT_FALSE(c.pools()[1].accepts(0.25));  // 1g is 1/7 of the SMs
  EXPECT_TRUE(c.pools()[2].accepts(0.5));    // a whole GPU for a share
  EXPECT_TRUE(c.pools()[2].accepts(0));
}

TEST(HbmSharing, SpreadsJobsOverTheNodesGpusAndSlowsOnlyWhenDemandsExceedTheBandwidth) {
  Cluster c(partitioned_site());
  HbmSharing hbm(c);
  EXPECT_TRUE(hbm.tracks(0));
  EXPECT_FALSE(hbm.tracks(1));  // MIG: isolated
  EXPECT_FALSE(hbm.tracks(2));
  const Placement on_node0{0, 4, {NodeSlice{0, 1}}};
  std::vector<HbmSharing::SpeedChange> changed;
  hbm.add(1, on_node0, 0.6, changed);
  hbm.add(2, on_node0, 0.6, changed);  // the node's other GPU: no contention yet
  EXPECT_TRUE(changed.empty());
  hbm.add(3, on_node0, 0.6, changed);  // back on GPU 0 with job 1: 1.2 > 1
  EXPECT_DOUBLE_EQ(hbm.speed(1), 0.5 / 0.6);
  EXPECT_DOUBLE_EQ(hbm.speed(3), 0.5 / 0.6);
  EXPECT_DOUBLE_EQ(hbm.speed(2), 1.0);
  EXPECT_EQ(changed.size(), 2u);
  changed.clear();
  hbm.add(4, on_node0, 0.1, changed);  // GPU 1 with job 2: 0.7, nobody slows
  EXPECT_DOUBLE_EQ(hbm.speed(4), 1.0);
  EXPECT_TRUE(changed.empty());
  hbm.remove(3, changed);  // job 1 has GPU 0 to itself again
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].first, 1u);
  EXPECT_DOUBLE_EQ(changed[0].second, 1.0);
  EXPECT_EQ(hbm.tracked(), 3u);
}

}  // namespace
}  // namespace sovsim::sim
