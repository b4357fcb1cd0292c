// sim/engine/controller_segments.cpp — how a running job advances (docs/engine.md, "Segments").
// A run is a chain of segments, each bringing `segment_s` of undisturbed progress:
//   compute phase  a timer of (1 - f) x segment_s, f = the job's exposed-communication share;
//   comm phase     only if its placement crosses shared links: one SimGrid flow per crossed
//                  link, sized so that the job's nodes would send f x segment_s of NIC traffic;
//                  it ends when every flow is done, and no earlier than f x segment_s (the time
//                  at NIC speed), so an uncontended 1:1 fabric gives the job its model time and
//                  an oversubscribed or shared uplink stretches it by SimGrid's max-min share;
//   checkpoint     at the end of a segment when the job checkpoints: a flow of its checkpoint
//                  bytes on the site's storage link, shared with every job writing at once.
// A run after a failure starts with a restart phase (failures.restart_s, no progress).
// A job without shared traffic and without checkpoints has one segment and costs one event.
// A transfer on a link the job holds whole, or on a link where nothing else is transferring, is
// timed analytically; share_link() turns the latter into a flow when another transfer starts
// there. Detailed mode splits segments into iterations and ring steps, without shortcuts.
#include <simgrid/s4u/Engine.hpp>

#include <cmath>
#include <limits>

#include "sim/engine/controller.hpp"

