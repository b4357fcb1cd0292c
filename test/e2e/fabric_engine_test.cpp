// test/e2e/fabric_engine_test.cpp — the fluid network through the whole engine (real binary):
// jobs whose placement crosses oversubscribed leaf uplinks get SimGrid's max-min share of them,
// checked against hand-computed end times; a job kept inside its pod is not slowed by another
// pod's traffic; a non-blocking fabric gives a job its undisturbed run time.
//
// Numbers used below: B200 nodes of 8 GPUs with 8 x 400 Gb/s NICs = 400 GB/s per node; two nodes
// per leaf, so a 4:1 leaf uplink carries 2 x 400 / 4 = 200 GB/s. A job of duration D = 1000 s
// with network_fraction f = 0.5 computes for 500 s, then each of its nodes would send
// f x D x 400 GB/s = 2e14 bytes; a leaf holding m of its N nodes sends m (N - m) / (N - 1) of a
// node's bytes up (docs/fabric.md). Flow latencies (2 us) are far below the tolerance.
#include <gtest/gtest.h>

#include <string>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

std::string fabric_scenario(int nodes, int leaves_per_pod, double oversubscription,
                            const std::string& jobs) {
  return "name: fabric\nhorizon: 1d\nsites:\n  - name: s\n    fabric: {nodes_per_leaf: 2, "
         "leaves_per_pod: " +
         std::to_string(leaves_per_pod) +
         ", leaf_uplink_oversubscription: " + std::to_string(oversubscription) +
         "}\n    nodes:\n      - {hardware: B200, count: " + std::to_string(nodes) +
         "}\ntenants:\n  - name: t\nworkload:\n  jobs:\n" + jobs;
}

double end_of(std::map<std::string, CsvRow>& jobs, const std::string& id) {
  return std::stod(jobs[id]["end_s"]);
}

// Nodes 0..3, leaves {0,1} and {2,3}. Short fillers on nodes 0 and 2 end at t=5, long-ish ones on
// 1 and 3 at t=6, so job A (2 nodes) starts at 5 on {0,2} and job B at 6 on {1,3}: each has one
// node per leaf (coefficient 1), both cross both leaf uplinks.
const std::string kInterleaved =
    "    - {id: 1, tenant: t, submit: 0, gpus: 8, duration: 5}\n"
    "    - {id: 2, tenant: t, submit: 0, gpus: 8, duration: 6}\n"
    "    - {id: 3, tenant: t, submit: 0, gpus: 8, duration: 5}\n"
    "    - {id: 4, tenant: t, submit: 0, gpus: 8, duration: 6}\n"
    "    - {id: 10, tenant: t, submit: 1, gpus: 16, duration: 1000, network_fraction: 0.5}\n";
const std::string kSecondJob =
    "    - {id: 11, tenant: t, submit: 1, gpus: 16, duration: 1000, network_fraction: 0.5}\n";

TEST(FabricEngine, JobAloneOnAFourToOneTierIsLimitedByTheUplink) {
  TempDir dir;
  auto jobs = run_scenario_jobs(fabric_scenario(4, 4, 4, kInterleaved), dir);
  ASSERT_EQ(jobs["10"]["start_s"], "5");
  // Compute 500 s, then 2e14 bytes on each 200 GB/s uplink: 1000 s (not the 500 s at NIC speed).
  EXPECT_NEAR(end_of(jobs, "10"), 5 + 500 + 1000, 1e-3);
}

TEST(FabricEngine, TwoJobsOnTheSameFourToOneTierShareItMaxMin) {
  TempDir dir;
  auto jobs = run_scenario_jobs(fabric_scenario(4, 4, 4, kInterleaved + kSecondJob), dir);
  ASSERT_EQ(jobs["10"]["start_s"], "5");
  ASSERT_EQ(jobs["11"]["start_s"], "6");
  // A's flows start at 505 and run alone for 1 s at 200 GB/s (2e11 B); from 506 both jobs share
  // each uplink, 100 GB/s each, so A's remaining 1.998e14 B take 1998 s: A ends at 2504. B has
  // then 2e11 B left, alone again at 200 GB/s: 1 s, B ends at 2505.
  EXPECT_NEAR(end_of(jobs, "10"), 2504, 1e-3);
  EXPECT_NEAR(end_of(jobs, "11"), 2505, 1e-3);
}

TEST(FabricEngine, NonBlockingFabricGivesTheUndisturbedRunTime) {
  TempDir dir;
  // 1:1: each uplink carries 800 GB/s, so even shared (400 GB/s each) the 2e14 B take 500 s,
  // no longer than at NIC speed: both jobs run exactly their duration.
  auto jobs = run_scenario_jobs(fabric_scenario(4, 4, 1, kInterleaved + kSecondJob), dir);
  EXPECT_NEAR(end_of(jobs, "10"), 5 + 1000, 1e-3);
  EXPECT_NEAR(end_of(jobs, "11"), 6 + 1000, 1e-3);
}

// 12 nodes, 6 leaves, 2 leaves per pod. C (4 nodes) fills pod 0 and crosses its two leaf uplinks;
// a filler holds leaf 2; D (4 nodes) lands on leaves 3 and 4, crossing pods 1 and 2.
const std::string kPodJobs =
    "    - {id: 20, tenant: t, submit: 0, gpus: 32, duration: 1000, network_fraction: 0.5}\n"
    "    - {id: 21, tenant: t, submit: 0, gpus: 16, duration: 5000}\n";
const std::string kCrossPodJob =
    "    - {id: 22, tenant: t, submit: 0, gpus: 32, duration: 1000, network_fraction: 0.9}\n";

TEST(FabricEngine, JobInsideItsPodIsNotSlowedByAnotherPodsTraffic) {
  TempDir alone_dir, both_dir;
  auto alone = run_scenario_jobs(fabric_scenario(12, 2, 4, kPodJobs), alone_dir);
  auto both = run_scenario_jobs(fabric_scenario(12, 2, 4, kPodJobs + kCrossPodJob), both_dir);
  // C: 2 of its 4 nodes per leaf, 2 x 2 / 3 = 4/3 of 2e14 B on each 200 GB/s leaf uplink.
  const double c_end = 500 + (4.0 / 3.0) * 2e14 / 2e11;
  EXPECT_NEAR(end_of(alone, "20"), c_end, 1e-3);
  EXPECT_NEAR(end_of(both, "20"), c_end, 1e-3);
  // D does cross shared uplinks: 100 s of compute, then 4/3 x 3.6e14 B on 200 GB/s leaf uplinks.
  EXPECT_NEAR(end_of(both, "22"), 100 + (4.0 / 3.0) * 3.6e14 / 2e11, 1e-3);
}

}  // namespace
}  // namespace sovsim::test
