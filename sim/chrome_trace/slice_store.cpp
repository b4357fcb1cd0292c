// sim/chrome_trace/slice_store.cpp — see slice_store.hpp.
#include "sim/chrome_trace/slice_store.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <tuple>

namespace sovsim::sim {

const char* to_string(SliceEnd end) {
  switch (end) {
    case SliceEnd::kCompleted: return "completed";
    case SliceEnd::kPreempted: return "preempted";
    case SliceEnd::kFailed: return "failed";
    case SliceEnd::kRunningAtEnd: return "running at end";
  }
  return "?";
}

namespace {

// The order that decides which slices are kept: by start, then a unique key.
bool starts_before(const Slice& a, const Slice& b) {
  return std::tie(a.start_s, a.job, a.run, a.track) < std::tie(b.start_s, b.job, b.run, b.track);
}

}  // namespace

void SliceStore::add(const Slice& slice) {
  ++seen_;
  if (max_ == 0) return;
  if (slices_.size() < max_) {
    slices_.push_back(slice);
    return;
  }
  if (!heap_) {
    std::make_heap(slices_.begin(), slices_.end(), starts_before);
    heap_ = true;
  }
  if (!starts_before(slice, slices_.front())) return;  // later than every slice kept
  std::pop_heap(slices_.begin(), slices_.end(), starts_before);
  slices_.back() = slice;
  std::push_heap(slices_.begin(), slices_.end(), starts_before);
}

void SliceStore::finish() {
  std::sort(slices_.begin(), slices_.end(), [](const Slice& a, const Slice& b) {
    return a.track != b.track ? a.track < b.track : starts_before(a, b);
  });
  lanes_.clear();
  using Busy = std::pair<double, uint32_t>;  // (end, lane)
  std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
  std::priority_queue<uint32_t, std::vector<uint32_t>, std::greater<>> free;
  for (size_t i = 0; i < slices_.size(); ++i) {
    Slice& s = slices_[i];
    if (i == 0 || s.track != slices_[i - 1].track) {  // a new track: no lane in use
      busy = {};
      free = {};
      if (lanes_.size() <= s.track) lanes_.resize(s.track + 1, 0);
    }
    while (!busy.empty() && busy.top().first <= s.start_s) {
      free.push(busy.top().second);
      busy.pop();
    }
    if (free.empty()) {
      s.lane = lanes_[s.track]++;
    } else {
      s.lane = free.top();
      free.pop();
    }
    busy.emplace(s.end_s, s.lane);
  }
}

}  // namespace sovsim::sim
