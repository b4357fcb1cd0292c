// test/sim/sched/sjf_policy_test.cpp — shortest job first on hand-built contexts: order by true
// duration (ties: arrival), skipping misfits by default, stopping at them with blocking: true.
#include "sim/scenario/scenario_schema.hpp"
#include "sim/sched/sjf_policy.hpp"

#include <gtest/gtest.h>

#include "models/common/yaml_reader.hpp"
#include "sim/sched/policy_registry.hpp"
#include "test/support/fake_scheduling_context.hpp"

namespace sovsim::sim {
namespace {

TEST(SjfPolicy, StartsShortestJobsFirst) {
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(2, 30);
  ctx.submit(2, 10);
  ctx.submit(2, 20);
  SjfPolicy().schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{1, 2}));
}

TEST(SjfPolicy, EqualDurationsKeepArrivalOrder) {
  test::FakeSchedulingContext ctx(3, 1);
  ctx.submit(1, 10);
  ctx.submit(1, 5);
  ctx.submit(1, 10);
  ctx.submit(1, 10);
  SjfPolicy().schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{1, 0, 2}));
}

TEST(SjfPolicy, OrdersByTrueDurationNotEstimate) {
  test::FakeSchedulingContext ctx(1, 1);
  ctx.submit(1, 10, 0, 1);
  ctx.submit(1, 5, 0, 100);
  SjfPolicy().schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{1}));
}

TEST(SjfPolicy, SkipsAJobThatDoesNotFit) {
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(2, 100);
  SjfPolicy sjf;
  sjf.schedule(ctx);
  ctx.submit(4, 1);  // shortest, but only 2 GPUs are free
  ctx.submit(2, 10);
  sjf.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 2}));
}

TEST(SjfPolicy, BlockingStopsAtTheFirstMisfit) {
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(2, 100);
  SjfPolicy sjf(/*blocking=*/true);
  sjf.schedule(ctx);
  ctx.submit(4, 1);
  ctx.submit(2, 10);
  sjf.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0}));
}

TEST(SjfPolicy, PreemptedJobRejoinsTheOrder) {
  test::FakeSchedulingContext ctx(1, 1);
  const JobIndex a = ctx.submit(1, 10);
  SjfPolicy sjf;
  sjf.schedule(ctx);
  ctx.set_now(4);
  ctx.preempt(a);  // back in the queue with 6 s left, behind no new arrival
  ctx.submit(1, 20);
  sjf.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{a, a}));
}

TEST(SjfPolicy, ReadsBlockingFromTheSchedulerMap) {
  Diagnostics diagnostics;
  MapReader params(YAML::Load("{blocking: true}"), "scheduler",
                   YamlContext{"s.yaml", &diagnostics}, scenario_schema::kScheduler);
  auto sjf = make_policy("sjf", read_policy_params("sjf", params));
  params.finish();
  ASSERT_NE(sjf, nullptr);
  EXPECT_TRUE(diagnostics.empty());
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(2, 100);
  sjf->schedule(ctx);
  ctx.submit(4, 1);
  ctx.submit(2, 10);
  sjf->schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0}));
}

}  // namespace
}  // namespace sovsim::sim
