// test/sim/chrome_trace/slice_store_test.cpp — the trace's job slices: beyond the limit the
// first ones by start time are kept, whatever order they arrive in; lanes never overlap and are
// as few as the most slices live at once on a track.
#include "sim/chrome_trace/slice_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "models/common/rng.hpp"

namespace sovsim::sim {
namespace {

Slice slice(double start, double end, JobIndex job, uint32_t track = 0) {
  return Slice{start, end, job, track, 0, 1, SliceEnd::kCompleted};
}

TEST(ChromeTraceSlices, KeepsTheFirstByStartTimeInAnyArrivalOrder) {
  SliceStore store(3);
  // Slices arrive when their runs stop, not in start order.
  for (const Slice& s : {slice(50, 60, 5), slice(10, 70, 1), slice(40, 41, 4), slice(30, 90, 3),
                         slice(5, 95, 0), slice(20, 21, 2)}) {
    store.add(s);
  }
  store.finish();
  EXPECT_EQ(store.seen(), 6u);
  std::vector<JobIndex> kept;
  for (const Slice& s : store.slices()) kept.push_back(s.job);
  std::sort(kept.begin(), kept.end());
  EXPECT_EQ(kept, (std::vector<JobIndex>{0, 1, 2}));  // starts 5, 10, 20
}

TEST(ChromeTraceSlices, LanesReuseFreedLanesAndNeverOverlap) {
  SliceStore store(100);
  for (const Slice& s : {slice(0, 10, 0), slice(5, 15, 1), slice(10, 20, 2), slice(12, 13, 3)}) {
    store.add(s);
  }
  store.finish();
  std::map<JobIndex, uint32_t> lane;
  for (const Slice& s : store.slices()) lane[s.job] = s.lane;
  EXPECT_EQ(lane[0], 0u);
  EXPECT_EQ(lane[1], 1u);
  EXPECT_EQ(lane[2], 0u);  // job 0 ended at 10: its lane is free again
  EXPECT_EQ(lane[3], 2u);  // at 12 jobs 1 and 2 hold lanes 1 and 0
  EXPECT_EQ(store.lanes()[0], 3u);
}

// Random slices on a few tracks: on every (track, lane) slices are disjoint, and each track has
// exactly as many lanes as the largest number of its slices live at one time.
TEST(ChromeTraceSlices, RandomSlicesGetDisjointLanesAndNoMoreThanNeeded) {
  Rng rng(3, 0);
  SliceStore store(10000);
  std::vector<Slice> all;
  for (JobIndex j = 0; j < 2000; ++j) {
    const double start = std::floor(rng.uniform01() * 1000);
    const Slice s = slice(start, start + std::floor(rng.uniform01() * 50), j,
                          static_cast<uint32_t>(rng.below(4)));
    all.push_back(s);
    store.add(s);
  }
  store.finish();
  ASSERT_EQ(store.slices().size(), all.size());
  std::map<std::pair<uint32_t, uint32_t>, std::vector<std::pair<double, double>>> by_lane;
  for (const Slice& s : store.slices()) by_lane[{s.track, s.lane}].emplace_back(s.start_s, s.end_s);
  for (auto& [key, spans] : by_lane) {
    std::sort(spans.begin(), spans.end());
    for (size_t i = 1; i < spans.size(); ++i) EXPECT_LE(spans[i - 1].second, spans[i].first);
  }
  for (uint32_t track = 0; track < 4; ++track) {
    // Most slices live at once: sweep starts (+1) and ends (-1), ends first at equal times.
    std::vector<std::pair<double, int>> edges;
    for (const Slice& s : all) {
      if (s.track == track) edges.emplace_back(s.start_s, +1), edges.emplace_back(s.end_s, -1);
    }
    std::sort(edges.begin(), edges.end());
    int live = 0, most = 0;
    for (const auto& [t, d] : edges) most = std::max(most, live += d);
    EXPECT_EQ(store.lanes()[track], static_cast<uint32_t>(most)) << "track " << track;
  }
}

}  // namespace
}  // namespace sovsim::sim
