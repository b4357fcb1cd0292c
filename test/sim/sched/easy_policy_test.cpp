// test/sim/sched/easy_policy_test.cpp — EASY backfilling on hand-built contexts (no engine):
// hand-checked shadow times and backfill decisions, then a property test on random workloads
// that the blocked head never starts later than the reservation it had when it became head.
#include "sim/sched/easy_policy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "test/support/fake_event_loop.hpp"
#include "test/support/fake_scheduling_context.hpp"

namespace sovsim::sim {
namespace {

TEST(EasyPolicy, StartsInArrivalOrderWhileJobsFit) {
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(2, 10);
  ctx.submit(2, 10);
  ctx.submit(1, 10);
  EasyPolicy().schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 1}));
}

TEST(EasyPolicy, EmptyQueueIsANoop) {
  test::FakeSchedulingContext ctx(1, 1);
  EasyPolicy().schedule(ctx);
  EXPECT_TRUE(ctx.started.empty());
}

TEST(EasyPolicy, BackfillsAShortJobThatEndsBeforeTheShadowTime) {
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(2, 10);        // 0: runs until 10
  ctx.submit(4, 10);        // 1: head, shadow 10, extra 0
  ctx.submit(2, 3, 0, 10);  // 2: ends by its estimate at exactly 10: may go
  EasyPolicy().schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 2}));
}

TEST(EasyPolicy, RefusesALongJobThatWouldDelayTheHead) {
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(2, 10);
  ctx.submit(4, 10);
  ctx.submit(2, 5, 0, 11);  // truly short, but its estimate ends after the shadow time
  ctx.submit(1, 20);        // long and the head needs every GPU at t=10
  EasyPolicy().schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0}));
}

TEST(EasyPolicy, AllowsLongJobsInTheExtraGpusOnly) {
  test::FakeSchedulingContext ctx(8, 1);
  ctx.submit(4, 10);   // 0: runs until 10
  ctx.submit(6, 10);   // 1: head; at t=10 8 GPUs are free: extra 2
  ctx.submit(1, 100);  // 2: long, uses 1 extra GPU
  ctx.submit(2, 100);  // 3: long, needs 2 but only 1 extra is left
  ctx.submit(1, 100);  // 4: long, takes the last extra GPU
  ctx.submit(1, 5);    // 5: short, ends before the shadow time: no extra needed
  EasyPolicy().schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 2, 4, 5}));
}

TEST(EasyPolicy, ShadowTimeUsesEstimatesNotTrueDurations) {
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(2, 5, 0, 20);  // really ends at 5, expected at 20
  ctx.submit(2, 10, 0, 7);  // expected at 7 (a job may overrun its estimate)
  EasyPolicy easy;
  easy.schedule(ctx);
  const JobIndex head = ctx.submit(4, 10);
  const auto r = easy.reserve(ctx, head);
  EXPECT_EQ(r.pool, 0);
  EXPECT_DOUBLE_EQ(r.shadow_s, 20);
  EXPECT_EQ(r.extra_gpus, 0);
}

TEST(EasyPolicy, RunningJobsPartlyDoneCountOnlyTheirRemainingEstimate) {
  test::FakeSchedulingContext ctx(2, 1);
  const JobIndex a = ctx.submit(2, 10, 0, 30);
  // A job resumed at t=50 with 4 s of its 10 still to do: expected end 50 + (30 - 6) = 74.
  ctx.mutable_job(a).remaining_s = 4;
  ctx.set_now(50);
  EasyPolicy easy;
  easy.schedule(ctx);
  const JobIndex head = ctx.submit(1, 10);
  EXPECT_DOUBLE_EQ(easy.reserve(ctx, head).shadow_s, 74);
  EXPECT_EQ(easy.reserve(ctx, head).extra_gpus, 1);
}

TEST(EasyPolicy, JobPastItsEstimateIsExpectedToEndNow) {
  test::FakeSchedulingContext ctx(2, 1);
  ctx.submit(2, 100, 0, 10);
  EasyPolicy easy;
  easy.schedule(ctx);
  ctx.set_now(40);
  const JobIndex head = ctx.submit(2, 10);
  EXPECT_DOUBLE_EQ(easy.reserve(ctx, head).shadow_s, 40);
}

