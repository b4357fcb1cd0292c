// test/sim/telemetry/power_series_test.cpp — the power meter's series (power.csv): energy split
// at bucket boundaries by hand-computed amounts, peaks sampled at the ends of instants, a draw
// held through buckets without changes, the partial last bucket, and the bucket widths.
#include "sim/telemetry/power_meter.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

TEST(PowerSeries, SplitsEnergyAtBucketBoundariesAndKeepsPeaks) {
  PowerMeter meter({1.0, 1.5}, 100);  // two sites, buckets of 100 s
  meter.add(0, 1000, 0);              // site 0: 1 kW from 0 s
  meter.sample();
  meter.add(0, 500, 150);  // 1.5 kW from 150 s
  meter.add(1, 200, 150);  // site 1: 200 W from 150 s
  meter.sample();
  meter.add(0, -1500, 170);  // site 0 idle from 170 s
  meter.sample();
  meter.finish(420);  // buckets [0,100) [100,200) [200,300) [300,400) [400,420)

  const auto& s0 = meter.series().buckets(0);
  ASSERT_EQ(s0.size(), 5u);
  EXPECT_DOUBLE_EQ(s0[0].energy_j, 1000 * 100);
  EXPECT_DOUBLE_EQ(s0[1].energy_j, 1000 * 50 + 1500 * 20);
  EXPECT_DOUBLE_EQ(s0[1].peak_w, 1500);
  EXPECT_DOUBLE_EQ(s0[2].energy_j, 0);
  EXPECT_DOUBLE_EQ(s0[2].peak_w, 0);
  const auto& s1 = meter.series().buckets(1);
  ASSERT_EQ(s1.size(), 5u);
  EXPECT_DOUBLE_EQ(s1[0].energy_j, 0);
  EXPECT_DOUBLE_EQ(s1[1].energy_j, 200 * 50);
  EXPECT_DOUBLE_EQ(s1[2].energy_j, 200 * 100);  // held through a bucket without a change
  EXPECT_DOUBLE_EQ(s1[2].peak_w, 200);
  EXPECT_DOUBLE_EQ(s1[4].energy_j, 200 * 20);   // the partial last bucket
  EXPECT_DOUBLE_EQ(meter.series().end_s(), 420);
  for (int site : {0, 1}) {
    double sum = 0;
    for (const auto& b : meter.series().buckets(site)) sum += b.energy_j;
    EXPECT_DOUBLE_EQ(sum, meter.site_it_j(site));
  }
}

TEST(PowerSeries, ADrawHeldIntoABucketIsItsPeakWithoutASample) {
  PowerMeter meter({1.0}, 100);
  meter.add(0, 10, 0);  // capacity at time 0: no instant ends until 250 s
  meter.add(0, 5, 250);
  meter.sample();
  meter.finish(260);
  const auto& b = meter.series().buckets(0);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_DOUBLE_EQ(b[0].peak_w, 10);
  EXPECT_DOUBLE_EQ(b[1].peak_w, 10);
  EXPECT_DOUBLE_EQ(b[2].peak_w, 15);
}

TEST(PowerSeries, ARunEndingOnABoundaryHasNoEmptyLastBucket) {
  PowerMeter meter({1.0}, 100);
  meter.add(0, 10, 0);
  meter.sample();
  meter.finish(300);
  EXPECT_EQ(meter.series().buckets(0).size(), 3u);
}

TEST(PowerSeries, BucketWidthKeepsAtMostTenThousandBuckets) {
  EXPECT_EQ(power_bucket_s(86400), 60);             // a day: minutes
  EXPECT_EQ(power_bucket_s(14 * 86400), 300);       // two weeks: 5 min
  EXPECT_EQ(power_bucket_s(365 * 86400), 3600);     // a year: hours
  EXPECT_EQ(power_bucket_s(2 * 365 * 86400), 4 * 3600);
  EXPECT_EQ(power_bucket_s(100 * 365 * 86400.0), 7 * 86400);  // beyond: weeks (5,214)
}

}  // namespace
}  // namespace sovsim::sim
