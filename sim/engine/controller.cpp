// sim/engine/controller.cpp — see controller.hpp.
#include "sim/engine/controller.hpp"

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u/Engine.hpp>

#include <chrono>
#include <limits>
#include <stdexcept>

namespace sg4 = simgrid::s4u;

namespace sovsim::sim {

Controller::Controller(JobTable& jobs, Cluster& cluster, Policy& policy, TelemetrySink& sink,
                       double horizon_s)
    : jobs_(jobs), cluster_(cluster), policy_(policy), sink_(sink), horizon_s_(horizon_s) {}

void Controller::run() {
  arm_next_timer();
  sg4::Engine::get_instance()->run();
}

double Controller::next_event_s() const {
  double t = std::numeric_limits<double>::infinity();
  if (next_arrival_ < jobs_.jobs.size()) t = jobs_.jobs[next_arrival_].submit_s;
  if (!ends_.empty()) t = std::min(t, ends_.top().first);
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
  stats_.last_event_s = now_s_;
  while (!ends_.empty() && ends_.top().first <= now_s_) {
    const JobIndex index = ends_.top().second;
    ends_.pop();
    finish(index);
  }
  while (next_arrival_ < jobs_.jobs.size() && jobs_.jobs[next_arrival_].submit_s <= now_s_) {
    submit(static_cast<JobIndex>(next_arrival_++));
  }
  if (!queue_.empty()) {
    const auto begin = std::chrono::steady_clock::now();
    policy_.schedule(*this);
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    ++stats_.policy_calls;
    stats_.policy_wall_s += spent;
    stats_.policy_max_wall_s = std::max(stats_.policy_max_wall_s, spent);
  }
  sink_.instant_done(now_s_);
  arm_next_timer();
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
  const Job& job = jobs_.jobs[index];
  for (int pool : jobs_.eligible_pools[job.eligibility]) {
    if (auto p = cluster_.first_fit(pool, job.gpus)) return p;
  }
  return std::nullopt;
}

void Controller::start(JobIndex index, const Placement& placement) {
  Job& job = jobs_.jobs[index];
  if (job.state != JobState::kQueued || queue_.erase(index) != 1) {
    throw std::logic_error("policy started job " + std::to_string(job.id) + " that is not queued");
  }
  cluster_.allocate(placement);
  job.state = JobState::kRunning;
  job.start_s = now_s_;
  job.placement = placement;
  ends_.emplace(now_s_ + job.duration_s, index);
  sink_.job_started(job, now_s_);
}

void Controller::finish(JobIndex index) {
  ++stats_.events;
  Job& job = jobs_.jobs[index];
  cluster_.release(job.placement);
  job.state = JobState::kCompleted;
  job.end_s = now_s_;
  sink_.job_ended(job, now_s_);
}

}  // namespace sovsim::sim
