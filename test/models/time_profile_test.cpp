// test/models/time_profile_test.cpp — TimeProfile: constant profiles, value lookup with offset
// and negative times, and the O(1) integral against a second-by-second sum that indexes the
// values with integer arithmetic (independent of the prefix sums), across midnight, across many
// periods, late in a year, with offsets, steps other than an hour, and reversed bounds.
#include "models/time_profile.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace sovsim::models {
namespace {

// 24 distinct hourly values (a made-up day: low at night, peak in the afternoon).
std::vector<double> day_values() {
  std::vector<double> v;
  for (int h = 0; h < 24; ++h) v.push_back(100 + 7 * h - 0.25 * h * h + (h % 3));
  return v;
}

// Σ over whole seconds s in [t0, t1) of the value in force during that second, for integer
// step and offset: values[((s + offset) div step) mod n].
double brute_force(const std::vector<double>& v, int64_t step_s, int64_t offset_s, int64_t t0,
                   int64_t t1) {
  const auto n = static_cast<int64_t>(v.size());
  double sum = 0;
  for (int64_t s = t0; s < t1; ++s) {
    int64_t phase = s + offset_s;
    int64_t step = (phase >= 0 ? phase : phase - step_s + 1) / step_s;  // floor division
    sum += v[static_cast<size_t>(((step % n) + n) % n)];
  }
  return sum;
}

TEST(TimeProfile, ConstantIsExactEverywhere) {
  const TimeProfile c = TimeProfile::constant(182.7);
  EXPECT_TRUE(c.is_constant());
  EXPECT_EQ(c.at(-1e9), 182.7);
  EXPECT_EQ(c.at(12345.6), 182.7);
  EXPECT_EQ(c.mean(), 182.7);
  EXPECT_EQ(c.integral(0, 3600), 182.7 * 3600);
  EXPECT_EQ(c.integral(1e7, 1e7 + 0.5), 182.7 * 0.5);
  EXPECT_EQ(c.integral(3600, 0), -182.7 * 3600);
  const TimeProfile zero;
  EXPECT_EQ(zero.at(5), 0);
  EXPECT_EQ(zero.integral(0, 1e6), 0);
}

TEST(TimeProfile, ValueAtStepsWrapsAndGoesBackwards) {
  const auto v = day_values();
  const TimeProfile p(v);
  EXPECT_DOUBLE_EQ(p.period_s(), 86400);
  EXPECT_EQ(p.at(0), v[0]);
  EXPECT_EQ(p.at(3599.9), v[0]);
  EXPECT_EQ(p.at(3600), v[1]) << "a step's start belongs to that step";
  EXPECT_EQ(p.at(23 * 3600 + 1800), v[23]);
  EXPECT_EQ(p.at(86400), v[0]);
  EXPECT_EQ(p.at(10 * 86400 + 5 * 3600), v[5]);
  EXPECT_EQ(p.at(-1), v[23]);
  EXPECT_EQ(p.at(-86400 - 3600), v[23]);
  double mean = 0;
  for (double x : v) mean += x / 24;
  EXPECT_NEAR(p.mean(), mean, 1e-12);
}

TEST(TimeProfile, IntegralAcrossMidnightByHand) {
  const auto v = day_values();
  const TimeProfile p(v);
  // 23:30 to 00:30 the next day: half an hour of hour 23, half an hour of hour 0.
  EXPECT_NEAR(p.integral(23.5 * 3600, 24.5 * 3600), 1800 * (v[23] + v[0]), 1e-9);
  // Inside one step.
  EXPECT_NEAR(p.integral(7 * 3600 + 100, 7 * 3600 + 700), 600 * v[7], 1e-9);
  // Exactly one period from anywhere: the sum of the day.
  double day = 0;
  for (double x : v) day += 3600 * x;
  EXPECT_NEAR(p.integral(12345, 12345 + 86400), day, 1e-7);
  EXPECT_NEAR(p.integral(0, 86400), day, 1e-7);
}

TEST(TimeProfile, IntegralMatchesSecondBySecondSum) {
  const auto v = day_values();
  const TimeProfile p(v);
  // Intervals that start and end mid-step, within a day, across midnight, over many days, and
  // before time 0.
  const int64_t cases[][2] = {{0, 1},       {82800 + 1234, 86400 + 4321},
                              {3599, 3601}, {5000, 5000 + 7 * 86400 + 12345},
                              {-90000, 17}, {30 * 86400 + 11, 33 * 86400 + 40000}};
  for (const auto& [t0, t1] : cases) {
    const double expect = brute_force(v, 3600, 0, t0, t1);
    EXPECT_NEAR(p.integral(t0, t1), expect, 1e-10 * std::abs(expect) + 1e-9) << t0 << ".." << t1;
  }
}

TEST(TimeProfile, OffsetPlacesTimeZeroInThePeriod) {
  const auto v = day_values();
  const TimeProfile shifted(v, 3600, 9 * 3600);  // the scenario starts at 09:00
  EXPECT_EQ(shifted.at(0), v[9]);
  EXPECT_EQ(shifted.at(15 * 3600), v[0]);  // midnight, 15 h after the start
  EXPECT_NEAR(shifted.integral(0, 3600), 3600 * v[9], 1e-9);
  const TimeProfile plain(v);
  for (const auto& [t0, t1] : {std::pair{0, 50000}, std::pair{1234, 300000}}) {
    EXPECT_NEAR(shifted.integral(t0, t1), plain.integral(t0 + 9 * 3600, t1 + 9 * 3600), 1e-7);
    EXPECT_NEAR(shifted.integral(t0, t1), brute_force(v, 3600, 9 * 3600, t0, t1), 1e-7);
  }
  // An offset of a whole period changes nothing; a negative offset counts backwards.
  const TimeProfile wrapped(v, 3600, 86400 + 9 * 3600), back(v, 3600, -15 * 3600);
  EXPECT_NEAR(wrapped.integral(100, 200000), shifted.integral(100, 200000), 1e-7);
  EXPECT_NEAR(back.integral(100, 200000), shifted.integral(100, 200000), 1e-7);
  EXPECT_EQ(back.at(0), v[9]);
}

TEST(TimeProfile, ReversedBoundsGiveTheNegative) {
  const TimeProfile p(day_values(), 3600, 7200);
  for (const auto& [t0, t1] : {std::pair{100.5, 90000.25}, std::pair{-5000.0, 3.0e6}}) {
    EXPECT_EQ(p.integral(t1, t0), -p.integral(t0, t1));
    EXPECT_LT(p.integral(t1, t0), 0);
  }
  EXPECT_EQ(p.integral(777, 777), 0);
}

TEST(TimeProfile, WeeklyHalfHourStepsAndLateTimes) {
  // 168 values of 30 minutes: a period of 3.5 days, not a multiple of a day.
  std::vector<double> v;
  for (int i = 0; i < 168; ++i) v.push_back(0.3 + 0.001 * ((i * 37) % 101));
  const TimeProfile p(v, 1800, 4 * 1800);
  EXPECT_DOUBLE_EQ(p.period_s(), 168 * 1800);
  const int64_t t0 = 1000003, t1 = t0 + 9 * 168 * 1800 + 7777;
  const double expect = brute_force(v, 1800, 4 * 1800, t0, t1);
  EXPECT_NEAR(p.integral(t0, t1), expect, 1e-10 * expect);
  // A 10 s window a year in: no cancellation between two year-long sums.
  const double late = 365 * 86400.0 + 17;
  EXPECT_NEAR(p.integral(late, late + 10), 10 * p.at(late), 1e-9 * p.at(late));
  // An 8760-value year works the same way.
  std::vector<double> year(8760);
  for (size_t i = 0; i < year.size(); ++i) year[i] = static_cast<double>(i % 24 + i / 24);
  const TimeProfile y(year);
  EXPECT_NEAR(y.integral(8759 * 3600.0, 8761 * 3600.0), 3600 * (year[8759] + year[0]), 1e-6);
  EXPECT_EQ(y.at(100 * 3600.0 + 1), year[100]);
}

TEST(TimeProfile, InvalidArgumentsAreNamed) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(TimeProfile::invalid_reason({1, 2}, 3600, 0), "");
  EXPECT_NE(TimeProfile::invalid_reason({}, 3600, 0), "");
  EXPECT_NE(TimeProfile::invalid_reason({1, nan}, 3600, 0).find("value 1"), std::string::npos);
  EXPECT_NE(TimeProfile::invalid_reason({1, inf}, 3600, 0), "");
  EXPECT_NE(TimeProfile::invalid_reason({1}, 0, 0).find("step"), std::string::npos);
  EXPECT_NE(TimeProfile::invalid_reason({1}, -3600, 0), "");
  EXPECT_NE(TimeProfile::invalid_reason({1}, nan, 0), "");
  EXPECT_NE(TimeProfile::invalid_reason({1}, 3600, inf).find("offset"), std::string::npos);
  EXPECT_DEATH(TimeProfile({}, 3600), "TimeProfile");
}

}  // namespace
}  // namespace sovsim::models
