// sim/report/report_format.cpp — see report_format.hpp.
#include "sim/report/report_format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace sovsim::sim {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_grouped(double value, int decimals) {
  std::string digits = fmt::format("{:.{}f}", std::abs(value), decimals);
  const bool negative = value < 0 && digits.find_first_not_of("0.") != std::string::npos;
  const size_t point = digits.find('.');
  size_t integer_end = point == std::string::npos ? digits.size() : point;
  for (size_t i = integer_end; i > 3; i -= 3) digits.insert(i - 3, ",");
  return negative ? "-" + digits : digits;
}

std::string format_quantity(double value) {
  const double magnitude = std::abs(value);
  if (magnitude >= 1e9) return fmt::format("{:.3g} bn", value / 1e9);
  if (magnitude >= 1e6) return fmt::format("{:.3g} M", value / 1e6);
  if (magnitude >= 100 || magnitude == 0) return format_grouped(value, 0);
  if (magnitude < 0.001) return value < 0 ? "-<0.001" : "<0.001";
  return fmt::format("{:.3g}", value);
}

std::string format_percent(double fraction) { return format_grouped(100 * fraction, 1) + "%"; }

std::string format_seconds(double seconds) {
  const double s = std::abs(seconds);
  const std::string sign = seconds < 0 ? "-" : "";
  if (s < 60) return sign + fmt::format("{:.3g} s", s);
  if (s < 3600) return sign + fmt::format("{:.1f} min", s / 60);
  if (s < 86400) return sign + fmt::format("{:.1f} h", s / 3600);
  return sign + format_grouped(s / 86400, 1) + " d";
}

}  // namespace sovsim::sim
