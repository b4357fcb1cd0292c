// models/common/units.cpp — see units.hpp.
#include "models/common/units.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <utility>

namespace sovsim {

std::optional<double> parse_number(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> parse_duration_s(std::string_view text) {
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"ms", 1e-3},  {"min", 60.0},  {"s", 1.0},      {"m", 60.0},
      {"h", 3600.0}, {"d", 86400.0}, {"w", 604800.0}, {"y", kSecondsPerYear}};
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  for (const auto& [suffix, scale] : kUnits) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      auto number = parse_number(text.substr(0, text.size() - suffix.size()));
      // `1e308y` is a finite number of years but not of seconds.
      if (number) return std::isfinite(*number * scale) ? std::optional(*number * scale) : std::nullopt;
    }
  }
  return parse_number(text);
}

std::string format_duration(double seconds) {
  if (seconds < 60) return fmt::format("{:.3g}s", seconds);
  if (seconds < 3600) return fmt::format("{:.1f}m", seconds / 60);
  if (seconds < 86400) return fmt::format("{:.1f}h", seconds / 3600);
  const double total_hours = std::round(seconds / 3600);
  const double days = std::floor(total_hours / 24);
  const double hours = total_hours - 24 * days;
  return hours > 0 ? fmt::format("{}d {}h", days, hours) : fmt::format("{}d", days);
}

}  // namespace sovsim
