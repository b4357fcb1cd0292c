// test/sim/sweep/sweep_plan_test.cpp — a sweep file expanded into runs: grid order (first
// parameter slowest), linear and log ranges, zip groups advancing together, seeds innermost,
// stable zero-padded ids, the dry-run line, and plan.json read back unchanged.
#include "sim/sweep/sweep_plan.hpp"

#include <gtest/gtest.h>

#include "sim/sweep/sweep_loader.hpp"

namespace sovsim::sim {
namespace {

const std::filesystem::path kSweepFile =
    std::filesystem::path(SOVSIM_SOURCE_DIR) / "scenarios/sweeps/test.yaml";  // not read

SweepPlan plan_of(const std::string& text) {
  auto spec = read_sweep(text, kSweepFile);
  EXPECT_TRUE(spec.ok()) << (spec.ok() ? "" : spec.diagnostics().front().to_string());
  return make_plan(spec.value());
}

std::vector<std::string> values_of(const SweepPlan& plan, size_t parameter) {
  std::vector<std::string> out;
  for (const auto& run : plan.runs) out.push_back(run.parameters[parameter].second);
  return out;
}

TEST(SweepPlan, GridInFileOrderSeedsInnermost) {
  const auto plan = plan_of(
      "scenario: ../quickstart.yaml\nparameters:\n  scheduler.policy: [fcfs, easy]\n"
      "  horizon: [1d, 2d, 3d]\nseeds: [11, 42]\nmetrics: {w: wait.mean_s}\n");
  ASSERT_EQ(plan.runs.size(), 12u);
  EXPECT_EQ(plan.parameters, (std::vector<std::string>{"scheduler.policy", "horizon"}));
  EXPECT_EQ(plan.runs[0].id, "r0000");
  EXPECT_EQ(plan.runs[11].id, "r0011");
  EXPECT_EQ(plan.runs[0].seed, 11u);
  EXPECT_EQ(plan.runs[1].seed, 42u);
  EXPECT_EQ(plan.runs[1].combination, 0u);
  EXPECT_EQ(plan.runs[2].combination, 1u);
  EXPECT_EQ(values_of(plan, 0)[5], "fcfs");
  EXPECT_EQ(values_of(plan, 0)[6], "easy");
  EXPECT_EQ(values_of(plan, 1)[2], "2d");
  EXPECT_EQ(values_of(plan, 1)[6], "1d");
}

TEST(SweepPlan, LinearAndLogRangesIncludeBothEnds) {
  const auto plan = plan_of(
      "scenario: ../quickstart.yaml\nparameters:\n"
      "  a: {range: [1, 4], steps: 4}\n  b: {range: [1, 100], steps: 3, scale: log}\n"
      "metrics: {w: wait.mean_s}\n");
  ASSERT_EQ(plan.runs.size(), 12u);
  EXPECT_EQ(values_of(plan, 0),
            (std::vector<std::string>{"1", "1", "1", "2", "2", "2", "3", "3", "3", "4", "4", "4"}));
  EXPECT_EQ(values_of(plan, 1)[0], "1");
  EXPECT_EQ(values_of(plan, 1)[1], "10");
  EXPECT_EQ(values_of(plan, 1)[2], "100");
  const auto fractional = plan_of(
      "scenario: ../quickstart.yaml\nparameters:\n  a: {range: [0, 1], steps: 5}\n"
      "  b: {range: [1, 10], steps: 4, scale: log, round: true}\nmetrics: {w: wait.mean_s}\n");
  EXPECT_EQ(values_of(fractional, 0)[4], "0.25");
  EXPECT_EQ(values_of(fractional, 1)[1], "2");  // 2.154 rounded
}

TEST(SweepPlan, ZipGroupsAdvanceTogetherAfterTheGrid) {
  const auto plan = plan_of(
      "scenario: ../quickstart.yaml\nparameters: {g: [x, y]}\n"
      "zip:\n  - {a: [1, 2, 3], b: [p, q, r]}\nseeds: 1\nmetrics: {w: wait.mean_s}\n");
  ASSERT_EQ(plan.runs.size(), 6u);
  EXPECT_EQ(plan.parameters, (std::vector<std::string>{"g", "a", "b"}));
  const Assignments fourth = {{"g", "y"}, {"a", "1"}, {"b", "p"}};
  EXPECT_EQ(plan.runs[3].parameters, fourth);
  const Assignments third = {{"g", "x"}, {"a", "3"}, {"b", "r"}};
  EXPECT_EQ(plan.runs[2].parameters, third);
}

TEST(SweepPlan, IdsWidenBeyondTenThousandRuns) {
  const auto plan = plan_of(
      "scenario: ../quickstart.yaml\nparameters:\n  a: {range: [1, 101], steps: 101}\n"
      "  b: {range: [1, 100], steps: 100}\n"
      "metrics: {w: wait.mean_s}\n");
  EXPECT_EQ(plan.runs.front().id, "r00000");
  EXPECT_EQ(plan.runs.back().id, "r10099");
}

TEST(SweepPlan, DryRunLineQuotesWhatTheShellWouldExpand) {
  const auto plan = plan_of(
      "scenario: ../quickstart.yaml\nset: {horizon: 2d}\n"
      "parameters:\n  'sites[*].fabric.leaf_uplink_oversubscription': [2]\n"
      "  description: ['two words']\nseeds: [7]\nmetrics: {w: wait.mean_s}\n");
  EXPECT_EQ(dry_run_line(plan, plan.runs[0]),
            "r0000  --seed 7 --set horizon=2d --set "
            "'sites[*].fabric.leaf_uplink_oversubscription=2' --set 'description=two words'");
}

TEST(SweepPlan, ValuesAreYamlTextThatReadsBackTheSame) {
  const auto plan = plan_of(
      "scenario: ../quickstart.yaml\nparameters:\n  a: ['x: y', [1, 2], {k: v}]\n"
      "metrics: {w: wait.mean_s}\n");
  EXPECT_EQ(values_of(plan, 0), (std::vector<std::string>{"\"x: y\"", "[1, 2]", "{k: v}"}));
}

TEST(SweepPlan, PlanJsonReadsBackUnchanged) {
  const auto plan = plan_of(
      "scenario: ../quickstart.yaml\nset: {horizon: 2d, scheduler.placement: pack}\n"
      "parameters: {z: [1, 2], a: [3]}\nseeds: 2\nmetrics: {w: wait.mean_s, b: jobs.completed}\n");
  std::string error;
  const auto back = plan_from_json(plan_json(plan), error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(plan_json(*back), plan_json(plan));
  EXPECT_EQ(back->set.front().first, "horizon");  // file order, not sorted
  EXPECT_EQ(back->metrics.front().first, "w");
  EXPECT_EQ(back->scenario_fnv1a64.size(), 16u);
}

}  // namespace
}  // namespace sovsim::sim
