// models/common/text_check.cpp — see text_check.hpp. A strict UTF-8 decoder (no overlong forms,
// no surrogates, nothing above U+10FFFF) with the YAML printable-character rule on top.
#include "models/common/text_check.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace sovsim {
namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length, 0 if it is not valid UTF-8.
size_t decode_utf8(std::string_view text, size_t i, char32_t& code_point) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t lead = byte(i);
  size_t length = 0;
  char32_t minimum = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07, minimum = 0x10000;
  } else {
    return 0;  // a continuation byte or 0xF8..0xFF where a character should start
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < minimum || surrogate || code_point > 0x10FFFF) return 0;
  return length;
}

bool printable(char32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return true;
  if (c < 0x20 || c == 0x7F) return false;
  if (c >= 0x80 && c <= 0x9F) return c == 0x85;  // C1 controls; NEL is a YAML line break
  return c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

std::string printable_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const size_t length = decode_utf8(text, i, c);
    if (length == 0 || !printable(c) || c == '\t' || c == '\n' || c == '\r') {
      const size_t n = length == 0 ? 1 : length;
      for (size_t k = i; k < i + n; ++k) {
        out += fmt::format("\\x{:02x}", static_cast<uint8_t>(text[k]));
      }
      i += n;
      continue;
    }
    out.append(text, i, length);
    i += length;
  }
  return out;
}

std::optional<BadText> find_bad_text(std::string_view text) {
  int line = 1, column = 1;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = 0;
    const size_t length = decode_utf8(text, i, c);
    if (length == 0) {
      return BadText{line, column,
                     fmt::format("expected UTF-8 text, found byte 0x{:02x} that is not valid UTF-8",
                                 static_cast<uint8_t>(text[i]))};
    }
    if (!printable(c)) {
      return BadText{line, column,
                     fmt::format("expected printable text, found control character U+{:04X}",
                                 static_cast<uint32_t>(c))};
    }
    if (c == '\n') {
      ++line, column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace sovsim
