// test/sim/sweep/tornado_test.cpp — the tornado's main effects by hand on a 2 × 3 grid with two
// seeds: the parameter that moves the metric more comes first, its low and high values and
// means are the pooled means, a one-valued parameter and failed runs are left out, and the seed
// noise is the mean CI half-width.
#include "sim/sweep/tornado.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

// metric = 10 * a + b + seed noise (±0.5), a in {1, 2}, b in {0, 5, 1}, fixed c; run (a=2, b=1,
// seed 2) failed.
struct Grid {
  SweepPlan plan;
  std::map<size_t, RunResult> results;
  Grid() {
    plan.parameters = {"a", "b", "c"};
    plan.metrics = {{"m", "x"}, {"empty", "y"}};
    size_t combination = 0;
    for (int a : {1, 2}) {
      for (int b : {0, 5, 1}) {
        for (uint64_t seed : {1u, 2u}) {
          const size_t i = plan.runs.size();
          Assignments p = {{"a", std::to_string(a)}, {"b", std::to_string(b)}, {"c", "x"}};
          plan.runs.push_back({"r" + std::to_string(i), combination, seed, p});
          const bool ok = !(a == 2 && b == 1 && seed == 2);
          const double m = 10.0 * a + b + (seed == 1 ? -0.5 : 0.5);
          results.emplace(i, RunResult{plan.runs[i].id, ok, ok ? "" : "boom", seed, p,
                                       {{"m", m}, {"empty", std::nullopt}}});
        }
        ++combination;
      }
    }
  }
};

TEST(Tornado, MainEffectsSortedBySwing) {
  Grid g;
  const auto t = tornado(g.plan, g.results, aggregate(g.plan, g.results));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].metric, "m");
  ASSERT_EQ(t[0].bars.size(), 2u);  // c has one value
  const ParameterSwing& a = t[0].bars[0];
  EXPECT_EQ(a.parameter, "a");
  EXPECT_EQ(a.low_value, "1");
  EXPECT_EQ(a.high_value, "2");
  // a = 1: six runs, mean 10 + (0 + 5 + 1) / 3 = 12; a = 2: five ok runs,
  // (19.5 + 20.5 + 24.5 + 25.5 + 20.5) / 5 = 22.1.
  EXPECT_DOUBLE_EQ(a.low_mean, 12);
  EXPECT_DOUBLE_EQ(a.high_mean, 22.1);
  const ParameterSwing& b = t[0].bars[1];
  EXPECT_EQ(b.parameter, "b");
  EXPECT_EQ(b.low_value, "1");
  EXPECT_EQ(b.high_value, "5");
  // b = 1 (its a = 2, seed 2 run failed): (10.5 + 11.5 + 20.5) / 3; b = 0: 60 / 4 = 15 between;
  // b = 5: (14.5 + 15.5 + 24.5 + 25.5) / 4 = 20.
  EXPECT_DOUBLE_EQ(b.low_mean, 42.5 / 3);
  EXPECT_DOUBLE_EQ(b.high_mean, 20);
  EXPECT_EQ(b.values, 3u);
  // Every combination with two ok seeds has sd 1/sqrt(2) * ... : values x-0.5, x+0.5, sd =
  // sqrt(0.5), ci95 = 12.706 * sqrt(0.5) / sqrt(2) = 6.353; five combinations have it.
  ASSERT_TRUE(t[0].seed_noise);
  EXPECT_NEAR(*t[0].seed_noise, 12.7062047 * 0.5, 1e-6);
  EXPECT_TRUE(t[1].bars.empty());  // a metric without values
  EXPECT_FALSE(t[1].seed_noise);
}

TEST(Tornado, CsvAndTextNameTheWidestFirst) {
  Grid g;
  const auto t = tornado(g.plan, g.results, aggregate(g.plan, g.results));
  const std::string csv = tornado_csv(t);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "metric,parameter,low_value,low_mean,high_value,high_mean,swing,seed_noise");
  EXPECT_NE(csv.find("\nm,a,1,12,2,22.1,"), std::string::npos) << csv;
  const std::string text = tornado_text(t);
  EXPECT_LT(text.find("  a "), text.find("  b "));
  EXPECT_NE(text.find("(no parameter with two values has ok results)"), std::string::npos);
  EXPECT_NE(text.find("seed noise: ±6.4"), std::string::npos) << text;
}

}  // namespace
}  // namespace sovsim::sim
