// sim/chrome_trace/track_layout.hpp — which timeline track of a Chrome/Perfetto trace each node's
// jobs are drawn on. One track per node while the fleet has at most `max_tracks` nodes; beyond
// that nodes are folded into the first coarser level that fits: NVLink (scale-up) domains, then
// leaf switches, then pods, then whole sites (docs/trace-view.md). Tracks are numbered in node
// order, so by site; names count within their site ("node 3 · H100", "leaf 12 · B200 (32 nodes)").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/cluster/cluster.hpp"

namespace sovsim::sim {

enum class TrackLevel : uint8_t { kNode, kDomain, kLeaf, kPod, kSite };
const char* to_string(TrackLevel level);

struct Track {
  int site = 0;
  std::string name;
  int64_t nodes = 0;  // nodes drawn on it
};

class TrackLayout {
 public:
  TrackLayout(const Cluster& cluster, size_t max_tracks);

  TrackLevel level() const { return level_; }
  uint32_t track_of(NodeId node) const { return track_of_node_[node]; }
  const std::vector<Track>& tracks() const { return tracks_; }

 private:
  void build(const Cluster& cluster, TrackLevel level);

  TrackLevel level_ = TrackLevel::kNode;
  std::vector<uint32_t> track_of_node_;
  std::vector<Track> tracks_;
};

}  // namespace sovsim::sim
