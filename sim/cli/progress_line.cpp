// sim/cli/progress_line.cpp — see progress_line.hpp.
#include "sim/cli/progress_line.hpp"

#include <fmt/format.h>

#include "models/common/units.hpp"

namespace sovsim::cli {

ProgressLine::ProgressLine(std::ostream& out, std::optional<double> start_unix_s)
    : out_(out), start_unix_s_(start_unix_s) {}

void ProgressLine::update(const sim::SimulationProgress& p) {
  const auto now = Clock::now();
  if (p.done) {
    if (drawn_) out_ << "\r\033[K" << std::flush;  // erase: the summary follows
    return;
  }
  if (now - last_drawn_ < std::chrono::milliseconds(500)) return;
  const double wall_s = std::chrono::duration<double>(now - started_).count();
  if (!drawn_ && wall_s < 1.0) return;  // short runs show nothing
  last_drawn_ = now;
  drawn_ = true;
  const double fraction = p.horizon_s > 0 ? std::min(1.0, p.now_s / p.horizon_s) : 0.0;
  const std::string when = start_unix_s_ ? format_iso_date(*start_unix_s_ + p.now_s)
                                         : "t+" + format_duration(p.now_s);
  // The run ends at the horizon or when the last job ends, whichever comes first: the ETA
  // assumes the horizon, so it errs long.
  const std::string eta =
      fraction > 0.001 ? format_duration(wall_s * (1 - fraction) / fraction) : std::string("?");
  out_ << fmt::format("\r\033[Ksim {}  {:.0f}% of {}  {}/{} jobs done  {:.3g}k events/s  ETA {}",
                      when, 100 * fraction, format_duration(p.horizon_s), p.jobs_completed,
                      p.jobs_total, wall_s > 0 ? static_cast<double>(p.events) / wall_s / 1e3 : 0.0,
                      eta)
       << std::flush;
}

}  // namespace sovsim::cli
