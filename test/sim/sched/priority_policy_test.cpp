// test/sim/sched/priority_policy_test.cpp — the priority policy on a hand-built context: order by
// tenant then job priority, blocking vs backfill, and preemption of lower-priority jobs chosen by
// least checkpoint loss, only when it makes the job fit.
#include "sim/sched/priority_policy.hpp"

#include <gtest/gtest.h>

#include "test/support/fake_scheduling_context.hpp"

namespace sovsim::sim {
namespace {

std::vector<Tenant> tenants_with_priorities(const std::vector<int>& priorities) {
  std::vector<Tenant> out;
  for (size_t i = 0; i < priorities.size(); ++i) {
    Tenant t;
    t.name = "t" + std::to_string(i);
    t.priority = priorities[i];
    out.push_back(t);
  }
  return out;
}

TEST(PriorityPolicy, StartsByTenantPriorityThenJobPriorityThenArrival) {
  test::FakeSchedulingContext ctx(1, 4, tenants_with_priorities({0, 5}));
  ctx.submit(1, 10, 0, 0, /*priority=*/9);
  ctx.submit(1, 10, 1, 0, 0);
  ctx.submit(1, 10, 1, 0, 1);
  ctx.submit(1, 10, 0, 0, 9);
  PriorityPolicy({}).schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{2, 1, 0, 3}));
}

TEST(PriorityPolicy, HighestJobThatDoesNotFitBlocksLowerOnes) {
  test::FakeSchedulingContext ctx(1, 8);
  ctx.submit(6, 10);
  PriorityPolicy policy({/*preempt=*/false, /*backfill=*/false});
  policy.schedule(ctx);
  ctx.submit(4, 10, 0, 0, 5);  // does not fit
  ctx.submit(1, 10, 0, 0, 1);  // would fit, but waits behind it
  policy.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0}));
}

TEST(PriorityPolicy, BackfillLetsLowerPriorityJobsThatFitStart) {
  test::FakeSchedulingContext ctx(1, 8);
  ctx.submit(6, 10);
  PriorityPolicy policy({/*preempt=*/false, /*backfill=*/true});
  policy.schedule(ctx);
  ctx.submit(4, 10, 0, 0, 5);
  ctx.submit(1, 10, 0, 0, 1);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 2}));
}

TEST(PriorityPolicy, PreemptsALowerPriorityJob) {
  test::FakeSchedulingContext ctx(1, 8);
  const JobIndex low = ctx.submit(8, 100, 0, 0, 0);
  PriorityPolicy policy({});
  policy.schedule(ctx);
  ctx.set_now(30);
  const JobIndex high = ctx.submit(8, 100, 0, 0, 1);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{low}));
  EXPECT_EQ(ctx.job(high).state, JobState::kRunning);
  EXPECT_EQ(ctx.job(low).state, JobState::kQueued);
  EXPECT_DOUBLE_EQ(ctx.job(low).remaining_s, 70);
}

TEST(PriorityPolicy, NeverPreemptsEqualPriority) {
  test::FakeSchedulingContext ctx(1, 8);
  ctx.submit(8, 100, 0, 0, 3);
  PriorityPolicy policy({});
  policy.schedule(ctx);
  ctx.submit(8, 100, 0, 0, 3);
  policy.schedule(ctx);
  EXPECT_TRUE(ctx.preempted.empty());
}

TEST(PriorityPolicy, TenantPriorityOutranksJobPriority) {
  test::FakeSchedulingContext ctx(1, 8, tenants_with_priorities({1, 0}));
  ctx.submit(8, 100, /*tenant=*/1, 0, /*priority=*/100);
  PriorityPolicy policy({});
  policy.schedule(ctx);
  ctx.submit(8, 100, /*tenant=*/0, 0, /*priority=*/0);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{0}));
}

TEST(PriorityPolicy, PrefersTheVictimWithLeastCheckpointLoss) {
  test::FakeSchedulingContext ctx(2, 8);
  const JobIndex a = ctx.submit(8, 1000, 0, 0, /*priority=*/0);
  const JobIndex b = ctx.submit(8, 1000, 0, 0, /*priority=*/1);
  ctx.mutable_job(a).checkpoint_interval_s = 300;  // at t=250: 250 s of work would be lost
  ctx.mutable_job(b).checkpoint_interval_s = 100;  // at t=250: 50 s
  PriorityPolicy policy({});
  policy.schedule(ctx);
  ctx.set_now(250);
  ctx.submit(8, 100, 0, 0, /*priority=*/2);
  policy.schedule(ctx);
  // b has the higher priority of the two, but is cheaper to stop: cost comes first.
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{b}));
  EXPECT_DOUBLE_EQ(ctx.lost_s.at(b), 50);
}

