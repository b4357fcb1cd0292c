// test/sim/workload/service_plan_test.cpp — the replica plan of a living service: replicas
// wanted per interval from the interval's peak rate, within min/max; slots run contiguously.
#include "sim/workload/service_plan.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

ServingWork day_night() {
  ServingWork w;
  w.requests_per_s = 10;
  w.rate_profile = models::TimeProfile({0.2, 1.0}, 12 * 3600);  // night, then day
  w.autoscale = {true, 1, 0, 3600, 0};
  return w;
}

TEST(ServicePlan, ReplicasFollowThePeakOfEachInterval) {
  const ServingWork w = day_night();
  const auto wanted = replicas_wanted(w, 3.0, 0, 24 * 3600);
  ASSERT_EQ(wanted.size(), 24u);
  EXPECT_EQ(wanted[0], 1);   // 2 req/s / 3 per replica
  EXPECT_EQ(wanted[12], 4);  // 10 / 3
  // An interval straddling the change is sized for its peak.
  EXPECT_DOUBLE_EQ(peak_rate_between(w, 11.5 * 3600, 12.5 * 3600), 10.0);
}

TEST(ServicePlan, MinAndMaxBoundTheReplicas) {
  ServingWork w = day_night();
  w.autoscale.min_replicas = 2;
  w.autoscale.max_replicas = 3;
  for (int n : replicas_wanted(w, 3.0, 0, 24 * 3600)) {
    EXPECT_GE(n, 2);
    EXPECT_LE(n, 3);
  }
}

TEST(ServicePlan, EachSlotIsOneRunPerContiguousStretch) {
  const ServingWork w = day_night();
  const auto runs = plan_replicas(w, 3.0, 0, 48 * 3600);
  // Slot 0 lives all along; slots 1-3 run each day (12 h), twice in 48 h.
  int slot0 = 0, others = 0;
  for (const ReplicaRun& r : runs) {
    if (r.slot == 0) {
      ++slot0;
      EXPECT_DOUBLE_EQ(r.start_s, 0);
      EXPECT_DOUBLE_EQ(r.end_s, 48 * 3600);
    } else {
      ++others;
      EXPECT_DOUBLE_EQ(r.end_s - r.start_s, 12 * 3600);
    }
  }
  EXPECT_EQ(slot0, 1);
  EXPECT_EQ(others, 6);
  EXPECT_TRUE(std::is_sorted(runs.begin(), runs.end(), [](const ReplicaRun& a, const ReplicaRun& b) {
    return a.start_s < b.start_s;
  }));
}

}  // namespace
}  // namespace sovsim::sim
