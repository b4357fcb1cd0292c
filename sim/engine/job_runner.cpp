// sim/engine/job_runner.cpp — see job_runner.hpp.
#include "sim/engine/job_runner.hpp"

#include <simgrid/s4u/Engine.hpp>

#include <cmath>
#include <limits>

#include "sim/scenario/limits.hpp"

namespace sovsim::sim {

JobRunner::JobRunner(JobTable& jobs, const Cluster& cluster, const Simulation& simulation,
                     TelemetrySink& sink, ControllerStats& stats, RunnerOptions options,
                     Listener& listener)
    : jobs_(jobs),
      cluster_(cluster),
      simulation_(simulation),
      sink_(sink),
      stats_(stats),
      options_(std::move(options)),
      listener_(listener),
      flows_(std::make_unique<FlowNetwork>(simulation.platform(), simulation.shared_links(),
                                           [this](uint64_t owner) { flows_done(owner); })) {}

JobRunner::~JobRunner() = default;

uint64_t JobRunner::owner_of(JobIndex index) const {
  return (uint64_t{index} << 32) | jobs_.jobs[index].generation;
}

void JobRunner::push_event(double time_s, JobIndex index) {
  events_.emplace(time_s, index, jobs_.jobs[index].generation, ++segments_.at(index).seq);
}

double JobRunner::next_event_s() const {
  return events_.empty() ? std::numeric_limits<double>::infinity() : std::get<0>(events_.top());
}

void JobRunner::handle_due(double now_s) {
  now_s_ = now_s;
  while (!events_.empty() && std::get<0>(events_.top()) <= now_s) {
    const auto [time, index, generation, seq] = events_.top();
    events_.pop();
    const Job& job = jobs_.jobs[index];
    if (generation != job.generation || job.state != JobState::kRunning) continue;
    auto it = segments_.find(index);
    if (it != segments_.end() && it->second.seq == seq) phase_done(index);
  }
}

double JobRunner::comm_step_s(const Running& r) const {
  return r.network_fraction * r.segment_s / r.iterations / r.steps;
}

double JobRunner::compute_work_s(const Running& r) const {
  const double work_s = r.segment_s / r.iterations;
  return r.shares.empty() ? work_s : (1.0 - r.network_fraction) * work_s;
}

double JobRunner::compute_done_s(const Running& r, double now_s) {
  return r.compute_banked_s + (now_s - r.speed_since_s) * r.speed;
}

void JobRunner::set_speed(JobIndex index, double speed, double now_s) {
  now_s_ = now_s;
  Running& r = segments_.at(index);
  if (r.phase != Phase::kCompute) {
    r.speed = speed;  // for the compute phases to come
    return;
  }
  r.compute_banked_s = compute_done_s(r, now_s);
  r.speed_since_s = now_s;
  r.speed = speed;
  push_event(now_s + std::max(0.0, compute_work_s(r) - r.compute_banked_s) / speed, index);
}

double JobRunner::comm_end_s(JobIndex index, const Running& r) const {
  return std::max(r.comm_floor_end_s, flows_->analytic_end_s(owner_of(index)));
}

double JobRunner::checkpoint_interval_s(const Job& job) const {
  if (job.checkpoint_rule == CheckpointRule::kFixed) return job.checkpoint_interval_s;
  // Young / Daly: from the job's write cost on its site's storage and its exposure to failures.
  const Pool& pool = cluster_.pools()[job.placement.pool];
  const SharedLinkSet& links = simulation_.shared_links();
  const double cost_s = models::checkpoint_cost_s(job.checkpoint_bytes,
                                                  links[links.storage(pool.site)].bw_bytes_per_s);
  if (!options_.failures.enabled || cost_s <= 0) return 0;
  const int domains = pool.nodes_per_domain > 1 ? cluster_.domains_spanned(job.placement) : 0;
  const double mtbf_s = models::job_mtbf_s(options_.failures, job.placement.gpus(), domains);
  if (!std::isfinite(mtbf_s)) return 0;
  const double optimum = job.checkpoint_rule == CheckpointRule::kYoung
                             ? models::young_interval_s(cost_s, mtbf_s)
                             : models::daly_interval_s(cost_s, mtbf_s);
  // A tiny checkpoint makes the optimum seconds long; no framework checkpoints that often, and
  // each checkpoint is a segment (events): at least the scenario's minimum interval.
  return std::max(optimum, kMinCheckpointInterval_s);
}

void JobRunner::begin(JobIndex index, double now_s) {
  now_s_ = now_s;
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
    return push_event(now_s_ + options_.failures.restart_s, index);
  }
  begin_segment(index, r);
}

