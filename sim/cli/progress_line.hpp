// sim/cli/progress_line.hpp — the one updating line `sovsim run` shows on a terminal while it
// simulates: simulated date (or time), % of the horizon, jobs done, events per second and an
// ETA from the simulated time still to go. Redrawn at most every 0.5 s with a carriage return,
// and erased when the run ends, so the text summary starts on a clean line. Only used when
// stderr is a terminal and the run is not --quiet (run_command.cpp decides).
#pragma once

#include <chrono>
#include <optional>
#include <ostream>

#include "sim/engine/run_progress.hpp"

namespace sovsim::cli {

class ProgressLine {
 public:
  // `start_unix_s`: the scenario's start date, if it has one (then dates are shown).
  ProgressLine(std::ostream& out, std::optional<double> start_unix_s);
  void update(const sim::SimulationProgress& p);

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& out_;
  std::optional<double> start_unix_s_;
  Clock::time_point started_ = Clock::now();
  Clock::time_point last_drawn_{};
  bool drawn_ = false;
};

}  // namespace sovsim::cli
