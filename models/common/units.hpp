// models/common/units.hpp — parsing and printing the quantities people type into scenarios:
// durations ("90s", "15m", "8760h", "30d", "2w", "1y") and plain numbers. Pure, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sovsim {

// Seconds in "<number><unit>" with unit ms|s|m|min|h|d|w|y (y = 365 d); a bare number is seconds.
// nullopt if the text is not such a duration, or is one too large for a double (`1e308y`):
// the result is always finite. Negative values parse; callers range-check.
std::optional<double> parse_duration_s(std::string_view text);

// Seconds in the "y" of durations (365 days), for per-year rates and amortisation.
inline constexpr double kSecondsPerYear = 365.0 * 86400.0;

// Longest duration any scenario key accepts (1000 years): far beyond any simulation, small
// enough that sums and products of durations stay finite. The horizon has its own, lower limit.
inline constexpr double kMaxDuration_s = 1000 * kSecondsPerYear;

// A finite decimal number ("12", "-3.5", "1e6"); nullopt otherwise.
std::optional<double> parse_number(std::string_view text);

// Shortest readable form of a duration, e.g. 93600 -> "1d 2h", 42.5 -> "42.5s" (for humans only).
std::string format_duration(double seconds);

}  // namespace sovsim
