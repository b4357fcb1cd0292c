// test/sim/chrome_trace/counter_series_test.cpp — counters coalesced to one sample per bucket at
// the bucket's start, holding the bucket's largest value; quiet buckets carry the value on; the
// buckets double in width when the run outgrows them, keeping each bucket's maximum.
#include "sim/chrome_trace/counter_series.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

using Samples = std::vector<std::pair<double, double>>;

TEST(ChromeTraceCounters, OneSamplePerBucketHoldingItsMaximum) {
  CounterSeries c(0, "busy", "GPUs", 10, 100);
  c.set(0, 5);
  c.set(3, 8);   // the peak of bucket [0, 10)
  c.set(4, 2);   // held through [10, 20)
  c.set(25, 7);  // bucket [20, 30) had 2, then 7
  c.finish(30);
  EXPECT_EQ(c.samples(), (Samples{{0, 8}, {10, 2}, {20, 7}}));
}

TEST(ChromeTraceCounters, StartsAtZeroAndWritesNoRepeats) {
  CounterSeries c(0, "busy", "GPUs", 10, 100);
  c.set(35, 3);  // 0 until then
  c.set(41, 3);
  c.set(52, 1);
  c.set(58, 3);  // bucket [50, 60) peaks at 3 again: no new sample
  c.finish(70);
  EXPECT_EQ(c.samples(), (Samples{{0, 0}, {30, 3}}));
}

TEST(ChromeTraceCounters, AChangeAtABucketStartDropsTheOldValue) {
  CounterSeries c(0, "power", "kW", 10, 100);
  c.set(0, 9);
  c.set(20, 1);  // exactly at the start of [20, 30): 9 does not count there
  c.finish(30);
  EXPECT_EQ(c.samples(), (Samples{{0, 9}, {20, 1}}));
}

TEST(ChromeTraceCounters, BucketsDoubleWhenTheRunOutgrowsThem) {
  CounterSeries c(0, "busy", "GPUs", 1, 4);  // at most 4 buckets
  c.set(0, 1);
  c.set(1, 5);
  c.set(2, 2);
  c.set(3, 0);
  c.set(4.5, 3);  // a fifth 1 s bucket: now 2 s buckets [0, 2) max 5, [2, 4) max 2, [4, 6) 0 then 3
  EXPECT_EQ(c.bucket_s(), 2);
  c.finish(20);   // 4 buckets of 2 s cannot reach 20 s: 8 s buckets, [0, 8) max 5, [8, 16) 3
  EXPECT_EQ(c.bucket_s(), 8);
  EXPECT_EQ(c.samples(), (Samples{{0, 5}, {8, 3}}));
}

}  // namespace
}  // namespace sovsim::sim
