// sim/sweep/local_backend.cpp — see local_backend.hpp. The loop polls (waitpid WNOHANG, then a
// short sleep) rather than blocking: it also has to notice a deferred interrupt and redraw the
// progress line, and runs last seconds, so 50 ms of latency costs nothing.
#include "sim/sweep/local_backend.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <thread>

#include "models/common/units.hpp"
#include "sim/output/interrupt_cleanup.hpp"
#include "sim/sweep/run_launcher.hpp"
#include "sim/sweep/run_result.hpp"

namespace sovsim::sim {
namespace {

using Clock = std::chrono::steady_clock;

struct Running {
  size_t index;
  Clock::time_point started;
  std::optional<Clock::time_point> stopped;  // when it was sent SIGTERM for its time limit
};

// After SIGTERM for its time limit, a run has this long to clean up before SIGKILL.
constexpr auto kKillGrace = std::chrono::seconds(10);

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// True if a child ended because of the interrupt we passed on (its own clean exit 130/143, or
// the signal itself), rather than by failing on its own.
bool interrupted(int status, int signal) {
  if (WIFSIGNALED(status)) return WTERMSIG(status) == signal;
  return WIFEXITED(status) && WEXITSTATUS(status) == 128 + signal;
}

}  // namespace

LocalOutcome run_local(const std::filesystem::path& dir, const SweepPlan& plan,
                       const std::vector<size_t>& todo, const LocalOptions& options) {
  const InterruptsDeferred deferred;
  LocalOutcome outcome;
  std::map<pid_t, Running> running;
  size_t next = 0;
  double busy_s = 0;  // wall time of the runs finished here, for the ETA
  Clock::time_point last_drawn{};
  auto draw = [&](bool final) {
    if (!options.progress) return;
    const auto now = Clock::now();
    if (!final && now - last_drawn < std::chrono::milliseconds(500)) return;
    last_drawn = now;
    const size_t finished = outcome.ok + outcome.failed;
    std::string eta = "?";
    if (finished > 0) {  // the work still to do at the mean run time, less what is under way
      const double per_run_s = busy_s / static_cast<double>(finished);
      double underway_s = 0;
      for (const auto& [pid, r] : running) {
        underway_s += std::min(per_run_s, seconds(now - r.started));
      }
      const double left_s =
          per_run_s * static_cast<double>(todo.size() - finished) - underway_s;
      eta = format_duration(std::max(0.0, left_s) / options.jobs);
    }
    *options.progress << fmt::format("\r\033[Ksweep: {}/{} done, {} running, {} failed, ETA {}",
                                     options.already_done + outcome.ok, plan.runs.size(),
                                     running.size(), outcome.failed, final ? "0s" : eta)
                      << (final ? "\n" : "") << std::flush;
  };

  for (;;) {
    const int signal = interrupt_signal();
    if (signal != 0 && outcome.signal == 0) {
      outcome.signal = signal;
      for (const auto& [pid, r] : running) ::kill(pid, signal);
    }
    while (outcome.signal == 0 && running.size() < static_cast<size_t>(options.jobs) &&
           next < todo.size()) {
      const size_t index = todo[next++];
      running[start_run(options.executable, dir, plan, plan.runs[index])] = {index, Clock::now()};
    }
    if (running.empty()) break;
    if (options.run_timeout_s > 0) {
      const auto now = Clock::now();
      for (auto& [pid, r] : running) {
        if (!r.stopped && seconds(now - r.started) > options.run_timeout_s) {
          ::kill(pid, SIGTERM);
          r.stopped = now;
        } else if (r.stopped && now - *r.stopped > kKillGrace) {
          ::kill(pid, SIGKILL);
        }
      }
    }
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, WNOHANG);
    const auto it = pid > 0 ? running.find(pid) : running.end();
    if (it == running.end()) {
      draw(false);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    const Running done = it->second;
    running.erase(it);
    if (outcome.signal != 0 && interrupted(status, outcome.signal)) continue;
    const double wall_s = std::chrono::duration<double>(Clock::now() - done.started).count();
    busy_s += wall_s;
    RunResult result = collect_result(dir, plan, plan.runs[done.index], status, wall_s);
    if (done.stopped) {
      result.ok = false;
      result.error = fmt::format("timed out: still running after {} (--run-timeout)",
                                 format_duration(options.run_timeout_s));
    }
    write_result(dir, result);
    ++(result.ok ? outcome.ok : outcome.failed);
  }
  draw(true);
  return outcome;
}

}  // namespace sovsim::sim