void JobRunner::end(JobIndex index, double now_s, bool cut_short) {
  now_s_ = now_s;
  auto it = segments_.find(index);
  if (it == segments_.end()) return;
  if (cut_short) report_spent(index, it->second);  // the phase in progress counts what it spent
  flows_->cancel(owner_of(index));
  segments_.erase(it);
}

void JobRunner::report_spent(JobIndex index, const Running& r) {
  const Job& job = jobs_.jobs[index];
  const double spent = now_s_ - r.phase_start_s;
  switch (r.phase) {
    case Phase::kRestart: return sink_.work_lost(index, job, Loss::kFailure, spent, now_s_);
    case Phase::kCheckpoint: return sink_.checkpoint_written(index, job, spent);
    case Phase::kComm: {  // beyond the step's time at NIC speed, for the part of it done
      const double stretch = spent - comm_progress(index, r, now_s_) * comm_step_s(r);
      if (stretch > 0) sink_.network_stretched(index, job, stretch);
      return;
    }
    case Phase::kCompute: {  // beyond its progress: computing slower on a contended GPU
      const double stretch = spent - compute_done_s(r, now_s_);
      if (stretch > 1e-9 * std::max(1.0, spent)) sink_.hbm_stretched(index, job, stretch);
      return;
    }
  }
}

RunProgress JobRunner::progress(JobIndex index, double now_s) const {
  const Running& r = segments_.at(index);
  const double progress = r.done_s + progress_in_segment(index, r, now_s);
  return {progress, r.since_checkpoint_s + progress - r.done_s, r.interval_s > 0};
}

