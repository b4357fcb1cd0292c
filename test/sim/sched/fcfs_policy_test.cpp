// test/sim/sched/fcfs_policy_test.cpp — FCFS on a hand-built context (no engine).
#include "sim/sched/fcfs_policy.hpp"

#include <gtest/gtest.h>

#include "test/support/fake_scheduling_context.hpp"

namespace sovsim::sim {
namespace {

TEST(FcfsPolicy, StartsInOrderUntilTheFirstMisfit) {
  test::FakeSchedulingContext ctx(2, 8);
  ctx.submit(8, 10);
  ctx.submit(6, 10);
  ctx.submit(4, 10);  // does not fit after the first two
  ctx.submit(1, 10);  // would fit, but FCFS must not pass job 3
  FcfsPolicy().schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 1}));
  EXPECT_EQ(ctx.queue().size(), 2u);
}

TEST(FcfsPolicy, EmptyQueueIsANoop) {
  test::FakeSchedulingContext ctx(1, 8);
  FcfsPolicy().schedule(ctx);
  EXPECT_TRUE(ctx.started.empty());
}

TEST(FcfsPolicy, ResumesWhenCapacityFrees) {
  test::FakeSchedulingContext ctx(1, 8);
  auto a = ctx.submit(8, 10);
  ctx.submit(8, 10);
  FcfsPolicy fcfs;
  fcfs.schedule(ctx);
  ctx.set_now(10);
  ctx.complete(a);
  fcfs.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 1}));
}

}  // namespace
}  // namespace sovsim::sim
