// sim/workload/job.cpp — see job.hpp.
#include "sim/workload/job.hpp"

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

}  // namespace sovsim::sim
