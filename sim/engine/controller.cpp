// sim/engine/controller.cpp — see controller.hpp.
#include "sim/engine/controller.hpp"

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u/Engine.hpp>

#include <chrono>
#include <limits>
#include <stdexcept>

namespace sg4 = simgrid::s4u;

namespace sovsim::sim {

Controller::Controller(JobTable& jobs, Cluster& cluster, const std::vector<Tenant>& tenants,
                       Policy& policy, TelemetrySink& sink, double horizon_s,
                       const std::string& placement)
    : jobs_(jobs),
      cluster_(cluster),
      tenants_(tenants),
      policy_(policy),
      sink_(sink),
      horizon_s_(horizon_s),
      strategy_(placement == "pack"       ? Strategy::kPack
                : placement == "topology" ? Strategy::kTopology
                                          : Strategy::kFirstFit),
      tenant_busy_gpus_(tenants.size(), 0) {}

void Controller::run() {
  arm_next_timer();
  sg4::Engine::get_instance()->run();
}

double Controller::next_event_s() const {
  double t = std::numeric_limits<double>::infinity();
  if (next_arrival_ < jobs_.jobs.size()) t = jobs_.jobs[next_arrival_].submit_s;
  if (!ends_.empty()) t = std::min(t, std::get<0>(ends_.top()));
  if (!wakeups_.empty()) t = std::min(t, wakeups_.top());
  return t;
}

void Controller::arm_next_timer() {
  const double t = next_event_s();
  if (t > horizon_s_) return;  // nothing left inside the horizon: the engine stops
  simgrid::kernel::timer::Timer::set(t, [this, t] {
    now_s_ = t;
    handle_instant();
  });
}

void Controller::handle_instant() {
  ++stats_.instants;
  stats_.queue_job_s += static_cast<double>(stats_.queue_length) * (now_s_ - stats_.last_event_s);
  stats_.fragmentation_s += stats_.fragmentation * (now_s_ - stats_.last_event_s);
  stats_.last_event_s = now_s_;
  while (!ends_.empty() && std::get<0>(ends_.top()) <= now_s_) {
    const auto [time, index, generation] = ends_.top();
    ends_.pop();
    if (generation == jobs_.jobs[index].generation) finish(index);
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
  }
  cluster_.allocate(placement);
  job.state = JobState::kRunning;
  if (job.start_s < 0) job.start_s = now_s_;
  job.run_start_s = now_s_;
  job.placement = placement;
  running_.insert(index);
  tenant_busy_gpus_[job.tenant] += placement.gpus();
  ends_.emplace(now_s_ + job.remaining_s, index, job.generation);
  sink_.job_started(job, now_s_);
}

void Controller::release(Job& job) {
  cluster_.release(job.placement);
  tenant_busy_gpus_[job.tenant] -= job.placement.gpus();
  job.held_s += now_s_ - job.run_start_s;
  job.service_gpu_s += static_cast<double>(job.placement.gpus()) * (now_s_ - job.run_start_s);
  sink_.job_stopped(job, now_s_);
}

void Controller::finish(JobIndex index) {
  ++stats_.events;
  Job& job = jobs_.jobs[index];
  running_.erase(index);
  release(job);
  job.state = JobState::kCompleted;
  job.remaining_s = 0;
  job.end_s = now_s_;
}

void Controller::preempt(JobIndex index) {
  Job& job = jobs_.jobs[index];
  if (job.state != JobState::kRunning || running_.erase(index) != 1) {
    throw std::logic_error("policy preempted job " + std::to_string(job.id) + " that is not running");
  }
  ++stats_.events;
  ++stats_.preemptions;
  const double loss = job.preemption_loss_at(now_s_);
  job.remaining_s -= (now_s_ - job.run_start_s) - loss;
  job.lost_s += loss;
  ++job.preemptions;
  ++job.generation;  // its pending end event is now stale
  release(job);
  job.state = JobState::kQueued;
  queue_.insert(index);
}

}  // namespace sovsim::sim
