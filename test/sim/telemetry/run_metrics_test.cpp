// test/sim/telemetry/run_metrics_test.cpp — the metric formulas against hand-computed values.
#include "sim/telemetry/run_metrics.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

TEST(RunMetrics, PercentileInterpolatesLikeNumpy) {
  const std::vector<double> v{1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(percentile(v, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(percentile(v, 0.95), 3.85);
  EXPECT_DOUBLE_EQ(percentile(v, 0), 1);
  EXPECT_DOUBLE_EQ(percentile(v, 1), 4);
  EXPECT_DOUBLE_EQ(percentile({}, 0.5), 0);
}

TEST(RunMetrics, SampleStats) {
  auto s = sample_stats({5, 1, 3});
  EXPECT_DOUBLE_EQ(s.mean, 3);
  EXPECT_DOUBLE_EQ(s.p50, 3);
  EXPECT_DOUBLE_EQ(s.max, 5);
}

TEST(RunMetrics, BoundedSlowdownUsesTenSecondBound) {
  EXPECT_DOUBLE_EQ(bounded_slowdown(0, 100), 1.0);
  EXPECT_DOUBLE_EQ(bounded_slowdown(100, 100), 2.0);
  EXPECT_DOUBLE_EQ(bounded_slowdown(20, 1), 2.1);   // (20 + 1) / 10
  EXPECT_DOUBLE_EQ(bounded_slowdown(0, 0), 1.0);    // never below 1
}

TEST(RunMetrics, JainIndexBounds) {
  EXPECT_DOUBLE_EQ(jain_index({1, 1, 1}), 1.0);
  EXPECT_DOUBLE_EQ(jain_index({1, 0, 0, 0}), 0.25);
  EXPECT_DOUBLE_EQ(jain_index({1, 3}), 16.0 / 20.0);
  EXPECT_DOUBLE_EQ(jain_index({}), 1.0);
}

}  // namespace
}  // namespace sovsim::sim
