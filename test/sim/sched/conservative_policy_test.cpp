// test/sim/sched/conservative_policy_test.cpp — conservative backfilling on hand-built contexts:
// hand-checked reservations, the case where it is stricter than EASY, its parameter, and a
// property test that no job's reservation ever moves later than the first one it was given.
#include "sim/scenario/scenario_schema.hpp"
#include "sim/sched/conservative_policy.hpp"

#include <gtest/gtest.h>

#include <map>

#include "models/common/yaml_reader.hpp"
#include "sim/sched/easy_policy.hpp"
#include "sim/sched/policy_registry.hpp"
#include "test/support/fake_event_loop.hpp"
#include "test/support/fake_scheduling_context.hpp"

namespace sovsim::sim {
namespace {

TEST(ConservativePolicy, ReservesInArrivalOrderAndBackfillsAroundReservations) {
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(2, 10);  // 0: runs until 10
  ctx.submit(4, 10);  // 1: reserved [10, 20)
  ctx.submit(2, 5);   // 2: fits in [0, 5): starts
  ctx.submit(2, 20);  // 3: no room now; [5, 25) would overlap job 1: reserved at 20
  ctx.submit(1, 10);  // 4: reserved at 20 beside job 3
  ConservativePolicy policy;
  policy.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 2}));
  EXPECT_EQ(policy.reservation_s(1), 10);
  EXPECT_EQ(policy.reservation_s(3), 20);
  EXPECT_EQ(policy.reservation_s(4), 20);
  EXPECT_EQ(policy.reservation_s(0), std::nullopt);  // running: no reservation
}

TEST(ConservativePolicy, ProtectsEveryQueuedJobNotOnlyTheHead) {
  // 6 GPUs. Job 1 (head) is reserved at 10 with one GPU to spare; job 2 needs all 6 at 20.
  // EASY lets the long job 3 use the spare GPU, delaying job 2; conservative does not.
  auto setup = [](test::FakeSchedulingContext& ctx) {
    ctx.submit(4, 10);
    ctx.submit(5, 10);
    ctx.submit(6, 10);
    ctx.submit(1, 100);
  };
  test::FakeSchedulingContext easy_ctx(6, 1), conservative_ctx(6, 1);
  setup(easy_ctx);
  setup(conservative_ctx);
  EasyPolicy().schedule(easy_ctx);
  ConservativePolicy conservative;
  conservative.schedule(conservative_ctx);
  EXPECT_EQ(easy_ctx.started, (std::vector<JobIndex>{0, 3}));
  EXPECT_EQ(conservative_ctx.started, (std::vector<JobIndex>{0}));
  EXPECT_EQ(conservative.reservation_s(2), 20);
  EXPECT_EQ(conservative.reservation_s(3), 30);
}

TEST(ConservativePolicy, EarlyCompletionMovesReservationsEarlier) {
  test::FakeSchedulingContext ctx(2, 1);
  const JobIndex a = ctx.submit(2, 5, 0, 50);  // expected to end at 50, really at 5
  ctx.submit(2, 10);
  ctx.submit(1, 10);
  ConservativePolicy policy;
  policy.schedule(ctx);
  EXPECT_EQ(policy.reservation_s(1), 50);
  EXPECT_EQ(policy.reservation_s(2), 60);
  ctx.set_now(5);
  ctx.complete(a);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 1}));
  EXPECT_EQ(policy.reservation_s(2), 15);
}

TEST(ConservativePolicy, StopsAfterMaxQueueScanJobs) {
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(4, 10);
  ctx.submit(4, 10);
  ctx.submit(1, 5);
  ConservativePolicy policy(2);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0}));
  EXPECT_EQ(policy.reservation_s(1), 10);
  EXPECT_EQ(policy.reservation_s(2), std::nullopt);  // third job: beyond the scan
}

TEST(ConservativePolicy, ReadsMaxQueueScanFromTheSchedulerMap) {
  Diagnostics diagnostics;
  MapReader ok(YAML::Load("{policy: conservative, max_queue_scan: 1}"), "scheduler",
               YamlContext{"s.yaml", &diagnostics}, scenario_schema::kScheduler);
  ok.string("policy", "");
  auto policy = make_policy("conservative", read_policy_params("conservative", ok));
  ok.finish();
  ASSERT_NE(policy, nullptr);
  EXPECT_TRUE(diagnostics.empty());
  test::FakeSchedulingContext ctx(4, 1);
  ctx.submit(1, 10);
  ctx.submit(1, 10);
  policy->schedule(ctx);  // looks at one job per call
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0}));

  MapReader bad(YAML::Load("{max_queue_scan: 0}"), "scheduler",
                YamlContext{"s.yaml", &diagnostics}, scenario_schema::kScheduler);
  read_policy_params("conservative", bad);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].key, "scheduler.max_queue_scan");
}

TEST(ConservativePolicy, NoReservationEverMovesLaterOnRandomWorkloads) {
  constexpr int kGpus = 8;
  int checked_starts = 0;
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    test::FakeSchedulingContext ctx(kGpus, 1);
    ConservativePolicy policy;
    std::map<JobIndex, double> first_reservation_s;
    const bool all_ran = test::run_fake_loop(
        ctx, policy, test::random_workload(seed, 40, kGpus),
        [&](const test::FakeSchedulingContext& c, const std::vector<JobIndex>& started) {
          for (JobIndex s : started) {
            if (!first_reservation_s.count(s)) continue;
            EXPECT_LE(c.job(s).start_s, first_reservation_s[s]) << "seed " << seed;
            ++checked_starts;
          }
          // Usage by estimate: running jobs until their expected end, reserved jobs in their slot.
          struct Span {
            double from_s, to_s;
            int gpus;
          };
          std::vector<Span> busy;
          for (JobIndex r : c.running()) {
            const Job& j = c.job(r);
            busy.push_back({c.now(), j.run_start_s + j.estimate_s, j.gpus});
          }
          for (JobIndex q : c.queue()) {
            const auto t_s = policy.reservation_s(q);
            ASSERT_TRUE(t_s.has_value()) << "seed " << seed << " job " << q;
            if (!first_reservation_s.count(q)) first_reservation_s[q] = *t_s;
            EXPECT_LE(*t_s, first_reservation_s[q]) << "seed " << seed << " job " << q;
            const Job& j = c.job(q);
            busy.push_back({*t_s, *t_s + j.estimate_s, j.gpus});
          }
          // The plan never uses more GPUs than exist (check at every span start).
          for (const Span& at : busy) {
            int in_use = 0;
            for (const Span& s : busy)
              in_use += s.from_s <= at.from_s && at.from_s < s.to_s ? s.gpus : 0;
            EXPECT_LE(in_use, kGpus) << "seed " << seed << " at " << at.from_s;
          }
        });
    EXPECT_TRUE(all_ran) << "seed " << seed;
  }
  EXPECT_GT(checked_starts, 1000);
}

}  // namespace
}  // namespace sovsim::sim
