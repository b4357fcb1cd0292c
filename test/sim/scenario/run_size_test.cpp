// test/sim/scenario/run_size_test.cpp — the up-front run-size estimate: generated jobs (rate x
// window, capped by count) and fleet nodes, refused beyond the limits with a message that gives
// the estimate and names --force.
#include "sim/scenario/run_size.hpp"

#include <gtest/gtest.h>

#include "sim/scenario/limits.hpp"

namespace sovsim::sim {
namespace {

Scenario with_generator(double rate_per_hour, double horizon_s) {
  Scenario s;
  s.file = "s.yaml";
  s.horizon_s = horizon_s;
  JobGenerator g;
  g.rate_per_s = rate_per_hour / 3600;
  g.start_s = 0;
  g.end_s = horizon_s;
  s.workload.generators.push_back(g);
  s.sites.push_back(Site{});
  s.sites[0].nodes.push_back(NodeGroup{"H100", 4, 8});
  return s;
}

constexpr double kYear_s = 365 * 86400.0;

TEST(RunSize, ExpectedJobsIsRateTimesWindowCappedByCount) {
  Scenario s = with_generator(10, kYear_s);
  EXPECT_DOUBLE_EQ(expected_generated_jobs(s), 87600);
  s.workload.generators[0].start_s = kYear_s / 2;
  EXPECT_DOUBLE_EQ(expected_generated_jobs(s), 43800);
  s.workload.generators[0].max_jobs = 100;
  EXPECT_DOUBLE_EQ(expected_generated_jobs(s), 100);
  s.workload.generators[0].start_s = 2 * kYear_s;  // starts after the horizon
  EXPECT_DOUBLE_EQ(expected_generated_jobs(s), 0);
}

TEST(RunSize, SaneRunsPass) {
  EXPECT_TRUE(check_run_size(with_generator(5000, kYear_s)).empty());  // 43.8 M jobs
}

TEST(RunSize, AbsurdJobCountIsRefusedWithTheEstimate) {
  const Diagnostics d = check_run_size(with_generator(10000, 10 * kYear_s));  // 876 M jobs
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].key, "workload.generators");
  EXPECT_NE(d[0].message.find("about 876.0 million jobs over the 3650d horizon"), std::string::npos)
      << d[0].message;
  EXPECT_NE(d[0].message.find("438 GB"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("--force"), std::string::npos);
}

TEST(RunSize, TooManyNodesIsRefused) {
  Scenario s = with_generator(1, kYear_s);
  s.sites[0].nodes[0].count = kMaxNodesPerGroup;
  s.sites.push_back(s.sites[0]);
  const Diagnostics d = check_run_size(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].key, "sites");
  EXPECT_NE(d[0].message.find("20000000 nodes"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("--force"), std::string::npos);
}

}  // namespace
}  // namespace sovsim::sim
