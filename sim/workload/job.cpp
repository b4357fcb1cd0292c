// sim/workload/job.cpp — see job.hpp.
#include "sim/workload/job.hpp"

#include <algorithm>
#include <cmath>

namespace sovsim::sim {

const char* to_string(JobState state) {
  switch (state) {
    case JobState::kPending: return "pending";
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kCompleted: return "completed";
    case JobState::kRejected: return "rejected";
  }
  return "?";
}

double Job::preemption_loss_at(double now_s) const {
  if (checkpoint_interval_s <= 0 || state != JobState::kRunning) return 0;
  // Checkpoints are taken every interval of progress since the job first started.
  const double done_before = duration_s - remaining_s;
  const double done_now = done_before + (now_s - run_start_s);
  const double last_checkpoint = std::floor(done_now / checkpoint_interval_s) * checkpoint_interval_s;
  return done_now - std::max(last_checkpoint, done_before);
}

}  // namespace sovsim::sim