TEST(PriorityPolicy, AtEqualLossTheLowestPriorityGoes) {
  test::FakeSchedulingContext ctx(2, 8);
  ctx.submit(8, 1000, 0, 0, /*priority=*/1);
  const JobIndex lowest = ctx.submit(8, 1000, 0, 0, /*priority=*/0);
  PriorityPolicy policy({});
  policy.schedule(ctx);
  ctx.set_now(10);
  ctx.submit(8, 100, 0, 0, 2);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{lowest}));
}

TEST(PriorityPolicy, DoesNotPreemptWhenThatCannotMakeTheJobFit) {
  // Two nodes, each with a high- and a low-priority job of 4 GPUs. A 16-GPU job needs both nodes
  // idle; preempting the low ones frees only 8: nothing is preempted.
  test::FakeSchedulingContext ctx(2, 8);
  ctx.submit(4, 100, 0, 0, 5);
  ctx.submit(4, 100, 0, 0, 0);
  ctx.submit(4, 100, 0, 0, 5);
  ctx.submit(4, 100, 0, 0, 0);
  PriorityPolicy policy({});
  policy.schedule(ctx);
  ASSERT_EQ(ctx.started.size(), 4u);
  const JobIndex big = ctx.submit(16, 100, 0, 0, 3);
  policy.schedule(ctx);
  EXPECT_TRUE(ctx.preempted.empty());
  EXPECT_EQ(ctx.job(big).state, JobState::kQueued);
}

TEST(PriorityPolicy, MultiNodeJobPreemptsOnlyWhatItNeeds) {
  // Three nodes: node 0 idle, nodes 1 and 2 each run two low-priority 4-GPU jobs. A 16-GPU job
  // needs two idle nodes: it takes one node's pair, not all four jobs.
  test::FakeSchedulingContext ctx(3, 8);
  const JobIndex filler = ctx.submit(8, 5, 0, 0, 9);
  for (int i = 0; i < 4; ++i) ctx.submit(4, 100, 0, 0, 0);
  PriorityPolicy policy({});
  policy.schedule(ctx);
  ctx.set_now(5);
  ctx.complete(filler);
  const JobIndex big = ctx.submit(16, 100, 0, 0, 3);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.preempted.size(), 2u);
  EXPECT_EQ(ctx.job(big).state, JobState::kRunning);
  EXPECT_EQ(ctx.job(ctx.preempted[0]).placement.slices[0].node,
            ctx.job(ctx.preempted[1]).placement.slices[0].node);
}

TEST(PriorityPolicy, PrunesVictimsItDoesNotNeed) {
  test::FakeSchedulingContext ctx(1, 8);
  ctx.submit(4, 100, 0, 0, 0);
  ctx.submit(2, 100, 0, 0, 0);
  PriorityPolicy policy({});
  policy.schedule(ctx);
  // 2 free: the 2-GPU job comes first in victim order (latest arrival) but is not enough; once
  // the 4-GPU job is chosen the 2-GPU one is not needed any more.
  const JobIndex high = ctx.submit(6, 100, 0, 0, 1);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{0}));
  EXPECT_EQ(ctx.job(high).state, JobState::kRunning);
  EXPECT_EQ(ctx.job(1).state, JobState::kRunning);
}

TEST(PriorityPolicy, PreemptedJobsRestartInLeftoverRoom) {
  // Node 0: b (high) and a (low); node 1: x (low). When a ends, each node has 4 free; an 8-GPU
  // job takes node 1 from x, and x restarts at once on node 0.
  test::FakeSchedulingContext ctx(2, 8);
  const JobIndex a = ctx.submit(4, 10, 0, 0, 0);
  ctx.submit(4, 100, 0, 0, 5);
  const JobIndex x = ctx.submit(4, 100, 0, 0, 0);
  PriorityPolicy policy({});
  policy.schedule(ctx);
  ASSERT_EQ(ctx.job(x).placement.slices[0].node, 1);
  ctx.set_now(10);
  ctx.complete(a);
  const JobIndex big = ctx.submit(8, 100, 0, 0, 3);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{x}));
  EXPECT_EQ(ctx.job(big).state, JobState::kRunning);
  EXPECT_EQ(ctx.job(x).state, JobState::kRunning);
  EXPECT_EQ(ctx.job(x).placement.slices[0].node, 0);
  EXPECT_EQ(ctx.job(x).preemptions, 1);
}

}  // namespace
}  // namespace sovsim::sim