void JobRunner::begin_segment(JobIndex index, Running& r) {
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

void JobRunner::begin_iteration(JobIndex index, Running& r) {
  r.phase = Phase::kCompute;
  r.phase_start_s = now_s_;
  r.speed_since_s = now_s_;
  r.compute_banked_s = 0;
  push_event(now_s_ + compute_work_s(r) / r.speed, index);
}

void JobRunner::begin_comm_step(JobIndex index, Running& r) {
  r.phase = Phase::kComm;
  r.phase_start_s = now_s_;
  const double comm_s = comm_step_s(r);
  r.comm_floor_end_s = now_s_ + comm_s;
  const uint64_t owner = owner_of(index);
  flows_->forget_analytic(owner);
  const double node_bytes = comm_s * r.nic_bytes_per_s;
  const SharedLinkSet& links = simulation_.shared_links();
  const bool shortcuts = !options_.engine.detail;  // detailed mode checks them: always flows
  for (const LinkShare& share : r.shares) {
    const double bytes = share.bytes_per_node_byte * node_bytes;
    if (bytes < 1) continue;
    if (shortcuts && share.exclusive) {  // it holds the whole leaf or pod: nobody else can come
      const SharedLink& l = links[share.link];
      r.comm_floor_end_s = std::max(r.comm_floor_end_s, now_s_ + l.latency_s + bytes / l.bw_bytes_per_s);
    } else if (shortcuts) {
      flows_->transfer(owner, share.link, bytes, now_s_);
    } else {
      flows_->start(owner, share.link, bytes);
    }
  }
  if (!flows_->has_live(owner)) push_event(comm_end_s(index, r), index);
  // else flows_done() schedules the end of the step
}

double JobRunner::progress_in_segment(JobIndex index, const Running& r, double now_s) const {
  switch (r.phase) {
    case Phase::kCompute:  // at its speed (1 unless its GPU's HBM is contended)
      return r.segment_s * r.iteration / r.iterations + compute_done_s(r, now_s);
    case Phase::kComm: {
      const double work = r.segment_s / r.iterations;
      const double compute = (1.0 - r.network_fraction) * work;
      const double comm = r.network_fraction * work;
      return work * r.iteration + compute + comm * (r.step + comm_progress(index, r, now_s)) / r.steps;
    }
    case Phase::kRestart: return 0;     // no progress yet in this run
    case Phase::kCheckpoint: return 0;  // the segment's progress is in done_s already
  }
  return 0;
}

double JobRunner::comm_progress(JobIndex index, const Running& r, double now_s) const {
  const double floor_end = comm_end_s(index, r);
  const double by_time =
      floor_end > r.phase_start_s ? (now_s - r.phase_start_s) / (floor_end - r.phase_start_s) : 1.0;
  return std::min({1.0, by_time, flows_->progress(owner_of(index))});
}

void JobRunner::phase_done(JobIndex index) {
  ++stats_.events;
  Running& r = segments_.at(index);
  Job& job = jobs_.jobs[index];
  switch (r.phase) {
    case Phase::kRestart: {
      report_spent(index, r);
      job.restart_pending = false;
      return begin_segment(index, r);
    }
    case Phase::kCompute: {
      if (r.speed < 1 || r.compute_banked_s > 0) report_spent(index, r);  // its HBM stretch
      if (r.shares.empty()) return segment_done(index, r);
      // Ring steps of a collective over the job's nodes: 2 (N - 1), capped (detailed mode).
      const int nodes = static_cast<int>(job.placement.slices.size());
      r.steps = options_.engine.detail ? std::min(2 * (nodes - 1), options_.engine.detail_max_steps) : 1;
      r.step = 0;
      return begin_comm_step(index, r);
    }
    case Phase::kComm: {
      // A transfer that was alone may have become a flow since this event was due.
      if (flows_->has_live(owner_of(index))) return;
      report_spent(index, r);  // what the shared or oversubscribed uplinks added to the step
      if (++r.step < r.steps) return begin_comm_step(index, r);
      if (++r.iteration < r.iterations) return begin_iteration(index, r);
      return segment_done(index, r);
    }
    case Phase::kCheckpoint: {
      r.since_checkpoint_s = 0;
      report_spent(index, r);
      return begin_segment(index, r);
    }
  }
}

void JobRunner::segment_done(JobIndex index, Running& r) {
  ++stats_.segments;
  const Job& job = jobs_.jobs[index];
  r.done_s += r.segment_s;
  r.since_checkpoint_s += r.segment_s;
  if (job.remaining_s - r.done_s <= 1e-9 * std::max(1.0, job.remaining_s)) {
    return listener_.job_done(index);
  }
  if (r.interval_s > 0 && r.since_checkpoint_s >= r.interval_s - 1e-9 * r.interval_s) {
    r.phase = Phase::kCheckpoint;
    r.phase_start_s = now_s_;
    if (job.checkpoint_bytes >= 1) {
      const int site = cluster_.pools()[job.placement.pool].site;
      flows_->start(owner_of(index), simulation_.shared_links().storage(site), job.checkpoint_bytes);
    } else {
      push_event(now_s_, index);  // a checkpoint of unknown size costs nothing
    }
    return;
  }
  begin_segment(index, r);
}

void JobRunner::flows_done(uint64_t owner) {
  const auto index = static_cast<JobIndex>(owner >> 32);
  const Job& job = jobs_.jobs[index];
  if (job.state != JobState::kRunning || (owner & 0xffffffffu) != job.generation) return;
  const double now = simgrid::s4u::Engine::get_clock();
  if (now > options_.horizon_s) return;
  now_s_ = now;
  const Running& r = segments_.at(index);
  push_event(r.phase == Phase::kComm ? std::max(now, comm_end_s(index, r)) : now, index);
  listener_.event_added();
}

}  // namespace sovsim::sim
