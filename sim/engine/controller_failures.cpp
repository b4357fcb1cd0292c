// sim/engine/controller_failures.cpp — failures and repairs (docs/failures.md). The fleet's
// failures are one superposed Poisson process (models/failures.hpp) drawn from the scenario
// seed. A node failure takes the node out of service until its repair: every job running on it
// is interrupted, loses the work since its last checkpoint (all of it without checkpoints) and
// rejoins the queue at its arrival position, so the policy restarts it on healthy nodes. A
// scale-up domain failure (an NVL72 rack) takes all its nodes down together. Events for hardware
// already in repair are dropped (thinning: out-of-service hardware does not fail). A node group may
// keep hot spares (`spares`): held out of scheduling, one replaces a failed node at once, and the
// repaired node goes back to the shelf. Idle spares do not fail.
#include <algorithm>

#include "sim/engine/controller.hpp"

namespace sovsim::sim {
namespace {

Placement whole_node(const Cluster& cluster, NodeId node) {
  for (size_t p = 0; p < cluster.pools().size(); ++p) {
    const Pool& pool = cluster.pools()[p];
    if (node >= pool.first_node && node < pool.first_node + pool.node_count) {
      return Placement{static_cast<int>(p), {NodeSlice{node, pool.gpus_per_node}}};
    }
  }
  return {};
}

}  // namespace

void Controller::handle_failure(const models::FailureEvent& event) {
  std::vector<int32_t> nodes;
  if (event.kind == models::FailureEvent::Kind::kDomain) {
    nodes = failure_process_->nodes_in_domain(event.node_or_domain);
  } else {
    nodes.push_back(event.node_or_domain);
  }
  std::erase_if(nodes, [&](int32_t n) { return node_down_[n] != kUp; });
  if (nodes.empty()) return;
  ++stats_.events;
  if (event.kind == models::FailureEvent::Kind::kDomain) ++stats_.domain_failures;
  for (NodeId n : nodes) {
    ++stats_.node_failures;
    take_down(n);
    repairs_.emplace(now_s_ + event.repair_s, n);
    const int pool = whole_node(cluster_, n).pool;
    if (!spare_shelf_[pool].empty()) {  // a hot spare takes its place now
      const NodeId spare = spare_shelf_[pool].back();
      spare_shelf_[pool].pop_back();
      cluster_.release(whole_node(cluster_, spare));
      node_down_[spare] = kUp;
      ++stats_.spare_swaps;
    }
  }
}

void Controller::hold_spares() {
  spare_shelf_.resize(cluster_.pools().size());
  spare_target_.assign(cluster_.pools().size(), 0);
  for (size_t p = 0; p < cluster_.pools().size(); ++p) {
    const Pool& pool = cluster_.pools()[p];
    spare_target_[p] = std::min<int64_t>(pool.spares, pool.node_count);  // trace-sized groups
    for (NodeId n = pool.first_node + pool.node_count - static_cast<NodeId>(spare_target_[p]);
         n < pool.first_node + pool.node_count; ++n) {
      cluster_.allocate(whole_node(cluster_, n));
      node_down_[n] = kSpare;
      spare_shelf_[p].push_back(n);
    }
  }
}

void Controller::repaired(NodeId node) {
  ++stats_.events;
  const int pool = whole_node(cluster_, node).pool;
  --stats_.nodes_down;
  // Spares in service replace failed nodes one for one: the shelf refills first.
  if (static_cast<int64_t>(spare_shelf_[pool].size()) < spare_target_[pool]) {
    node_down_[node] = kSpare;
    spare_shelf_[pool].push_back(node);
    return;
  }
  cluster_.release(whole_node(cluster_, node));
  node_down_[node] = kUp;
}

void Controller::take_down(NodeId node) {
  const std::vector<JobIndex> victims = node_jobs_[node];  // fail_job edits the list
  for (JobIndex j : victims) fail_job(j);
  cluster_.allocate(whole_node(cluster_, node));
  node_down_[node] = kInRepair;
  ++stats_.nodes_down;
}

void Controller::fail_job(JobIndex index) {
  Job& job = jobs_.jobs[index];
  const Running& r = segments_.at(index);
  const double progress = r.done_s + progress_in_segment(index, r);
  // With checkpoints: the work since the last one. Without: everything since the first start.
  // Either way its next run first restarts (relaunch, reading the checkpoint: restart_s), which
  // the restart phase counts as lost when it is spent (controller_segments.cpp).
  const double loss = r.interval_s > 0 ? r.since_checkpoint_s + progress - r.done_s
                                       : job.duration_s - job.remaining_s + progress;
  sink_.job_interrupted(index, job);
  sink_.work_lost(index, job, Loss::kFailure, loss, now_s_);
  job.restart_pending = true;  // its next run begins with the restart (restart_s)
  stop_and_requeue(index, job.remaining_s - progress + loss);
}

}  // namespace sovsim::sim
