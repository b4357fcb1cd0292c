// test/models/collectives_test.cpp — alpha-beta collective costs over tiers: textbook volumes,
// which tier the bytes cross, and that more bandwidth never costs time.
#include "models/collectives.hpp"

#include <gtest/gtest.h>

namespace sovsim::models {
namespace {

constexpr Efficiency kIdeal{1.0, 1.0, 1.0, 1.0};

Placement two_tiers(int inner, int outer, double inner_bw, double outer_bw) {
  return Placement{{{"scaleup", inner, inner_bw, 1e-6}, {"scaleout", outer, outer_bw, 5e-6}}};
}

TEST(Collectives, SingleDeviceCostsNothing) {
  auto c = collective(CollectiveOp::kAllReduce, 1e9, two_tiers(1, 1, 1e11, 1e10));
  EXPECT_EQ(c.time_s, 0);
}

TEST(Collectives, RingAllReduceMovesTwiceNMinusOneOverN) {
  // 8 devices on one 100 GB/s tier: 2 * 7/8 * 1 GB / 100 GB/s + 14 latency steps.
  Placement p{{{"scaleup", 8, 100e9, 1e-6}}};
  auto c = collective(CollectiveOp::kAllReduce, 1e9, p, Algorithm::kRing, kIdeal);
  EXPECT_NEAR(c.time_s, 2 * 7.0 / 8 * 1e9 / 100e9 + 14e-6, 1e-12);
  ASSERT_EQ(c.bytes_per_tier.size(), 1u);
  EXPECT_NEAR(c.bytes_per_tier[0], 2 * 7.0 / 8 * 1e9, 1);
  auto rs = collective(CollectiveOp::kReduceScatter, 1e9, p, Algorithm::kRing, kIdeal);
  auto ag = collective(CollectiveOp::kAllGather, 1e9, p, Algorithm::kRing, kIdeal);
  EXPECT_NEAR(rs.time_s + ag.time_s, c.time_s, 1e-12);
}

TEST(Collectives, EfficiencyDeratesBandwidth) {
  Placement p{{{"scaleup", 8, 100e9, 0}}};
  auto ideal = collective(CollectiveOp::kAllReduce, 1e9, p, Algorithm::kRing, kIdeal);
  auto real = collective(CollectiveOp::kAllReduce, 1e9, p, Algorithm::kRing);
  EXPECT_NEAR(real.time_s, ideal.time_s / kEfficiency.network, 1e-12);
}

TEST(Collectives, HierarchicalSendsOnlyAShardAcrossTheSlowTier) {
  // 4 nodes x 8 GPUs: inside a node 450 GB/s, across nodes 50 GB/s per GPU.
  const Placement p = two_tiers(8, 4, 450e9, 50e9);
  auto h = collective(CollectiveOp::kAllReduce, 8e9, p, Algorithm::kHierarchical, kIdeal);
  auto r = collective(CollectiveOp::kAllReduce, 8e9, p, Algorithm::kRing, kIdeal);
  EXPECT_LT(h.time_s, r.time_s);
  EXPECT_NEAR(h.bytes_per_tier[1], 2 * 3.0 / 4 * 1e9, 1);  // 1/8 shard all-reduced over 4 nodes
  auto best = collective(CollectiveOp::kAllReduce, 8e9, p, Algorithm::kBest, kIdeal);
  EXPECT_LE(best.time_s, h.time_s);
  // A flat ring over 32 devices: 4 of its 32 edges leave a node.
  EXPECT_NEAR(r.bytes_per_tier[1], 2 * 31.0 / 32 * 8e9 * 4 / 32, 1);
}

TEST(Collectives, TreeWinsForSmallMessagesOnManyDevices) {
  Placement p{{{"scaleout", 512, 50e9, 5e-6}}};
  auto ring = collective(CollectiveOp::kAllReduce, 1e4, p, Algorithm::kRing);
  auto tree = collective(CollectiveOp::kAllReduce, 1e4, p, Algorithm::kTree);
  EXPECT_LT(tree.time_s, ring.time_s);
  EXPECT_LE(collective(CollectiveOp::kAllReduce, 1e4, p).time_s, tree.time_s);
}

TEST(Collectives, AllToAllBytesSplitByDestination) {
  const Placement p = two_tiers(8, 4, 450e9, 50e9);
  auto c = collective(CollectiveOp::kAllToAll, 32e6, p);
  EXPECT_NEAR(c.bytes_per_tier[0], 32e6 * 7 / 32, 1);   // to the 7 others in the domain
  EXPECT_NEAR(c.bytes_per_tier[1], 32e6 * 24 / 32, 1);  // to the 24 outside
}

TEST(Collectives, MoreBandwidthIsNeverSlower) {
  for (auto op : {CollectiveOp::kAllReduce, CollectiveOp::kReduceScatter, CollectiveOp::kAllGather,
                  CollectiveOp::kAllToAll}) {
    for (double bytes : {1e3, 1e6, 1e9}) {
      double previous = 1e300;
      for (double scale : {0.5, 1.0, 2.0, 4.0}) {
        auto c = collective(op, bytes, two_tiers(8, 16, 450e9 * scale, 50e9 * scale));
        EXPECT_LE(c.time_s, previous) << static_cast<int>(op) << " " << bytes;
        previous = c.time_s;
      }
    }
  }
}

TEST(Collectives, PlacementForFollowsTheScaleUpDomain) {
  Hardware hgx;
  hgx.scaleup_domain = 8;
  hgx.scaleup_bw_bytes_per_s = 450e9;
  hgx.nic_bw_bytes_per_s = 50e9;
  // TP 8: one domain. DP of 16 with stride 2: 4 per domain, 4 domains. Stride 8: 1 per domain.
  EXPECT_EQ(placement_for(hgx, 8, 1).tiers[0].fan_in, 8);
  EXPECT_EQ(placement_for(hgx, 8, 1).tiers[1].fan_in, 1);
  EXPECT_EQ(placement_for(hgx, 16, 2).tiers[0].fan_in, 4);
  EXPECT_EQ(placement_for(hgx, 16, 2).tiers[1].fan_in, 4);
  EXPECT_EQ(placement_for(hgx, 16, 8).tiers[0].fan_in, 1);
  EXPECT_EQ(placement_for(hgx, 16, 8).size(), 16);
  EXPECT_EQ(hop_tier(hgx, 4).name, "scaleup");
  EXPECT_EQ(hop_tier(hgx, 8).name, "scaleout");
  EXPECT_DOUBLE_EQ(p2p_time_s(50e9, hop_tier(hgx, 8), kIdeal), 1.0 + kScaleoutLatency_s);
}

}  // namespace
}  // namespace sovsim::models
