// test/sim/sched/fair_share_policy_test.cpp — fair share on a hand-built context: lending idle
// GPUs, reclaim by preemption (and its limits), and convergence to the shares under saturation,
// measured with a tiny event loop (no engine).
#include "sim/sched/fair_share_policy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "test/support/fake_scheduling_context.hpp"

namespace sovsim::sim {
namespace {

std::vector<Tenant> tenants_with_shares(const std::vector<double>& shares) {
  std::vector<Tenant> out;
  for (size_t i = 0; i < shares.size(); ++i) {
    Tenant t;
    t.name = "t" + std::to_string(i);
    t.share = shares[i];
    out.push_back(t);
  }
  return out;
}

TEST(FairSharePolicy, LendsIdleCapacityToALoneTenant) {
  test::FakeSchedulingContext ctx(4, 8, tenants_with_shares({0.5, 0.5}));
  for (int i = 0; i < 9; ++i) ctx.submit(4, 100, /*tenant=*/0);
  FairSharePolicy policy({});
  policy.schedule(ctx);
  EXPECT_EQ(ctx.started.size(), 8u);  // the whole cluster, twice its share
  EXPECT_EQ(ctx.tenant_busy_gpus(0), 32);
  EXPECT_TRUE(ctx.preempted.empty());
}

TEST(FairSharePolicy, ReclaimsByPreemptionWhenTheOwnerComesBack) {
  test::FakeSchedulingContext ctx(4, 8, tenants_with_shares({0.5, 0.5}));
  for (int i = 0; i < 8; ++i) ctx.submit(4, 100, 0);  // jobs 0..7, two per node
  FairSharePolicy policy({});
  policy.schedule(ctx);
  ctx.set_now(10);
  for (int i = 0; i < 3; ++i) ctx.submit(8, 100, 1);  // jobs 8..10
  policy.schedule(ctx);
  // The most recently started (highest index at equal start) go first, a whole node at a time,
  // until tenant 1 holds its 16 GPUs; its third job waits (it would go over share).
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{7, 6, 5, 4}));
  EXPECT_EQ(ctx.tenant_busy_gpus(0), 16);
  EXPECT_EQ(ctx.tenant_busy_gpus(1), 16);
  EXPECT_EQ(ctx.job(10).state, JobState::kQueued);
  EXPECT_EQ(ctx.job(7).state, JobState::kQueued);
  EXPECT_DOUBLE_EQ(ctx.job(7).remaining_s, 90);  // no checkpoint interval: nothing lost
}

TEST(FairSharePolicy, NeverPreemptsATenantBelowItsShare) {
  // 24 GPUs, shares 12 / 12. Tenant 0 holds 16 (4 jobs of 4), tenant 1 holds 8.
  test::FakeSchedulingContext ctx(3, 8, tenants_with_shares({0.5, 0.5}));
  for (int i = 0; i < 4; ++i) ctx.submit(4, 100, 0);
  ctx.submit(8, 100, 1);
  FairSharePolicy policy({});
  policy.schedule(ctx);
  ASSERT_EQ(ctx.started.size(), 5u);
  const JobIndex big = ctx.submit(8, 100, 1);  // needs two of tenant 0's jobs: 16 -> 8 < 12
  policy.schedule(ctx);
  EXPECT_TRUE(ctx.preempted.empty());
  EXPECT_EQ(ctx.job(big).state, JobState::kQueued);
}

TEST(FairSharePolicy, ReclaimTakesOnlyWhatKeepsTheLenderAtItsShare) {
  test::FakeSchedulingContext ctx(3, 8, tenants_with_shares({0.5, 0.5}));
  for (int i = 0; i < 4; ++i) ctx.submit(4, 100, 0);
  ctx.submit(8, 100, 1);
  FairSharePolicy policy({});
  policy.schedule(ctx);
  const JobIndex small = ctx.submit(4, 100, 1);  // one of tenant 0's jobs: 16 -> 12, allowed
  policy.schedule(ctx);
  EXPECT_EQ(ctx.preempted.size(), 1u);
  EXPECT_EQ(ctx.job(small).state, JobState::kRunning);
  EXPECT_EQ(ctx.tenant_busy_gpus(0), 12);
}

TEST(FairSharePolicy, OverShareTenantDoesNotPreempt) {
  test::FakeSchedulingContext ctx(2, 8, tenants_with_shares({0.25, 0.75}));
  ctx.submit(8, 100, 0);
  ctx.submit(8, 100, 1);
  FairSharePolicy policy({});
  policy.schedule(ctx);
  ctx.submit(8, 100, 0);  // tenant 0 is at 8 > 4: it may only borrow idle GPUs
  policy.schedule(ctx);
  EXPECT_TRUE(ctx.preempted.empty());
}

