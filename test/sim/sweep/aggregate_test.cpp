// test/sim/sweep/aggregate_test.cpp — the aggregate over seeds: Student t quantiles against the
// table, mean and 95% CI half-width by hand, n = 1 without a CI, failed runs left out.
#include "sim/sweep/aggregate.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sovsim::sim {
namespace {

TEST(Aggregate, StudentTQuantilesMatchTheTable) {
  EXPECT_NEAR(student_t_975(1), 12.706, 1e-3);
  EXPECT_NEAR(student_t_975(4), 2.776, 1e-3);
  EXPECT_NEAR(student_t_975(10), 2.228, 1e-3);
  EXPECT_NEAR(student_t_975(30), 2.042, 1e-3);
  EXPECT_NEAR(student_t_975(120), 1.980, 1e-3);
  EXPECT_NEAR(student_t_975(100000), 1.960, 1e-3);
}

TEST(Aggregate, MeanAndConfidenceIntervalPerCombination) {
  SweepPlan plan;
  plan.parameters = {"p"};
  plan.metrics = {{"m", "x"}};
  std::map<size_t, RunResult> results;
  const double values[] = {1, 2, 3, 10, 0};
  for (size_t i = 0; i < 5; ++i) {
    const size_t combination = i < 3 ? 0 : 1;
    plan.runs.push_back(
        {"r" + std::to_string(i), combination, i + 1, {{"p", combination ? "b" : "a"}}});
    RunResult r{plan.runs[i].id,   i != 4, i == 4 ? "boom" : "", i + 1, plan.runs[i].parameters,
                {{"m", values[i]}}};
    results.emplace(i, r);
  }
  const auto rows = aggregate(plan, results);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].metrics[0].n, 3u);
  EXPECT_DOUBLE_EQ(*rows[0].metrics[0].mean, 2);
  EXPECT_NEAR(*rows[0].metrics[0].ci95, 4.3026527 * 1 / std::sqrt(3.0), 1e-9);  // sd = 1
  EXPECT_EQ(rows[1].ok, 1u);
  EXPECT_EQ(rows[1].failed, 1u);
  EXPECT_EQ(rows[1].metrics[0].n, 1u);
  EXPECT_FALSE(rows[1].metrics[0].ci95);  // one value: no interval
  const std::string csv = aggregate_csv(plan, rows);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "p,runs,ok,failed,m_n,m_mean,m_ci95");
  EXPECT_NE(csv.find("\nb,2,1,1,1,10,\n"), std::string::npos) << csv;
}

}  // namespace
}  // namespace sovsim::sim