namespace sovsim::sim {
namespace {
constexpr double kMinCheckpointInterval_s = 60;
}  // namespace

uint64_t Controller::owner_of(JobIndex index) const {
  return (uint64_t{index} << 32) | jobs_.jobs[index].generation;
}

void Controller::push_job_event(double time_s, JobIndex index) {
  job_events_.emplace(time_s, index, jobs_.jobs[index].generation, ++segments_.at(index).seq);
}

double Controller::comm_step_s(const Running& r) {
  return r.network_fraction * r.segment_s / r.iterations / r.steps;
}

double Controller::comm_end_s(const Running& r) const {
  double end = r.comm_floor_end_s;
  for (const auto& [link, end_s] : r.alone) end = std::max(end, end_s);
  return end;
}

bool Controller::link_busy(int link) {
  if (flows_->live_on(link) > 0) return true;
  auto& transfers = alone_on_link_[link];
  std::erase_if(transfers, [&](const AloneTransfer& t) {  // ended, or their run is over
    const Job& job = jobs_.jobs[t.job];
    return t.end_s <= now_s_ || job.generation != t.generation || job.state != JobState::kRunning;
  });
  return !transfers.empty();
}

void Controller::share_link(int link) {
  if (!link_busy(link)) return;  // also drops the transfers that are over
  for (const AloneTransfer& t : alone_on_link_[link]) {
    // What it has left at the rate it had alone becomes a flow that SimGrid now shares.
    const double left = t.bytes * (t.end_s - now_s_) / (t.end_s - t.start_s);
    Running& r = segments_.at(t.job);
    std::erase_if(r.alone, [&](const auto& a) { return a.first == link; });
    if (left >= 1) flows_->start(owner_of(t.job), link, left);
  }
  alone_on_link_[link].clear();
}

double Controller::checkpoint_interval_s(const Job& job) const {
  if (job.checkpoint_rule == CheckpointRule::kFixed) return job.checkpoint_interval_s;
  // Young / Daly: from the job's write cost on its site's storage and its exposure to failures.
  const int site = cluster_.pools()[job.placement.pool].site;
  const double storage_bw = simulation_.shared_links()[simulation_.shared_links().storage(site)].bw_bytes_per_s;
  const double cost_s = models::checkpoint_cost_s(job.checkpoint_bytes, storage_bw);
  if (!options_.failures.enabled || cost_s <= 0) return 0;
  const Pool& pool = cluster_.pools()[job.placement.pool];
  const int domains = pool.nodes_per_domain > 1 ? cluster_.domains_spanned(job.placement) : 0;
  const double mtbf_s = models::job_mtbf_s(options_.failures, job.placement.gpus(), domains);
  if (!std::isfinite(mtbf_s)) return 0;
  const double optimum = job.checkpoint_rule == CheckpointRule::kYoung
                             ? models::young_interval_s(cost_s, mtbf_s)
                             : models::daly_interval_s(cost_s, mtbf_s);
  // A tiny checkpoint makes the optimum seconds long; no framework checkpoints that often, and
  // each checkpoint is a segment (events), so the interval is at least a minute.
  return std::max(optimum, kMinCheckpointInterval_s);
}

void Controller::begin_run(JobIndex index) {
  const Job& job = jobs_.jobs[index];
  Running& r = segments_[index];
  r = Running{};
  r.network_fraction = job.network_fraction;
  if (r.network_fraction > 0) {
    r.shares = cross_tier_shares(simulation_.topology(), simulation_.shared_links(), job.placement);
    r.nic_bytes_per_s = simulation_.topology().node_nic_bytes_per_s(job.placement.slices.front().node);
  }
  r.interval_s = checkpoint_interval_s(job);
  if (job.restart_pending && options_.failures.restart_s > 0) {
    // After a failure the job first restarts (relaunch, reading its checkpoint): no progress.
    r.phase = Phase::kRestart;
    r.phase_start_s = now_s_;
    return push_job_event(now_s_ + options_.failures.restart_s, index);
  }
  begin_segment(index, r);
}

void Controller::end_run(JobIndex index, bool cut_short) {
  auto it = segments_.find(index);
  if (it == segments_.end()) return;
  const Running& r = it->second;
  if (cut_short) switch (r.phase) {  // a phase cut short counts what it spent
    case Phase::kRestart: account_restart(index, r); break;
    case Phase::kCheckpoint: account_checkpoint(index, r); break;
    case Phase::kComm: {
      const double stretch = now_s_ - r.phase_start_s - comm_progress(index, r) * comm_step_s(r);
      if (stretch > 0) sink_.network_stretched(index, jobs_.jobs[index], stretch);
      break;
    }
    case Phase::kCompute: break;
  }
  flows_->cancel(owner_of(index));
  segments_.erase(it);
}

void Controller::begin_segment(JobIndex index, Running& r) {
  const Job& job = jobs_.jobs[index];
  const double left = job.remaining_s - r.done_s;
  double longest = std::numeric_limits<double>::infinity();
  if (r.interval_s > 0) longest = r.interval_s - r.since_checkpoint_s;
  if (!r.shares.empty()) longest = std::min(longest, options_.engine.flow_segment_s);
  r.segment_s = std::min(left, longest);
  r.iterations = 1;
  if (options_.engine.detail && !r.shares.empty()) {
    // A model-defined job's iteration is its training step on this hardware.
    const double iteration_s =
        job.profile >= 0 ? job.duration_s / static_cast<double>(jobs_.profile_iterations[job.profile])
                         : options_.engine.detail_iteration_s;
    r.iterations = static_cast<int>(std::max(1.0, std::ceil(r.segment_s / iteration_s)));
  }
  r.iteration = 0;
  begin_iteration(index, r);
}

void Controller::begin_iteration(JobIndex index, Running& r) {
  r.phase = Phase::kCompute;
  r.phase_start_s = now_s_;
  const double work_s = r.segment_s / r.iterations;
  push_job_event(now_s_ + (r.shares.empty() ? work_s : (1.0 - r.network_fraction) * work_s), index);
}

void Controller::begin_comm_step(JobIndex index, Running& r) {
  r.phase = Phase::kComm;
  r.phase_start_s = now_s_;
  const double comm_s = comm_step_s(r);
  r.comm_floor_end_s = now_s_ + comm_s;
  r.alone.clear();
  const double node_bytes = comm_s * r.nic_bytes_per_s;
  const SharedLinkSet& links = simulation_.shared_links();
  const bool shortcuts = !options_.engine.detail;  // detailed mode checks them: always flows
  for (const LinkShare& share : r.shares) {
    const double bytes = share.bytes_per_node_byte * node_bytes;
    if (bytes < 1) continue;
    const SharedLink& l = links[share.link];
    const double alone_end_s = now_s_ + l.latency_s + bytes / l.bw_bytes_per_s;
    if (shortcuts && share.exclusive) {  // it holds the whole leaf or pod: nobody else can come
      r.comm_floor_end_s = std::max(r.comm_floor_end_s, alone_end_s);
      continue;
    }
    if (shortcuts && !link_busy(share.link)) {
      // Alone on the link for now: bytes / bandwidth, no SimGrid flow, until another job starts
      // to use the link (share_link() then turns what is left into a flow). Exact under max-min.
      r.alone.emplace_back(share.link, alone_end_s);
      alone_on_link_[share.link].push_back(
          {index, jobs_.jobs[index].generation, now_s_, alone_end_s, bytes});
      continue;
    }
    if (shortcuts) share_link(share.link);
    flows_->start(owner_of(index), share.link, bytes);
  }
  if (!flows_->has_live(owner_of(index))) push_job_event(comm_end_s(r), index);
  // else flows_done() schedules the end of the step
}

double Controller::progress_in_segment(JobIndex index, const Running& r) const {
  switch (r.phase) {
    case Phase::kCompute:  // at its undisturbed speed
      return r.segment_s * r.iteration / r.iterations + (now_s_ - r.phase_start_s);
    case Phase::kComm: {
      const double work = r.segment_s / r.iterations;
      const double compute = (1.0 - r.network_fraction) * work;
      const double comm = r.network_fraction * work;
      return work * r.iteration + compute + comm * (r.step + comm_progress(index, r)) / r.steps;
    }
    case Phase::kRestart: return 0;     // no progress yet in this run
    case Phase::kCheckpoint: return 0;  // the segment's progress is in done_s already
  }
  return 0;
}

double Controller::comm_progress(JobIndex index, const Running& r) const {
  const double floor_end = comm_end_s(r);
  const double by_time =
      floor_end > r.phase_start_s ? (now_s_ - r.phase_start_s) / (floor_end - r.phase_start_s) : 1.0;
  return std::min({1.0, by_time, flows_->progress(owner_of(index))});
}

void Controller::phase_done(JobIndex index) {
  ++stats_.events;
  Running& r = segments_.at(index);
  switch (r.phase) {
    case Phase::kRestart: {
      account_restart(index, r);
      jobs_.jobs[index].restart_pending = false;
      return begin_segment(index, r);
    }
    case Phase::kCompute: {
      if (r.shares.empty()) return segment_done(index, r);
      // Ring steps of a collective over the job's nodes: 2 (N - 1), capped (detailed mode).
      const int nodes = static_cast<int>(jobs_.jobs[index].placement.slices.size());
      r.steps = options_.engine.detail ? std::min(2 * (nodes - 1), options_.engine.detail_max_steps) : 1;
      r.step = 0;
      return begin_comm_step(index, r);
    }
    case Phase::kComm: {
      // A transfer that was alone may have become a flow since this event was due.
      if (flows_->has_live(owner_of(index))) return;
      // What the shared (or oversubscribed) uplinks added to this step's time at NIC speed.
      const double stretch = now_s_ - r.phase_start_s - comm_step_s(r);
      if (stretch > 0) sink_.network_stretched(index, jobs_.jobs[index], stretch);
      if (++r.step < r.steps) return begin_comm_step(index, r);
      if (++r.iteration < r.iterations) return begin_iteration(index, r);
      return segment_done(index, r);
    }
    case Phase::kCheckpoint: {
      r.since_checkpoint_s = 0;
      account_checkpoint(index, r);
      return begin_segment(index, r);
    }
  }
}

void Controller::account_checkpoint(JobIndex index, const Running& r) {
  sink_.checkpoint_written(index, jobs_.jobs[index], now_s_ - r.phase_start_s);
}

void Controller::account_restart(JobIndex index, const Running& r) {
  sink_.work_lost(index, jobs_.jobs[index], Loss::kFailure, now_s_ - r.phase_start_s, now_s_);
}

void Controller::segment_done(JobIndex index, Running& r) {
  ++stats_.segments;
  Job& job = jobs_.jobs[index];
  r.done_s += r.segment_s;
  r.since_checkpoint_s += r.segment_s;
  if (job.remaining_s - r.done_s <= 1e-9 * std::max(1.0, job.remaining_s)) {
    return finish(index);
  }
  if (r.interval_s > 0 && r.since_checkpoint_s >= r.interval_s - 1e-9 * r.interval_s) {
    r.phase = Phase::kCheckpoint;
    r.phase_start_s = now_s_;
    if (job.checkpoint_bytes >= 1) {
      const int site = cluster_.pools()[job.placement.pool].site;
      flows_->start(owner_of(index), simulation_.shared_links().storage(site), job.checkpoint_bytes);
    } else {
      push_job_event(now_s_, index);  // a checkpoint of unknown size costs nothing
    }
    return;
  }
  begin_segment(index, r);
}

void Controller::flows_done(uint64_t owner) {
  const auto index = static_cast<JobIndex>(owner >> 32);
  const Job& job = jobs_.jobs[index];
  if (job.state != JobState::kRunning || (owner & 0xffffffffu) != job.generation) return;
  const double now = simgrid::s4u::Engine::get_clock();
  if (now > options_.horizon_s) return;
  const Running& r = segments_.at(index);
  push_job_event(r.phase == Phase::kComm ? std::max(now, comm_end_s(r)) : now, index);
  arm_next_timer();
}

}  // namespace sovsim::sim