TEST(EasyPolicy, MultiNodeJobsCountTheWholeNodesTheyHold) {
  test::FakeSchedulingContext ctx(3, 4);  // 12 GPUs on 3 nodes of 4
  ctx.submit(5, 10);                      // 0: holds nodes 0 and 1 (8 GPUs) until 10
  ctx.submit(8, 10);   // 1: head, needs 2 whole nodes: shadow 10, 12 - 8 = 4 extra
  ctx.submit(4, 100);  // 2: long, one node = the 4 extra GPUs
  EasyPolicy easy;
  easy.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 2}));
}

TEST(EasyPolicy, HeadNeverStartsLaterThanItsFirstReservationOnRandomWorkloads) {
  constexpr int kGpus = 8;
  // Test-side shadow time on a flat one-pool cluster, ignoring running jobs in `skip`.
  auto shadow = [](const test::FakeSchedulingContext& ctx, JobIndex head,
                   const std::vector<JobIndex>& skip) {
    std::vector<std::pair<double, int>> ends;
    int64_t free = kGpus;
    for (JobIndex r : ctx.running()) {
      if (std::find(skip.begin(), skip.end(), r) != skip.end()) continue;
      const Job& j = ctx.job(r);
      free -= j.gpus;
      const double end_s = j.run_start_s + j.estimate_s - (j.duration_s - j.remaining_s);
      ends.emplace_back(std::max(end_s, ctx.now()), j.gpus);
    }
    std::sort(ends.begin(), ends.end());
    double t_s = ctx.now();
    for (size_t i = 0; free < ctx.job(head).gpus; ++i) {
      t_s = ends.at(i).first;
      free += ends[i].second;
    }
    return t_s;
  };
  int checked_heads = 0;
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    test::FakeSchedulingContext ctx(kGpus, 1);
    EasyPolicy easy;
    std::map<JobIndex, double> first_reservation_s;
    const bool all_ran = test::run_fake_loop(
        ctx, easy, test::random_workload(seed, 40, kGpus),
        [&](const test::FakeSchedulingContext& c, const std::vector<JobIndex>& started) {
          for (JobIndex s : started) {
            if (first_reservation_s.count(s)) {
              EXPECT_LE(c.job(s).start_s, first_reservation_s[s]) << "seed " << seed;
              ++checked_heads;
            }
          }
          if (c.queue().empty()) return;
          const JobIndex head = *c.queue().begin();
          if (!first_reservation_s.count(head)) {
            // It became head in this call: its reservation was made before this call's backfills
            // (the jobs started after it in arrival order).
            std::vector<JobIndex> backfilled;
            for (JobIndex s : started) {
              if (s > head) backfilled.push_back(s);
            }
            first_reservation_s[head] = shadow(c, head, backfilled);
          }
          EXPECT_LE(shadow(c, head, {}), first_reservation_s[head]) << "seed " << seed;
        });
    EXPECT_TRUE(all_ran) << "seed " << seed;
  }
  EXPECT_GT(checked_heads, 100);  // the property was exercised, not vacuously true
}

TEST(EasyPolicy, ExactEstimatesGiveHandCheckedStartTimes) {
  // With exact estimates, the head starts exactly at its shadow time on a flat cluster.
  test::FakeSchedulingContext ctx(4, 1);
  EasyPolicy easy;
  std::vector<test::LoopJob> jobs = {
      {0, 3, 10, 10}, {1, 4, 5, 5}, {2, 1, 8, 8}, {3, 1, 20, 20}, {4, 1, 9, 9}};
  ASSERT_TRUE(test::run_fake_loop(ctx, easy, jobs, [](const auto&, const auto&) {}));
  EXPECT_EQ(ctx.job(0).start_s, 0);
  EXPECT_EQ(ctx.job(1).start_s, 10);  // head from t=1, reserved at 10
  EXPECT_EQ(ctx.job(2).start_s, 2);   // ends at 10: backfilled
  EXPECT_EQ(ctx.job(3).start_s, 15);  // would end at 23 > 10 and no extra GPU
  EXPECT_EQ(ctx.job(4).start_s, 15);
}

}  // namespace
}  // namespace sovsim::sim
