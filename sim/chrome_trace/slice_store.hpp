// sim/chrome_trace/slice_store.hpp — the job slices of a Chrome/Perfetto trace: one per run of a
// job (start to stop) and track it ran on. Bounded: it keeps the first `max_slices` slices by
// start time (ties: job, run, track), a deterministic subset, in memory proportional to that
// bound whatever the run's length. finish() sorts them by track and deals each track's slices
// onto lanes (sub-tracks) so that slices on one lane never overlap: jobs sharing a node, or the
// nodes of an aggregated track, run side by side (greedy interval partitioning: the fewest lanes).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/workload/job.hpp"

namespace sovsim::sim {

enum class SliceEnd : uint8_t { kCompleted, kPreempted, kFailed, kRunningAtEnd };
const char* to_string(SliceEnd end);

struct Slice {
  double start_s = 0, end_s = 0;
  JobIndex job = 0;
  uint32_t track = 0;
  uint32_t lane = 0;  // set by finish()
  uint16_t run = 0;   // 1 for a job's first run, 2 after its first preemption or failure, ...
  SliceEnd end = SliceEnd::kCompleted;
};

class SliceStore {
 public:
  explicit SliceStore(size_t max_slices) : max_(max_slices) {}

  void add(const Slice& slice);
  // Sorts the kept slices by (track, start) and assigns lanes. Call once, after the last add().
  void finish();

  uint64_t seen() const { return seen_; }
  const std::vector<Slice>& slices() const { return slices_; }
  // Lanes each track needed (after finish(); size = 1 + the largest track with a slice).
  const std::vector<uint32_t>& lanes() const { return lanes_; }

 private:
  size_t max_;
  uint64_t seen_ = 0;
  bool heap_ = false;  // slices_ is a max-heap by start order once it is full
  std::vector<Slice> slices_;
  std::vector<uint32_t> lanes_;
};

}  // namespace sovsim::sim
