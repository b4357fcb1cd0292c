// sim/report/report_format.hpp — text for report.html: HTML escaping of every name taken from a
// run's files, and numbers in fixed, locale-free formats (thousands separators, fixed decimals,
// percentages, durations), so the same outputs always render to the same bytes.
#pragma once

#include <string>
#include <string_view>

namespace sovsim::sim {

// `text` safe inside an HTML (or inline SVG) element or a double-quoted attribute: & < > " '
// become character references.
std::string escape_html(std::string_view text);

// `value` rounded to `decimals` places with a comma every three digits: 1234567.8 -> "1,234,568"
// (decimals 0), 0.25 -> "0.25" (decimals 2). Never "-0".
std::string format_grouped(double value, int decimals);

// A quantity for a table cell: grouped integers from 100 up, three significant digits below
// ("0.0123", "4.56", "78.9"), "<0.001" for what is smaller but not 0, and "12.3 M" / "4.56 bn"
// for millions and billions.
std::string format_quantity(double value);

// `fraction` as a percentage with one decimal: 0.7204 -> "72.0%".
std::string format_percent(double fraction);

// A duration for humans: "0 s", "42 s", "12.5 min", "6.9 h", "3.2 d".
std::string format_seconds(double seconds);

}  // namespace sovsim::sim
