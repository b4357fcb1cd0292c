// sim/engine/flow_network.cpp — see flow_network.hpp. SimGrid 3.32 pitfalls handled here
// (DESIGN.md): a started comm cannot be detached, so its CommPtr is held until it ends; cancel
// may fire the completion signal again, so completions of flows no longer tracked are ignored.
#include "sim/engine/flow_network.hpp"

#include <simgrid/s4u/Activity.hpp>
#include <simgrid/s4u/Comm.hpp>

#include <algorithm>
#include <cmath>

namespace sg4 = simgrid::s4u;

namespace sovsim::sim {

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
      live_per_link_(links.count(), 0) {
  sg4::Activity::on_completion_cb([this](const sg4::Activity& activity) {
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
  });
}

FlowNetwork::~FlowNetwork() { by_activity_.clear(); }

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
