// test/sim/report/chart_scale_test.cpp — nice tick steps, tick labels, duration ticks and the map
// from data to pixels, against hand-worked values.
#include "sim/report/chart_scale.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

TEST(ChartScale, NiceStepIsOneTwoOrFiveTimesAPowerOfTen) {
  EXPECT_DOUBLE_EQ(nice_step(0.7), 1);
  EXPECT_DOUBLE_EQ(nice_step(1), 1);
  EXPECT_DOUBLE_EQ(nice_step(1.2), 2);
  EXPECT_DOUBLE_EQ(nice_step(3), 5);
  EXPECT_DOUBLE_EQ(nice_step(7), 10);
  EXPECT_DOUBLE_EQ(nice_step(26000), 50000);
  EXPECT_DOUBLE_EQ(nice_step(0.013), 0.02);
  EXPECT_DOUBLE_EQ(nice_step(0), 1);  // degenerate input: a usable step
}

TEST(ChartScale, NiceTicksCoverTheRangeWithWholeSteps) {
  const Ticks t = nice_ticks(0, 143, 6);  // 143 / 5 = 28.6 -> step 50
  EXPECT_DOUBLE_EQ(t.step, 50);
  EXPECT_DOUBLE_EQ(t.lo, 0);
  EXPECT_DOUBLE_EQ(t.hi, 150);
  EXPECT_EQ(t.values, (std::vector<double>{0, 50, 100, 150}));
  const Ticks exact = nice_ticks(0, 100, 6);  // an exact multiple is not widened
  EXPECT_DOUBLE_EQ(exact.hi, 100);
  EXPECT_EQ(exact.values.size(), 6u);
  const Ticks tenths = nice_ticks(0, 0.3, 4);  // 0.3 / 0.1 is 2.9999999999999996
  EXPECT_DOUBLE_EQ(tenths.hi, 0.30000000000000004);
  EXPECT_EQ(tenths.values.size(), 4u);
  const Ticks empty = nice_ticks(5, 5);
  EXPECT_GT(empty.hi, empty.lo);
}

TEST(ChartScale, TickLabelsHaveTheStepsDecimalsAndSeparators) {
  EXPECT_EQ(tick_label(0.4, 0.2), "0.4");
  EXPECT_EQ(tick_label(0.05, 0.05), "0.05");
  EXPECT_EQ(tick_label(0.3, 0.1), "0.3");
  EXPECT_EQ(tick_label(25000, 5000), "25,000");
  EXPECT_EQ(tick_label(2e6, 5e5), "2.0 M");
  EXPECT_EQ(tick_label(3e7, 1e7), "30 M");
  EXPECT_EQ(tick_label(0, 1e7), "0");
}

TEST(ChartScale, DurationTicksStopAtTheFirstAboveTheMaximum) {
  EXPECT_EQ(duration_ticks(5 * 3600.0), (std::vector<double>{1, 10, 60, 600, 3600, 21600}));
  EXPECT_EQ(duration_ticks(0).back(), 3600);  // at least an hour
  EXPECT_EQ(duration_tick_label(600), "10 min");
  EXPECT_EQ(duration_tick_label(7 * 86400.0), "7 d");
}

TEST(ChartScale, ScaleMapsLinearlyAndLogarithmically) {
  const Scale y{0, 100, 300, 100};  // a y axis: 0 at the bottom (300 px)
  EXPECT_DOUBLE_EQ(y(0), 300);
  EXPECT_DOUBLE_EQ(y(50), 200);
  EXPECT_DOUBLE_EQ(y(100), 100);
  const Scale log{1, 10000, 0, 400, true};
  EXPECT_DOUBLE_EQ(log(100), 200);
  EXPECT_DOUBLE_EQ(log(0), 0);  // below the range: drawn at its start
}

}  // namespace
}  // namespace sovsim::sim