TEST(FairSharePolicy, ReclaimOffOnlyLends) {
  test::FakeSchedulingContext ctx(2, 8, tenants_with_shares({0.5, 0.5}));
  ctx.submit(8, 100, 0);
  ctx.submit(8, 100, 0);
  FairSharePolicy policy({/*reclaim=*/false});
  policy.schedule(ctx);
  ctx.submit(8, 100, 1);
  policy.schedule(ctx);
  EXPECT_TRUE(ctx.preempted.empty());
}

TEST(FairSharePolicy, YoungJobsAreNotPreempted) {
  test::FakeSchedulingContext ctx(2, 8, tenants_with_shares({0.5, 0.5}));
  ctx.submit(8, 1000, 0);
  FairSharePolicy policy({true, /*min_runtime_before_preempt_s=*/60});
  policy.schedule(ctx);
  ctx.set_now(30);
  ctx.submit(8, 1000, 0);  // borrows the second node at t=30
  policy.schedule(ctx);
  ctx.set_now(70);
  ctx.submit(8, 100, 1);
  policy.schedule(ctx);
  // Job 1 (40 s old) is protected; job 0 (70 s old) is the victim although it started earlier.
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{0}));
}

TEST(FairSharePolicy, PrefersTheVictimWithLeastCheckpointLoss) {
  test::FakeSchedulingContext ctx(2, 8, tenants_with_shares({0.5, 0.5}));
  const JobIndex a = ctx.submit(8, 1000, 0);
  const JobIndex b = ctx.submit(8, 1000, 0);
  ctx.mutable_job(a).checkpoint_interval_s = 60;   // at t=100: 40 s since its last checkpoint
  ctx.mutable_job(b).checkpoint_interval_s = 300;  // at t=100: 100 s
  FairSharePolicy policy({});
  policy.schedule(ctx);
  ctx.set_now(100);
  ctx.submit(8, 100, 1);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{a}));
  EXPECT_DOUBLE_EQ(ctx.lost_s.at(a), 40);
  EXPECT_DOUBLE_EQ(ctx.job(a).remaining_s, 940);
}

TEST(FairSharePolicy, ZeroShareTenantBorrowsAndIsReclaimedFirst) {
  test::FakeSchedulingContext ctx(2, 8, tenants_with_shares({0.5, 0.5, 0}));
  ctx.submit(8, 100, 2);  // borrows
  ctx.submit(8, 100, 0);
  FairSharePolicy policy({});
  policy.schedule(ctx);
  ASSERT_EQ(ctx.started.size(), 2u);
  ctx.set_now(10);
  ctx.submit(8, 100, 1);
  policy.schedule(ctx);
  EXPECT_EQ(ctx.preempted, (std::vector<JobIndex>{0}));
}

// ---- Convergence under saturation -----------------------------------------------------------

// Deterministic job sizes and lengths (a 64-bit LCG; constants from Knuth's MMIX).
class Lcg {
 public:
  uint64_t next() {
    return (state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL) >> 33;
  }

 private:
  uint64_t state_ = 42;
};

// Every tenant with start_s <= now keeps 8 jobs queued (1, 2 or 4 GPUs, 100-1000 s).
// Returns each tenant's time-averaged share of the fleet's GPUs over [from_s, horizon_s].
std::vector<double> measured_shares(Policy& policy, test::FakeSchedulingContext& ctx,
                                    const std::vector<double>& start_s, double from_s,
                                    double horizon_s) {
  const size_t tenants = start_s.size();
  const int backlog = 8;
  Lcg rng;
  std::vector<double> gpu_s(tenants, 0);
  auto refill = [&] {
    std::vector<int> queued(tenants, 0);
    for (JobIndex j : ctx.queue()) ++queued[ctx.job(j).tenant];
    for (size_t t = 0; t < tenants; ++t) {
      for (; start_s[t] <= ctx.now() && queued[t] < backlog; ++queued[t]) {
        const int gpus = 1 << (rng.next() % 3);
        ctx.submit(gpus, 100 + static_cast<double>(rng.next() % 901), static_cast<int>(t));
      }
    }
  };
  refill();
  policy.schedule(ctx);
  while (ctx.now() < horizon_s) {
    double next = horizon_s;
    for (JobIndex j : ctx.running()) {
      next = std::min(next, ctx.job(j).run_start_s + ctx.job(j).remaining_s);
    }
    for (double s : start_s) {
      if (s > ctx.now()) next = std::min(next, s);
    }
    const double lo = std::max(ctx.now(), from_s), hi = std::max(next, from_s);
    for (size_t t = 0; t < tenants; ++t) {
      gpu_s[t] += static_cast<double>(ctx.tenant_busy_gpus(static_cast<int>(t))) * (hi - lo);
    }
    ctx.set_now(next);
    std::vector<JobIndex> done;
    for (JobIndex j : ctx.running()) {
      if (ctx.job(j).run_start_s + ctx.job(j).remaining_s <= next) done.push_back(j);
    }
    for (JobIndex j : done) ctx.complete(j);
    refill();
    policy.schedule(ctx);
  }
  const double capacity = static_cast<double>(ctx.cluster().total_gpus()) * (horizon_s - from_s);
  for (double& g : gpu_s) g /= capacity;
  return gpu_s;
}

