// test/sim/sched/las_policy_test.cpp — Tiresias-style LAS on a hand-built context: demotion when
// a running job crosses a threshold (on time, through wake_at), new short jobs preempting long
// ones, FIFO within a queue, starvation promotion, and parameter checking.
#include "sim/sched/las_policy.hpp"

#include <gtest/gtest.h>

#include "sim/scenario/scenario_schema.hpp"
#include "sim/sched/policy_registry.hpp"

#include "test/support/fake_scheduling_context.hpp"

namespace sovsim::sim {
namespace {

LasPolicy::Options thresholds(std::vector<double> gpu_h, double starvation_s = 0) {
  return {std::move(gpu_h), starvation_s};
}

TEST(LasPolicy, QueueIndexFollowsTheThresholds) {
  LasPolicy las({});  // [1, 10, 100] GPU-h
  EXPECT_EQ(las.queue_of(0), 0);
  EXPECT_EQ(las.queue_of(3599), 0);
  EXPECT_EQ(las.queue_of(3600), 1);
  EXPECT_EQ(las.queue_of(36'000), 2);
  EXPECT_EQ(las.queue_of(1e9), 3);
}

TEST(LasPolicy, DemotesAJobWhenItCrossesAThresholdAndAsksToBeWokenThen) {
  test::FakeSchedulingContext ctx(1, 8);
  LasPolicy las(thresholds({1}));
  const JobIndex a = ctx.submit(8, 10'000);
  las.schedule(ctx);
  EXPECT_TRUE(ctx.wakeups.empty());  // nobody waits: a demotion would change nothing
  ctx.set_now(100);
  const JobIndex b = ctx.submit(8, 100);
  las.schedule(ctx);
  EXPECT_TRUE(ctx.preempted.empty());  // both in queue 0: FIFO, a keeps running
  // 1 GPU-h on 8 GPUs: a crosses into queue 1 at t = 3600 / 8 = 450 s.
  EXPECT_EQ(ctx.wakeups, (std::vector<double>{450}));
  ctx.set_now(200);
  las.schedule(ctx);
  EXPECT_EQ(ctx.wakeups, (std::vector<double>{450}));  // no duplicate wake-up
  ctx.set_now(450);
  las.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{a}));
  EXPECT_EQ(ctx.job(b).state, JobState::kRunning);
  EXPECT_DOUBLE_EQ(ctx.job(a).service_gpu_s, 3600);
  EXPECT_EQ(ctx.wakeups.back(), 900);  // b's own crossing
}

TEST(LasPolicy, NewShortJobPreemptsALongRunningOne) {
  test::FakeSchedulingContext ctx(1, 8);
  LasPolicy las({});
  const JobIndex longer = ctx.submit(8, 100'000);
  las.schedule(ctx);
  ctx.set_now(1000);  // 8000 GPU-s = 2.2 GPU-h: queue 1
  const JobIndex fresh = ctx.submit(4, 60);
  las.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{longer}));
  EXPECT_EQ(ctx.job(fresh).state, JobState::kRunning);
  ctx.set_now(1060);
  ctx.complete(fresh);
  las.schedule(ctx);
  EXPECT_EQ(ctx.job(longer).state, JobState::kRunning);  // resumes once the short job is done
  EXPECT_DOUBLE_EQ(ctx.job(longer).remaining_s, 99'000);
}

TEST(LasPolicy, HigherQueueFirstThenFifoWithinAQueue) {
  test::FakeSchedulingContext ctx(1, 8);
  LasPolicy las(thresholds({1}));
  const JobIndex old = ctx.submit(8, 10'000);
  las.schedule(ctx);
  ctx.set_now(500);  // old is in queue 1
  const JobIndex n1 = ctx.submit(8, 100);
  const JobIndex n2 = ctx.submit(8, 100);
  las.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{old}));
  EXPECT_EQ(ctx.job(n1).state, JobState::kRunning);
  ctx.set_now(600);
  ctx.complete(n1);
  las.schedule(ctx);  // old arrived first, but n2 is in the higher queue
  EXPECT_EQ(ctx.job(n2).state, JobState::kRunning);
  EXPECT_EQ(ctx.job(old).state, JobState::kQueued);
}

TEST(LasPolicy, StarvedJobIsPromotedToTheTopQueue) {
  test::FakeSchedulingContext ctx(1, 8);
  LasPolicy las(thresholds({1}, /*starvation_s=*/1000));
  const JobIndex a = ctx.submit(8, 10'000);
  las.schedule(ctx);
  ctx.set_now(100);
  const JobIndex b = ctx.submit(8, 10'000);
  las.schedule(ctx);
  ctx.set_now(450);  // a demoted, b takes over; a waits from 450
  las.schedule(ctx);
  ASSERT_EQ(ctx.preempted, (std::vector<JobIndex>{a}));
  ctx.set_now(900);  // b demoted too: same queue as a, no preemption
  las.schedule(ctx);
  EXPECT_EQ(ctx.preempted.size(), 1u);
  EXPECT_EQ(ctx.wakeups.back(), 1450);  // a starves at 450 + 1000
  ctx.set_now(1450);
  las.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{a, b}));
  EXPECT_EQ(ctx.job(a).state, JobState::kRunning);
  // Its service counts from the promotion: it stays in queue 0 for another 450 s.
  EXPECT_EQ(ctx.wakeups.back(), 1900);
}

TEST(LasPolicy, ReadsAndChecksItsParameters) {
  Diagnostics diagnostics;
  YamlContext yaml{"s.yaml", &diagnostics};
  MapReader good(YAML::Load("{queue_thresholds_gpu_h: [0.5, 2], starvation_promote_after: 2h}"),
                 "scheduler", yaml, scenario_schema::kScheduler);
  LasPolicy las(read_policy_params("las", good).las);
  good.finish();
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(las.queue_of(0.5 * 3600), 1);
  EXPECT_EQ(las.queue_of(2 * 3600), 2);

  MapReader bad(YAML::Load("{queue_thresholds_gpu_h: [2, 1, x]}"), "scheduler", yaml,
                scenario_schema::kScheduler);
  read_policy_params("las", bad);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].key, "scheduler.queue_thresholds_gpu_h[1]");
  EXPECT_EQ(diagnostics[1].key, "scheduler.queue_thresholds_gpu_h[2]");
}

}  // namespace
}  // namespace sovsim::sim
