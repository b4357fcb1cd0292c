// sim/engine/controller.cpp — see controller.hpp: the event loop, arrivals, placement, starting,
// finishing and preempting jobs. Segments are in controller_segments.cpp, failures in
// controller_failures.cpp.
#include "sim/engine/controller.hpp"

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u/Engine.hpp>

#include <chrono>
#include <limits>
#include <stdexcept>

namespace sg4 = simgrid::s4u;

namespace sovsim::sim {

Controller::Controller(JobTable& jobs, Cluster& cluster, const std::vector<Tenant>& tenants,
                       Policy& policy, TelemetrySink& sink, const Simulation& simulation,
                       ControllerOptions options)
    : jobs_(jobs),
      cluster_(cluster),
      tenants_(tenants),
      policy_(policy),
      sink_(sink),
      simulation_(simulation),
      options_(std::move(options)),
      strategy_(options_.placement == "pack"       ? Strategy::kPack
                : options_.placement == "topology" ? Strategy::kTopology
                                                   : Strategy::kFirstFit),
      node_jobs_(cluster.node_count()),
      alone_on_link_(simulation.shared_links().count()),
      tenant_busy_gpus_(tenants.size(), 0),
      node_down_(cluster.node_count(), 0) {
  flows_ = std::make_unique<FlowNetwork>(simulation.platform(), simulation.shared_links(),
                                         [this](uint64_t owner) { flows_done(owner); });
  if (options_.failures.enabled) {
    // Multi-node NVLink domains (NVL72 racks) fail as a whole; the fabric graph numbers them.
    std::vector<int> gpus_per_node(cluster.node_count());
    std::vector<int32_t> domain_of_node(cluster.node_count());
    for (const Pool& pool : cluster.pools()) {
      for (NodeId n = pool.first_node; n < pool.first_node + pool.node_count; ++n) {
        gpus_per_node[n] = pool.gpus_per_node;
        domain_of_node[n] = simulation.topology().domain_of(n);
      }
    }
    failure_process_ = std::make_unique<models::FailureProcess>(
        options_.failures, std::move(gpus_per_node), domain_of_node, options_.seed);
    next_failure_ = failure_process_->next();
  }
  hold_spares();
}

Controller::~Controller() = default;

void Controller::run() {
  arm_next_timer();
  sg4::Engine::get_instance()->run();
  stats_.flows = flows_->flows_started();
  stats_.flows_by_kind = flows_->flows_by_kind();
  stats_.max_live_flows = flows_->max_live_flows();
}

double Controller::next_event_s() const {
  double t = std::numeric_limits<double>::infinity();
  if (next_arrival_ < jobs_.jobs.size()) t = jobs_.jobs[next_arrival_].submit_s;
  if (!job_events_.empty()) t = std::min(t, std::get<0>(job_events_.top()));
  if (!wakeups_.empty()) t = std::min(t, wakeups_.top());
  // Failures and repairs matter only while there is work: once every job is done, the run ends.
  const bool work_left =
      next_arrival_ < jobs_.jobs.size() || !queue_.empty() || !running_.empty();
  if (!work_left) return t;
  if (!repairs_.empty()) t = std::min(t, repairs_.top().first);
  if (failure_process_) t = std::min(t, next_failure_.time_s);
  return t;
}

void Controller::arm_next_timer() {
  const double t = next_event_s();
  if (t > options_.horizon_s) return;  // nothing left inside the horizon: the engine stops
  if (armed_ != nullptr) {
    if (armed_at_ <= t) return;  // already woken in time
    armed_->remove();            // an earlier event appeared (a flow ended)
  }
  armed_at_ = t;
  armed_ = simgrid::kernel::timer::Timer::set(t, [this, t] {
    armed_ = nullptr;
    now_s_ = t;
    handle_instant();
  });
}

void Controller::handle_instant() {
  ++stats_.instants;
  const double dt = now_s_ - stats_.last_event_s;
  stats_.queue_job_s += static_cast<double>(stats_.queue_length) * dt;
  stats_.fragmentation_s += stats_.fragmentation * dt;
  stats_.down_node_s += static_cast<double>(stats_.nodes_down) * dt;
  stats_.last_event_s = now_s_;
  while (!job_events_.empty() && std::get<0>(job_events_.top()) <= now_s_) {
    const auto [time, index, generation, seq] = job_events_.top();
    job_events_.pop();
    const Job& job = jobs_.jobs[index];
    if (generation != job.generation || job.state != JobState::kRunning) continue;
    auto it = segments_.find(index);
    if (it != segments_.end() && it->second.seq == seq) phase_done(index);
  }
  while (!repairs_.empty() && repairs_.top().first <= now_s_) {
    const NodeId node = repairs_.top().second;
    repairs_.pop();
    repaired(node);
  }
  while (failure_process_ && next_failure_.time_s <= now_s_) {
    handle_failure(next_failure_);
    next_failure_ = failure_process_->next();
  }
  while (next_arrival_ < jobs_.jobs.size() && jobs_.jobs[next_arrival_].submit_s <= now_s_) {
    submit(static_cast<JobIndex>(next_arrival_++));
  }
  while (!wakeups_.empty() && wakeups_.top() <= now_s_) wakeups_.pop();
  if (!queue_.empty()) {
    const auto begin = std::chrono::steady_clock::now();
    policy_.schedule(*this);
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    ++stats_.policy_calls;
    stats_.policy_wall_s += spent;
    stats_.policy_max_wall_s = std::max(stats_.policy_max_wall_s, spent);
  }
  stats_.queue_length = queue_.size();
  stats_.queue_max = std::max<uint64_t>(stats_.queue_max, queue_.size());
  stats_.fragmentation = cluster_.fragmentation();
  sink_.instant_done(now_s_);
  arm_next_timer();
}

void Controller::wake_at(double time_s) {
  if (time_s > now_s_) wakeups_.push(time_s);
}

void Controller::submit(JobIndex index) {
  ++stats_.events;
  Job& job = jobs_.jobs[index];
  bool fits_somewhere = false;
  for (int pool : jobs_.eligible_pools[job.eligibility]) {
    fits_somewhere = fits_somewhere || cluster_.can_ever_fit(pool, job.gpus);
  }
  if (!fits_somewhere) {
    job.state = JobState::kRejected;
    return;
  }
  job.state = JobState::kQueued;
  queue_.insert(queue_.end(), index);
}

std::optional<Placement> Controller::find_placement(JobIndex index) const {
  for (int pool : jobs_.eligible_pools[jobs_.jobs[index].eligibility]) {
    if (auto p = find_placement_in(index, pool)) return p;
  }
  return std::nullopt;
}

std::optional<Placement> Controller::find_placement_in(JobIndex index, int pool) const {
  const int64_t gpus = jobs_.jobs[index].gpus;
  switch (strategy_) {
    case Strategy::kPack: return cluster_.best_fit(pool, gpus);
    case Strategy::kTopology: return cluster_.topology_fit(pool, gpus);
    case Strategy::kFirstFit: break;
  }
  return cluster_.first_fit(pool, gpus);
}

void Controller::start(JobIndex index, const Placement& placement) {
  Job& job = jobs_.jobs[index];
  if (job.state != JobState::kQueued || queue_.erase(index) != 1) {
    throw std::logic_error("policy started job " + std::to_string(job.id) + " that is not queued");
  }
  if (job.profile >= 0) {
    // Model-defined job: its run time depends on the hardware of the pool it landed on. After a
    // preemption the remaining fraction of its work carries over.
    const double on_this_pool = jobs_.runtime_profiles[job.profile][placement.pool];
    job.remaining_s = job.start_s < 0 ? on_this_pool : job.remaining_s * on_this_pool / job.duration_s;
    job.duration_s = on_this_pool;
    job.network_fraction = static_cast<float>(jobs_.network_profiles[job.profile][placement.pool]);
  }
  cluster_.allocate(placement);
  job.state = JobState::kRunning;
  if (job.start_s < 0) job.start_s = now_s_;
  job.run_start_s = now_s_;
  job.placement = placement;
  running_.insert(index);
  for (const NodeSlice& s : placement.slices) node_jobs_[s.node].push_back(index);
  tenant_busy_gpus_[job.tenant] += placement.gpus();
  sink_.job_started(index, job, now_s_);
  begin_run(index);
}

void Controller::release(JobIndex index) {
  Job& job = jobs_.jobs[index];
  cluster_.release(job.placement);
  for (const NodeSlice& s : job.placement.slices) {
    auto& on_node = node_jobs_[s.node];
    on_node.erase(std::find(on_node.begin(), on_node.end(), index));
  }
  tenant_busy_gpus_[job.tenant] -= job.placement.gpus();
  sink_.job_stopped(index, job, now_s_);
  job.held_s += now_s_ - job.run_start_s;
  job.service_gpu_s += static_cast<double>(job.placement.gpus()) * (now_s_ - job.run_start_s);
}

void Controller::finish(JobIndex index) {
  ++stats_.events;
  Job& job = jobs_.jobs[index];
  running_.erase(index);
  end_run(index, false);
  job.state = JobState::kCompleted;
  release(index);
  job.remaining_s = 0;
  job.end_s = now_s_;
}

void Controller::stop_and_requeue(JobIndex index, double remaining_s) {
  Job& job = jobs_.jobs[index];
  running_.erase(index);
  end_run(index, true);
  job.remaining_s = remaining_s;
  ++job.generation;  // its pending phase events are now stale
  job.state = JobState::kQueued;
  release(index);
  queue_.insert(index);
}

void Controller::preempt(JobIndex index) {
  Job& job = jobs_.jobs[index];
  if (job.state != JobState::kRunning || running_.count(index) != 1) {
    throw std::logic_error("policy preempted job " + std::to_string(job.id) + " that is not running");
  }
  ++stats_.events;
  ++stats_.preemptions;
  const Running& r = segments_.at(index);
  const double progress = r.done_s + progress_in_segment(index, r);
  // Work since the last checkpoint is lost; without checkpoints a preempted job keeps it all.
  const double loss = r.interval_s > 0 ? r.since_checkpoint_s + progress - r.done_s : 0;
  sink_.work_lost(index, job, Loss::kPreemption, loss, now_s_);
  ++job.preemptions;
  stop_and_requeue(index, job.remaining_s - progress + loss);
}

}  // namespace sovsim::sim