TEST(FairSharePolicy, ConvergesToTheSharesUnderSaturation) {
  test::FakeSchedulingContext ctx(32, 8, tenants_with_shares({0.5, 0.3, 0.2}));
  FairSharePolicy policy({});
  auto shares = measured_shares(policy, ctx, {0, 0, 0}, 20'000, 200'000);
  // Tolerance 0.015 of the fleet (4 GPUs of 256). Measured 0.4876 / 0.2972 / 0.2022: the
  // shortfall is mostly fragmentation (about 1% of GPUs free that no queued job fits), charged
  // to the tenant below its share because lenders cannot be reclaimed below theirs; the rest is
  // job granularity (a tenant just below its share starts a whole job). Both shrink relative to
  // the fleet as it grows: on 64 GPUs with 4 queued jobs per tenant it is 0.4715 / 0.2999 / 0.2108.
  EXPECT_NEAR(shares[0], 0.5, 0.015);
  EXPECT_NEAR(shares[1], 0.3, 0.015);
  EXPECT_NEAR(shares[2], 0.2, 0.015);
  EXPECT_GT(shares[0] + shares[1] + shares[2], 0.98);
  std::printf("fair-share saturated shares: %.4f %.4f %.4f\n", shares[0], shares[1], shares[2]);
}

TEST(FairSharePolicy, LateOwnersReclaimTheirSharesAtOnce) {
  // Tenant 0 has the fleet to itself for 10,000 s, then the others arrive. Measured over the
  // next 500 s, shorter than most jobs (100-1000 s): reclaim, not completions, does the work.
  std::vector<std::vector<double>> measured;
  for (bool reclaim : {true, false}) {
    test::FakeSchedulingContext ctx(32, 8, tenants_with_shares({0.5, 0.3, 0.2}));
    FairSharePolicy policy({reclaim});
    measured.push_back(measured_shares(policy, ctx, {0, 10'000, 10'000}, 10'000, 10'500));
    EXPECT_EQ(ctx.preempted.empty(), !reclaim);
    std::printf(
        "fair-share (reclaim %d) shares in the 500 s after a late arrival: %.4f %.4f %.4f "
        "(%zu preemptions)\n",
        reclaim, measured.back()[0], measured.back()[1], measured.back()[2], ctx.preempted.size());
  }
  EXPECT_NEAR(measured[0][0], 0.5, 0.02);
  EXPECT_NEAR(measured[0][1], 0.3, 0.02);
  EXPECT_NEAR(measured[0][2], 0.2, 0.02);
  EXPECT_GT(measured[1][0], 0.6);  // without reclaim, tenant 0 keeps the borrowed GPUs longer
}

TEST(FairSharePolicy, UnusedEntitlementIsLentInProportion) {
  // Tenant 2 (share 0.2) never comes: tenants 0 and 1 split its share in the ratio 5:3.
  test::FakeSchedulingContext ctx(32, 8, tenants_with_shares({0.5, 0.3, 0.2}));
  FairSharePolicy policy({});
  auto shares = measured_shares(policy, ctx, {0, 0, 1e18}, 20'000, 200'000);
  EXPECT_NEAR(shares[0], 0.625, 0.015);
  EXPECT_NEAR(shares[1], 0.375, 0.015);
  EXPECT_EQ(shares[2], 0);
  std::printf("fair-share shares with an absent tenant: %.4f %.4f\n", shares[0], shares[1]);
}

}  // namespace
}  // namespace sovsim::sim
