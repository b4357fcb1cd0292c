// sim/engine/controller.cpp — see controller.hpp: the event loop, arrivals, starting, finishing,
// preempting and interrupting jobs.
#include "sim/engine/controller.hpp"

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u/Engine.hpp>

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>

namespace sg4 = simgrid::s4u;

namespace sovsim::sim {

Controller::Controller(JobTable& jobs, Cluster& cluster, const std::vector<Tenant>& tenants,
                       Policy& policy, TelemetrySink& sink, const Simulation& simulation,
                       const CapacityPlan& capacity, const EnergyRates& rates,
                       const PowerMeter& meter, ControllerOptions options)
    : jobs_(jobs),
      cluster_(cluster),
      tenants_(tenants),
      policy_(policy),
      sink_(sink),
      options_(std::move(options)),
      node_jobs_(cluster.node_count()),
      tenant_busy_gpus_(tenants.size(), 0),
      runner_(jobs, cluster, simulation, sink, stats_,
              RunnerOptions{options_.horizon_s, options_.engine, options_.failures}, *this),
      hbm_(cluster),
      capacity_(cluster, capacity, tenants, rates, meter, sink),
      failures_(cluster, simulation.topology(), options_.failures, options_.seed, stats_),
      view_(*this, placement_strategy(options_.placement)) {}

Controller::~Controller() = default;

void Controller::run() {
  arm_next_timer();
  sg4::Engine::get_instance()->run();
  stats_.flows = runner_.flows().flows_started();
  stats_.flows_by_kind = runner_.flows().flows_by_kind();
  stats_.max_live_flows = runner_.flows().max_live_flows();
  if (options_.progress) report_progress(true);
}

double Controller::next_event_s() const {
  double t = runner_.next_event_s();
  if (next_arrival_ < jobs_.jobs.size()) t = std::min(t, jobs_.jobs[next_arrival_].submit_s);
  if (!wakeups_.empty()) t = std::min(t, wakeups_.top());
  // Failures and repairs matter only while there is work: once every job is done, the run ends.
  const bool work_left =
      next_arrival_ < jobs_.jobs.size() || !queue_.empty() || !running_.empty();
  if (work_left) t = std::min({t, failures_.next_event_s(), capacity_.next_event_s()});
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
  failures_.elapse(dt);
  stats_.last_event_s = now_s_;
  runner_.handle_due(now_s_);
  capacity_.handle_due(now_s_, failures_, [this](NodeId node) { evict_jobs_on(node); });
  failures_.handle_due(now_s_, [this](NodeId node) { interrupt_jobs_on(node); });
  while (next_arrival_ < jobs_.jobs.size() && jobs_.jobs[next_arrival_].submit_s <= now_s_) {
    submit(static_cast<JobIndex>(next_arrival_++));
  }
  while (!wakeups_.empty() && wakeups_.top() <= now_s_) wakeups_.pop();
  if (!queue_.empty()) {
    const auto begin = std::chrono::steady_clock::now();
    policy_.schedule(view_);
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    ++stats_.policy_calls;
    stats_.policy_wall_s += spent;
    stats_.policy_max_wall_s = std::max(stats_.policy_max_wall_s, spent);
  }
  stats_.queue_length = queue_.size();
  stats_.queue_max = std::max<uint64_t>(stats_.queue_max, queue_.size());
  stats_.fragmentation = cluster_.fragmentation();
  sink_.instant_done(now_s_);
  if (options_.progress && stats_.instants % kProgressInstants == 0) report_progress(false);
  arm_next_timer();
}

void Controller::report_progress(bool done) const {
  options_.progress(SimulationProgress{now_s_, options_.horizon_s, stats_.events, stats_.completed,
                                jobs_.jobs.size(), done});
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
  partitions_[job.eligibility].insert(index);
}

void Controller::start(JobIndex index, const Placement& placement) {
  Job& job = jobs_.jobs[index];
  if (job.state != JobState::kQueued || queue_.erase(index) != 1) {
    throw std::logic_error("policy started job " + std::to_string(job.id) + " that is not queued");
  }
  partitions_[job.eligibility].erase(index);
  if (job.profile >= 0) {
    // Model-defined job: its run time depends on the hardware of the pool it landed on. After a
    // preemption the remaining fraction of its work carries over.
    const double on_this_pool = jobs_.runtime_profiles[job.profile][placement.pool];
    job.remaining_s = job.start_s < 0 ? on_this_pool : job.remaining_s * on_this_pool / job.duration_s;
    job.duration_s = on_this_pool;
    job.network_fraction = static_cast<float>(jobs_.network_profiles[job.profile][placement.pool]);
  }
  if (auto replica = jobs_.replicas.find(index); replica != jobs_.replicas.end()) {
    // A living service's replica gives its GPUs back when its run of the plan ends.
    job.remaining_s = std::min(job.remaining_s, std::max(0.0, replica->second.end_by_s - now_s_));
  }
  cluster_.allocate(placement);
  job.state = JobState::kRunning;
  if (job.start_s < 0) job.start_s = now_s_;
  job.run_start_s = now_s_;
  job.placement = placement;
  running_.insert(index);
  for (const NodeSlice& s : placement.slices) node_jobs_[s.node].push_back(index);
  tenant_busy_gpus_[job.tenant] += placement.gpu_equivalent();
  sink_.job_started(index, job, now_s_);
  runner_.begin(index, now_s_);
  if (hbm_.tracks(placement.pool)) {
    const JobTable::GpuShare* share = jobs_.gpu_share(index);  // only shares go to shared groups
    hbm_.add(index, placement, share ? share->hbm_demand : 1.0, speed_changes_);
    apply_speed_changes();
  }
}

void Controller::apply_speed_changes() {
  for (const auto& [job, speed] : speed_changes_) runner_.set_speed(job, speed, now_s_);
  speed_changes_.clear();
}

void Controller::release(JobIndex index) {
  Job& job = jobs_.jobs[index];
  cluster_.release(job.placement);
  for (const NodeSlice& s : job.placement.slices) {
    auto& on_node = node_jobs_[s.node];
    on_node.erase(std::find(on_node.begin(), on_node.end(), index));
  }
  tenant_busy_gpus_[job.tenant] -= job.placement.gpu_equivalent();
  if (hbm_.tracks(job.placement.pool)) {
    hbm_.remove(index, speed_changes_);  // its neighbours speed up
    apply_speed_changes();
  }
  sink_.job_stopped(index, job, now_s_);
  job.held_s += now_s_ - job.run_start_s;
  job.service_gpu_s += job.placement.gpu_equivalent() * (now_s_ - job.run_start_s);
}

void Controller::finish(JobIndex index) {
  ++stats_.events;
  Job& job = jobs_.jobs[index];
  running_.erase(index);
  runner_.end(index, now_s_, false);
  job.state = JobState::kCompleted;
  ++stats_.completed;
  release(index);
  job.remaining_s = 0;
  job.end_s = now_s_;
}

void Controller::stop_and_requeue(JobIndex index, double remaining_s) {
  Job& job = jobs_.jobs[index];
  running_.erase(index);
  runner_.end(index, now_s_, true);
  job.remaining_s = remaining_s;
  ++job.generation;  // its pending phase events are now stale
  job.state = JobState::kQueued;
  release(index);
  queue_.insert(index);
  partitions_[job.eligibility].insert(index);
}

void Controller::preempt(JobIndex index) {
  Job& job = jobs_.jobs[index];
  if (job.state != JobState::kRunning || running_.count(index) != 1) {
    throw std::logic_error("policy preempted job " + std::to_string(job.id) + " that is not running");
  }
  take_back(index);
}

void Controller::evict_jobs_on(NodeId node) {
  const std::vector<JobIndex> victims = node_jobs_[node];  // stopping them edits the list
  for (JobIndex index : victims) take_back(index);
}

void Controller::take_back(JobIndex index) {
  Job& job = jobs_.jobs[index];
  ++stats_.events;
  ++stats_.preemptions;
  const RunProgress p = runner_.progress(index, now_s_);
  // Work since the last checkpoint is lost; without checkpoints a preempted job keeps it all.
  const double loss = p.checkpoints ? p.unsaved_s : 0;
  sink_.work_lost(index, job, Loss::kPreemption, loss, now_s_);
  ++job.preemptions;
  stop_and_requeue(index, job.remaining_s - p.progress_s + loss);
}

void Controller::interrupt_jobs_on(NodeId node) {
  const std::vector<JobIndex> victims = node_jobs_[node];  // stopping them edits the list
  for (JobIndex index : victims) {
    Job& job = jobs_.jobs[index];
    const RunProgress p = runner_.progress(index, now_s_);
    // With checkpoints: the work since the last one. Without: everything since the first start.
    // A service loses nothing (its replica restarts and serves on). Either way its next run
    // first restarts (failures.restart_s), which the runner counts as lost when it is spent.
    const double loss = job.service       ? 0.0
                        : p.checkpoints ? p.unsaved_s
                                        : job.duration_s - job.remaining_s + p.progress_s;
    sink_.job_interrupted(index, job);
    sink_.work_lost(index, job, Loss::kFailure, loss, now_s_);
    job.restart_pending = true;
    stop_and_requeue(index, job.remaining_s - p.progress_s + loss);
  }
}

}  // namespace sovsim::sim
