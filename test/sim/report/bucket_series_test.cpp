// test/sim/report/bucket_series_test.cpp — downsampling step functions into buckets keeps their
// integral and their peaks; CDF ranks are evenly spaced and keep both ends.
#include "sim/report/bucket_series.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

TEST(BucketSeries, OverlapsSplitAnIntervalAcrossBuckets) {
  const BucketGrid grid(0, 100, 4);  // buckets of 25 s
  std::vector<std::pair<size_t, double>> seen;
  grid.for_each_overlap(10, 60, [&](size_t i, double s) { seen.emplace_back(i, s); });
  EXPECT_EQ(seen, (std::vector<std::pair<size_t, double>>{{0, 15}, {1, 25}, {2, 10}}));
  seen.clear();
  grid.for_each_overlap(-50, 10, [&](size_t i, double s) { seen.emplace_back(i, s); });
  EXPECT_EQ(seen, (std::vector<std::pair<size_t, double>>{{0, 10}}));  // before t0: ignored
  seen.clear();
  grid.for_each_overlap(90, 500, [&](size_t i, double s) { seen.emplace_back(i, s); });
  EXPECT_EQ(seen, (std::vector<std::pair<size_t, double>>{{3, 10}}));  // past t1: ignored
  seen.clear();
  grid.for_each_overlap(30, 30, [&](size_t i, double s) { seen.emplace_back(i, s); });
  EXPECT_TRUE(seen.empty());  // zero length
}

TEST(BucketSeries, DownsamplingKeepsTheIntegralAndThePeak) {
  // 1,000,000 one-second steps into 1000 buckets: a single 1 s spike to 500 in a flat series.
  const BucketGrid grid(0, 1e6, kMaxBuckets);
  std::vector<double> times, values;
  for (int t = 0; t < 1'000'000; ++t) {
    times.push_back(t);
    values.push_back(t == 123'456 ? 500.0 : 10.0);
  }
  BucketedValue busy(grid.size());
  add_step_function(grid, times, values, 1e6, busy);
  ASSERT_EQ(busy.size(), 1000u);
  double integral = 0, top = 0;
  for (size_t i = 0; i < busy.size(); ++i) {
    integral += busy.integral(i);
    top = std::max(top, busy.peak(i));
  }
  EXPECT_DOUBLE_EQ(integral, 10.0 * 1e6 + 490.0);
  EXPECT_DOUBLE_EQ(top, 500);  // the spike survives as the peak of its bucket...
  EXPECT_DOUBLE_EQ(busy.peak(123), 500);
  EXPECT_NEAR(busy.mean(123, grid.width()), 10.49, 1e-9);  // ...while the mean barely moves
  EXPECT_DOUBLE_EQ(busy.peak(124), 10);
}

TEST(BucketSeries, StepFunctionHoldsItsLastValueToTheEnd) {
  const BucketGrid grid(0, 40, 4);
  BucketedValue v(grid.size());
  add_step_function(grid, {0, 15}, {2, 6}, 40, v);
  const std::vector<double> means = v.means(grid);
  EXPECT_EQ(means, (std::vector<double>{2, 4, 6, 6}));  // bucket 1: 5 s at 2, 5 s at 6
  EXPECT_EQ(v.peaks(), (std::vector<double>{2, 6, 6, 6}));
}

TEST(BucketSeries, EmptyGridHasNoBuckets) {
  const BucketGrid grid(0, 0, kMaxBuckets);
  EXPECT_EQ(grid.size(), 0u);
  int calls = 0;
  grid.for_each_overlap(0, 10, [&](size_t, double) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(BucketSeries, SpacedRanksAreEvenAndKeepBothEnds) {
  EXPECT_EQ(spaced_ranks(0, 5), std::vector<size_t>{});
  EXPECT_EQ(spaced_ranks(1, 5), std::vector<size_t>{0});
  EXPECT_EQ(spaced_ranks(3, 5), (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(spaced_ranks(101, 5), (std::vector<size_t>{0, 25, 50, 75, 100}));
  const auto many = spaced_ranks(1'000'000, 500);
  EXPECT_EQ(many.size(), 500u);
  EXPECT_EQ(many.front(), 0u);
  EXPECT_EQ(many.back(), 999'999u);
}

}  // namespace
}  // namespace sovsim::sim
