// sim/engine/run_progress.hpp — where a run is, as the controller reports it now and then to
// whoever shows progress (the `sovsim run` line on a terminal, sim/cli/progress_line.hpp). Plain
// data: the engine neither formats nor times anything for it.
#pragma once

#include <cstdint>
#include <functional>

namespace sovsim::sim {

struct SimulationProgress {
  double now_s = 0;           // simulated time reached
  double horizon_s = 0;
  uint64_t events = 0;        // handled so far
  uint64_t jobs_completed = 0;
  uint64_t jobs_total = 0;    // of the workload, within the horizon
  bool done = false;          // the last report of the run
};

// Called every kProgressInstants instants and once at the end; must be cheap when it has nothing
// to do (the caller throttles its own output).
using ProgressReport = std::function<void(const SimulationProgress&)>;
inline constexpr uint64_t kProgressInstants = 1024;

}  // namespace sovsim::sim
