// test/sim/chrome_trace/track_layout_test.cpp — one track per node up to the limit, else the
// finest of NVLink domains, leaves, pods and sites that fits; names count within their site.
#include "sim/chrome_trace/track_layout.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

// Site a: 40 HGX H100 nodes, 4 per leaf, 2 leaves per pod (10 leaves, 5 pods).
// Site b: 36 GB200 trays of 4 GPUs in NVL72 domains of 18 trays, 32 per leaf (2 leaves, 1 pod).
std::vector<Site> two_sites() {
  Site a;
  a.name = "a";
  a.fabric.nodes_per_leaf = 4;
  a.fabric.leaves_per_pod = 2;
  a.nodes.push_back({"H100", 40, 8});
  Site b;
  b.name = "b";
  b.fabric.nodes_per_leaf = 32;
  NodeGroup nvl{"GB200", 36, 4};
  nvl.scaleup_domain = 72;
  b.nodes.push_back(nvl);
  return {a, b};
}

TEST(ChromeTraceTracks, FoldsNodesIntoTheFinestLevelWithinTheLimit) {
  const Cluster cluster(two_sites());
  struct Case {
    size_t limit;
    TrackLevel level;
    size_t tracks;
  };
  for (const Case& c : {Case{76, TrackLevel::kNode, 40 + 36}, Case{75, TrackLevel::kDomain, 40 + 2},
                        Case{41, TrackLevel::kLeaf, 10 + 2}, Case{11, TrackLevel::kPod, 5 + 1},
                        Case{5, TrackLevel::kSite, 2}, Case{1, TrackLevel::kSite, 2}}) {
    const TrackLayout layout(cluster, c.limit);
    EXPECT_EQ(layout.level(), c.level) << "limit " << c.limit;
    ASSERT_EQ(layout.tracks().size(), c.tracks) << "limit " << c.limit;
    int64_t nodes = 0;
    for (const Track& t : layout.tracks()) nodes += t.nodes;
    EXPECT_EQ(nodes, cluster.node_count());
    for (const Pool& pool : cluster.pools()) {
      for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
        EXPECT_EQ(layout.tracks()[layout.track_of(n)].site, pool.site);
      }
    }
  }
}

TEST(ChromeTraceTracks, NamesCountWithinTheirSite) {
  const Cluster cluster(two_sites());
  const TrackLayout nodes(cluster, 1000);
  EXPECT_EQ(nodes.tracks()[nodes.track_of(0)].name, "node 0 · H100");
  EXPECT_EQ(nodes.tracks()[nodes.track_of(40)].name, "node 0 · GB200");  // site b's first
  const TrackLayout domains(cluster, 50);
  EXPECT_EQ(domains.tracks()[domains.track_of(39)].name, "node 39 · H100");  // its own domain
  EXPECT_EQ(domains.tracks()[domains.track_of(40 + 18)].name, "domain 1 · GB200 (18 nodes)");
  const TrackLayout leaves(cluster, 20);
  EXPECT_EQ(leaves.tracks()[leaves.track_of(5)].name, "leaf 1 · H100 (4 nodes)");
  EXPECT_EQ(leaves.tracks()[leaves.track_of(40 + 35)].name, "leaf 1 · GB200 (4 nodes)");  // 36 - 32
}

}  // namespace
}  // namespace sovsim::sim
