// sim/engine/flow_network.cpp — see flow_network.hpp. SimGrid 3.32 pitfalls handled here
// (DESIGN.md): a started comm cannot be detached, so its CommPtr is held until it ends; cancel
// may fire the completion signal again, so completions of flows no longer tracked are ignored.
#include "sim/engine/flow_network.hpp"

#include <simgrid/s4u/Activity.hpp>
#include <simgrid/s4u/Comm.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sg4 = simgrid::s4u;

namespace sovsim::sim {
namespace {
FlowNetwork* live_network = nullptr;  // the one whose completions SimGrid reports (see below)
}  // namespace

struct FlowNetwork::Impl {
  const Platform& platform;
  const SharedLinkSet& links;
  std::function<void(uint64_t)> on_owner_done;
  struct Flow {
    sg4::CommPtr comm;
    double bytes;
  };
  std::unordered_map<uint64_t, std::vector<Flow>> by_owner;  // live flows per owner
  // Ended comms, released later: SimGrid still uses an activity after its completion signal.
  std::vector<sg4::CommPtr> ended;
};

FlowNetwork::FlowNetwork(const Platform& platform, const SharedLinkSet& links,
                         std::function<void(uint64_t owner)> on_owner_done)
    : impl_(new Impl{platform, links, std::move(on_owner_done), {}}),
      live_per_link_(links.count(), 0),
      analytic_on_link_(links.count()) {
  // SimGrid 3.32 offers no way to disconnect from its static completion signal, so one trampoline
  // is connected once per process and routes to the live network, which unregisters itself in
  // its destructor: no dangling `this` (SimGrid allows one engine, so one network, at a time).
  static bool connected = false;
  if (!connected) {
    sg4::Activity::on_completion_cb([](const sg4::Activity& activity) {
      if (live_network != nullptr) live_network->completed(activity);
    });
    connected = true;
  }
  live_network = this;
}

void FlowNetwork::completed(const sg4::Activity& activity) {
  auto it = by_activity_.find(&activity);
  if (it == by_activity_.end()) return;  // not ours, or cancelled
  const uint64_t owner = it->second.owner;
  --live_per_link_[it->second.link];
  by_activity_.erase(it);
  auto& flows = impl_->by_owner[owner];
  auto flow = std::find_if(flows.begin(), flows.end(),
                           [&](const Impl::Flow& f) { return f.comm.get() == &activity; });
  impl_->ended.push_back(std::move(flow->comm));
  flows.erase(flow);
  if (flows.empty()) {
    impl_->by_owner.erase(owner);
    impl_->on_owner_done(owner);
  }
}

FlowNetwork::~FlowNetwork() {
  if (live_network == this) live_network = nullptr;
  by_activity_.clear();
}

bool FlowNetwork::link_busy(int link, double now_s) {
  if (live_per_link_[link] > 0) return true;
  auto& transfers = analytic_on_link_[link];
  std::erase_if(transfers, [&](const Analytic& t) { return t.end_s <= now_s; });
  return !transfers.empty();
}

void FlowNetwork::share_link(int link, double now_s) {
  if (!link_busy(link, now_s)) return;  // also drops the transfers that are over
  for (const Analytic& t : analytic_on_link_[link]) {
    // What it has left at the rate it had alone becomes a flow that SimGrid now shares.
    const double left = t.bytes * (t.end_s - now_s) / (t.end_s - t.start_s);
    std::erase_if(analytic_[t.owner], [&](const auto& a) { return a.first == link; });
    if (left >= 1) start(t.owner, link, left);
  }
  analytic_on_link_[link].clear();
}

void FlowNetwork::transfer(uint64_t owner, int link, double bytes, double now_s) {
  if (!link_busy(link, now_s)) {
    const SharedLink& l = impl_->links[link];
    const double end_s = now_s + l.latency_s + bytes / l.bw_bytes_per_s;
    analytic_[owner].emplace_back(link, end_s);
    analytic_on_link_[link].push_back({owner, now_s, end_s, bytes});
    return;
  }
  share_link(link, now_s);
  start(owner, link, bytes);
}

double FlowNetwork::analytic_end_s(uint64_t owner) const {
  double end = -std::numeric_limits<double>::infinity();
  auto it = analytic_.find(owner);
  if (it == analytic_.end()) return end;
  for (const auto& a : it->second) end = std::max(end, a.second);
  return end;
}

void FlowNetwork::forget_analytic(uint64_t owner) {
  auto it = analytic_.find(owner);
  if (it == analytic_.end()) return;
  for (const auto& [link, end] : it->second) {
    std::erase_if(analytic_on_link_[link], [&](const Analytic& t) { return t.owner == owner; });
  }
  analytic_.erase(it);
}

void FlowNetwork::start(uint64_t owner, int link, double bytes) {
  impl_->ended.clear();  // called from a timer callback: no completion signal is running
  auto comm = sg4::Comm::sendto_async(impl_->platform.gateway(link), impl_->platform.sink(link),
                                      static_cast<uint64_t>(std::max(1.0, std::ceil(bytes))));
  by_activity_.emplace(comm.get(), Live{owner, link});
  ++live_per_link_[link];
  impl_->by_owner[owner].push_back({std::move(comm), std::max(1.0, std::ceil(bytes))});
  ++started_;
  ++by_kind_[static_cast<size_t>(impl_->links[link].kind)];
  max_live_ = std::max(max_live_, by_activity_.size());
}

void FlowNetwork::cancel(uint64_t owner) {
  forget_analytic(owner);
  auto it = impl_->by_owner.find(owner);
  if (it == impl_->by_owner.end()) return;
  std::vector<Impl::Flow> flows = std::move(it->second);
  impl_->by_owner.erase(it);
  for (auto& f : flows) {
    auto live = by_activity_.find(f.comm.get());
    --live_per_link_[live->second.link];
    by_activity_.erase(live);
  }
  for (auto& f : flows) {
    f.comm->cancel();
    impl_->ended.push_back(std::move(f.comm));
  }
}

bool FlowNetwork::has_live(uint64_t owner) const { return impl_->by_owner.count(owner) > 0; }

double FlowNetwork::progress(uint64_t owner) const {
  auto it = impl_->by_owner.find(owner);
  if (it == impl_->by_owner.end()) return 1.0;
  double p = 1.0;
  for (const auto& f : it->second) p = std::min(p, 1.0 - f.comm->get_remaining() / f.bytes);
  return std::clamp(p, 0.0, 1.0);
}

}  // namespace sovsim::sim
