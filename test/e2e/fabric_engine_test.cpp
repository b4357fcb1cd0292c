// test/e2e/fabric_engine_test.cpp — the fluid network through the whole engine (real binary):
// jobs whose placement crosses oversubscribed leaf uplinks get SimGrid's max-min share of them,
// checked against hand-computed end times; a job kept inside its pod is not slowed by another
// pod's traffic; a non-blocking fabric gives a job its undisturbed run time.
//
// The scenarios and the numbers behind the hand-computed times: test/support/fabric_scenarios.hpp.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "test/support/fabric_scenarios.hpp"
#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

TEST(FabricEngine, JobAloneOnAFourToOneTierIsLimitedByTheUplink) {
  TempDir dir;
  auto jobs = run_scenario_jobs(fabric_scenario(4, 4, 4, kInterleaved), dir);
  ASSERT_EQ(jobs["10"]["start_s"], "5");
  // Compute 500 s, then 2e14 bytes on each 200 GB/s uplink: 1000 s (not the 500 s at NIC speed).
  EXPECT_NEAR(end_of(jobs, "10"), 5 + 500 + 1000, 1e-3);
  // Alone on its links, it needed no SimGrid flow at all.
  auto summary = nlohmann::json::parse(read_file(dir / "out/summary.json"));
  EXPECT_EQ(summary["network"]["flows"].get<int>(), 0);
}

TEST(FabricEngine, TwoJobsOnTheSameFourToOneTierShareItMaxMin) {
  TempDir dir;
  auto jobs = run_scenario_jobs(fabric_scenario(4, 4, 4, kInterleaved + kSecondJob), dir);
  ASSERT_EQ(jobs["10"]["start_s"], "5");
  ASSERT_EQ(jobs["11"]["start_s"], "6");
  // A's transfers start at 505 alone (timed analytically, no flow) for 1 s at 200 GB/s (2e11 B);
  // at 506 B's start turns what A has left into SimGrid flows (share_link), and both jobs share
  // each uplink, 100 GB/s each, so A's remaining 1.998e14 B take 1998 s: A ends at 2504. B has
  // then 2e11 B left, alone again at 200 GB/s: 1 s, B ends at 2505.
  EXPECT_NEAR(end_of(jobs, "10"), 2504, 1e-3);
  EXPECT_NEAR(end_of(jobs, "11"), 2505, 1e-3);
  // Their communication took 1999 s instead of 500 s at NIC speed: 1499 s of stretch each.
  EXPECT_NEAR(std::stod(jobs["10"]["network_stretch_s"]), 1499, 1e-3);
  EXPECT_NEAR(std::stod(jobs["11"]["network_stretch_s"]), 1499, 1e-3);
  // Two flows for what A had left, two for B.
  auto summary = nlohmann::json::parse(read_file(dir / "out/summary.json"));
  EXPECT_EQ(summary["network"]["flows"].get<int>(), 4);
  // The fabric's cost in GPU-hours: 2 jobs x 1499 s x 16 GPUs, all of it the one tenant's.
  EXPECT_NEAR(summary["network"]["stretch_gpu_hours"].get<double>(), 2 * 1499.0 * 16 / 3600, 1e-5);
  EXPECT_NEAR(summary["tenants"][0]["network_stretch_gpu_hours"].get<double>(),
              2 * 1499.0 * 16 / 3600, 1e-5);
}

TEST(FabricEngine, NonBlockingFabricGivesTheUndisturbedRunTime) {
  TempDir dir;
  // 1:1: each uplink carries 800 GB/s, so even shared (400 GB/s each) the 2e14 B take 500 s,
  // no longer than at NIC speed: both jobs run exactly their duration.
  auto jobs = run_scenario_jobs(fabric_scenario(4, 4, 1, kInterleaved + kSecondJob), dir);
  EXPECT_NEAR(end_of(jobs, "10"), 5 + 1000, 1e-3);
  EXPECT_NEAR(end_of(jobs, "11"), 6 + 1000, 1e-3);
  EXPECT_NEAR(std::stod(jobs["10"]["network_stretch_s"]), 0, 1e-3);
}

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
