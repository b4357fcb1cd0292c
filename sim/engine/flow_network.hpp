// sim/engine/flow_network.hpp — the fluid model's SimGrid side: a job's traffic on a shared link
// (leaf/pod uplink, WAN, storage) is one SimGrid comm from that link's gateway to its site's
// sink, so SimGrid's max-min solver shares each link among the jobs crossing it. Flows belong to
// an owner (a job and its run generation); completions are reported through one callback. No
// actor: comms are started from the controller's timer callbacks (DESIGN.md).
// A transfer alone on its link is timed analytically (latency + bytes / bandwidth: exact under
// max-min) and becomes a SimGrid flow, with what it has left, only when another transfer starts
// on that link: most of a fleet's transfers never meet another one and cost no SimGrid activity.
// SimGrid's static completion signal cannot be disconnected in 3.32: it is connected once per
// process to a trampoline that reaches the live network, which unregisters in its destructor.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <unordered_map>
#include <vector>

#include "sim/platform/platform.hpp"

namespace simgrid::s4u {
class Activity;
}

namespace sovsim::sim {

class FlowNetwork {
 public:
  // `on_owner_done(owner)` runs (inside SimGrid's engine, at the completion date) when the last
  // live flow of `owner` completes.
  FlowNetwork(const Platform& platform, const SharedLinkSet& links,
              std::function<void(uint64_t owner)> on_owner_done);
  ~FlowNetwork();
  FlowNetwork(const FlowNetwork&) = delete;
  FlowNetwork& operator=(const FlowNetwork&) = delete;

  // Starts a flow of `bytes` (> 0) over shared link `link` for `owner`.
  void start(uint64_t owner, int link, double bytes);
  // A transfer of `bytes` over `link` for `owner`, starting at `now_s`: analytic while alone on the
  // link (its end: analytic_end_s), else a flow — and any analytic transfer there becomes one too.
  void transfer(uint64_t owner, int link, double bytes, double now_s);
  // Latest end of the owner's analytic transfers (-inf if none); forget_analytic() drops them
  // (a new communication step begins).
  double analytic_end_s(uint64_t owner) const;
  void forget_analytic(uint64_t owner);
  // Cancels every live flow and analytic transfer of `owner` (no callback for them).
  void cancel(uint64_t owner);
  // Fraction of its bytes the owner's least advanced live flow has delivered (1 if none live).
  double progress(uint64_t owner) const;

  size_t live_flows() const { return by_activity_.size(); }
  int live_on(int link) const { return live_per_link_[link]; }
  bool has_live(uint64_t owner) const;
  uint64_t flows_started() const { return started_; }
  // Flows started per kind of shared link (SharedLinkKind order: leaf, pod, WAN, storage).
  const std::array<uint64_t, 4>& flows_by_kind() const { return by_kind_; }
  size_t max_live_flows() const { return max_live_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  struct Live {
    uint64_t owner;
    int link;
  };
  void completed(const simgrid::s4u::Activity& activity);  // a comm of ours (or not) ended
  bool link_busy(int link, double now_s);   // a live flow or an unfinished analytic transfer
  void share_link(int link, double now_s);  // its analytic transfers become flows

  std::unordered_map<const void*, Live> by_activity_;  // live comm -> its owner and link
  struct Analytic {
    uint64_t owner;
    double start_s, end_s, bytes;
  };
  std::vector<std::vector<Analytic>> analytic_on_link_;  // by link, in start order
  std::unordered_map<uint64_t, std::vector<std::pair<int, double>>> analytic_;  // owner -> (link, end)
  std::vector<int> live_per_link_;
  uint64_t started_ = 0;
  std::array<uint64_t, 4> by_kind_{};
  size_t max_live_ = 0;
};

}  // namespace sovsim::sim
