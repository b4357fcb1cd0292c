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

// Seconds since 1970-01-01T00:00Z of an ISO 8601 date or date-time in UTC: "2026-03-01",
// "2026-03-01T06:30", "2026-03-01T06:30:15" (an optional trailing "Z"; no other zones). Years
// 1970-9999; nullopt if the text is not such a date or names a day that does not exist.
std::optional<double> parse_iso_date_unix_s(std::string_view text);

// The ISO 8601 form of a date: "2026-03-01" at midnight, else "2026-03-01T06:30:15Z" (seconds
// rounded down).
std::string format_iso_date(double unix_s);

// Shortest readable form of a duration, e.g. 93600 -> "1d 2h", 42.5 -> "42.5s" (for humans only).
std::string format_duration(double seconds);

}  // namespace sovsim
