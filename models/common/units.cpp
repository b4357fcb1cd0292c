// models/common/units.cpp — see units.hpp.
#include "models/common/units.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
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

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool leap_year(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Reads exactly `digits` decimal digits at `pos`, advancing it.
std::optional<int> read_digits(std::string_view text, size_t& pos, size_t digits) {
  if (pos + digits > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < digits; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += digits;
  return value;
}

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::optional<double> parse_iso_date_unix_s(std::string_view text) {
  size_t pos = 0;
  const auto year = read_digits(text, pos, 4);
  if (!year || !expect(text, pos, '-')) return std::nullopt;
  const auto month = read_digits(text, pos, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  const auto day = read_digits(text, pos, 2);
  if (!day || *year < 1970 || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days_in_month = kDays[*month - 1] + (*month == 2 && leap_year(*year) ? 1 : 0);
  if (*day > days_in_month) return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    ++pos;
    const auto h = read_digits(text, pos, 2);
    if (!h || !expect(text, pos, ':')) return std::nullopt;
    const auto m = read_digits(text, pos, 2);
    if (!m) return std::nullopt;
    std::optional<int> s = 0;
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      s = read_digits(text, pos, 2);
    }
    if (!s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
    hour = *h, minute = *m, second = *s;
    if (pos < text.size() && text[pos] == 'Z') ++pos;
  }
  if (pos != text.size()) return std::nullopt;
  const int64_t days = days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
  return static_cast<double>(days * 86400 + hour * 3600 + minute * 60 + second);
}

std::string format_iso_date(double unix_s) {
  const auto total = static_cast<int64_t>(std::floor(unix_s));
  const int64_t z = (total >= 0 ? total : total - 86399) / 86400 + 719468;  // civil_from_days
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  const int64_t in_day = total - (z - 719468) * 86400;
  if (in_day == 0) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, in_day / 3600,
                     in_day / 60 % 60, in_day % 60);
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
