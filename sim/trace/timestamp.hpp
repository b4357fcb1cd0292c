// sim/trace/timestamp.hpp — calendar timestamps as GPU traces write them ("2017-10-07 01:11:39")
// to seconds and back. Read as wall-clock time with no time zone: traces give none, and only
// differences (durations, offsets from the first submission) matter. No locale, no <ctime>.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sovsim::sim {

// Seconds since 1970-01-01 00:00:00 of "YYYY-MM-DD HH:MM:SS" ('T' also accepted between date and
// time, optional ".fff" fraction); nullopt if malformed or not a real calendar date.
std::optional<double> parse_timestamp_s(std::string_view text);

// "YYYY-MM-DD HH:MM:SS" of whole seconds since 1970-01-01 (for notes shown to people).
std::string format_timestamp(double epoch_s);

}  // namespace sovsim::sim
