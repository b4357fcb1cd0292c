// models/common/text_check.hpp — the one byte scan every text input goes through before it is
// parsed (scenario and catalog YAML, --set values): the text must be valid UTF-8 and contain no
// control characters other than tab, newline and carriage return (YAML 1.2's printable set).
// Such bytes are almost always a copy-paste or encoding accident, and would otherwise reach the
// outputs (names, kinds) or make the JSON writer fail after a whole run.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sovsim {

// Where the first offending byte is, and what it is.
struct BadText {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in characters (UTF-8 sequences count as one)
  std::string message;  // "expected UTF-8 text, found byte 0xff that is not valid UTF-8", ...
};

// The first byte of `text` that is not valid UTF-8 or is a control character YAML does not allow
// (anything below 0x20 except tab, LF and CR; DEL; C1 controls except NEL; U+FFFE and U+FFFF).
// nullopt if the whole text is fine.
std::optional<BadText> find_bad_text(std::string_view text);

// `text` safe to print in a message: every byte that is not valid UTF-8, and every control
// character (tab, newline and carriage return included), written as \xHH. An input's bytes
// quoted in an error must not reach the terminal raw (ESC [ 2 J would clear it).
std::string printable_text(std::string_view text);

}  // namespace sovsim
