// sim/trace/csv.cpp — line cursor, CSV/whitespace splitting and field writing, header binding
// and number parsing. std::from_chars keeps numbers independent of the C locale.
#include "sim/trace/csv.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>

#include "models/common/text_check.hpp"

namespace sovsim::sim {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s, size_t& lead) {
  lead = 0;
  while (lead < s.size() && is_blank(s[lead])) ++lead;
  size_t end = s.size();
  while (end > lead && is_blank(s[end - 1])) --end;
  return s.substr(lead, end - lead);
}

}  // namespace

bool LineCursor::next(TextLine& line) {
  if (done_) return false;
  const size_t newline = rest_.find('\n');
  std::string_view text = rest_.substr(0, newline);
  if (newline == std::string_view::npos) {
    done_ = true;
    rest_ = {};
    if (text.empty()) return false;  // the file ended with a line terminator
  } else {
    rest_.remove_prefix(newline + 1);
  }
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  line.text = text;
  line.number = ++number_;
  return true;
}

bool CsvSplitter::split(std::string_view line, std::vector<CsvField>& out) {
  out.clear();
  unescaped_.clear();
  error_column_ = 0;
  unterminated_ = false;
  size_t pos = 0;
  while (true) {
    size_t start = pos;
    while (start < line.size() && is_blank(line[start])) ++start;
    if (start < line.size() && line[start] == '"') {
      // Quoted field: up to the closing quote; "" stands for one quote character.
      std::string value;
      size_t i = start + 1;
      bool closed = false;
      bool escaped = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            value += '"';
            escaped = true;
            i += 2;
            continue;
          }
          closed = true;
          break;
        }
        value += line[i++];
      }
      if (!closed) {
        error_column_ = static_cast<int>(start) + 1;
        unterminated_ = true;
        return false;
      }
      std::string_view text = line.substr(start + 1, i - start - 1);
      if (escaped) text = unescaped_.emplace_back(std::move(value));
      out.push_back(CsvField{text, static_cast<int>(start) + 1});
      pos = i + 1;
      while (pos < line.size() && is_blank(line[pos])) ++pos;
      if (pos < line.size() && line[pos] != ',') {
        error_column_ = static_cast<int>(pos) + 1;  // text after the closing quote
        return false;
      }
    } else {
      const size_t comma = line.find(',', pos);
      const std::string_view raw =
          line.substr(pos, comma == std::string_view::npos ? comma : comma - pos);
      size_t lead = 0;
      const std::string_view text = trim(raw, lead);
      out.push_back(CsvField{text, static_cast<int>(pos + lead) + 1});
      pos = comma == std::string_view::npos ? line.size() : comma;
    }
    if (pos >= line.size()) return true;
    ++pos;  // past the comma
  }
}

void append_csv_field(std::string& out, std::string_view field) {
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!field.empty() && (is_blank(field.front()) || is_blank(field.back())));
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_row(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    append_csv_field(out, cells[i]);
  }
  out += '\n';
}

void append_csv_number(std::string& out, double value) {
  constexpr double kExactIntegers = 1e15;  // fmt writes these without exponent or fraction
  if (value == std::floor(value) && std::fabs(value) < kExactIntegers &&
      !(value == 0 && std::signbit(value))) {
    const fmt::format_int digits(static_cast<int64_t>(value));
    out.append(digits.data(), digits.size());
    return;
  }
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), value);
}

std::vector<int> bind_columns(std::span<const CsvField> header, std::span<const ColumnSpec> specs,
                              bool allow_unknown, int line, DiagnosticSink& sink) {
  std::vector<int> index(specs.size(), -1);
  for (size_t c = 0; c < header.size(); ++c) {
    const CsvField& field = header[c];
    bool known = false;
    for (size_t s = 0; s < specs.size(); ++s) {
      if (specs[s].name != field.text) continue;
      known = true;
      if (index[s] >= 0) {
        sink.error(line, field.column, std::string(field.text),
                   fmt::format("expected each column once, found '{}' again", field.text));
      } else {
        index[s] = static_cast<int>(c);
      }
    }
    if (!known && !allow_unknown) {
      std::string valid;
      for (const ColumnSpec& spec : specs) {
        valid += valid.empty() ? "" : ", ";
        valid += spec.name;
      }
      sink.error(line, field.column, std::string(field.text),
                 fmt::format("expected a column name ({}), found {}", valid,
                             quote_for_message(field.text)));
    }
  }
  for (size_t s = 0; s < specs.size(); ++s) {
    if (specs[s].required && index[s] < 0) {
      sink.error(line, 1, std::string(specs[s].name),
                 fmt::format("expected a '{}' column in the header, found none", specs[s].name));
    }
  }
  return index;
}

bool CsvReader::next_split(std::vector<CsvField>& row, int& line) {
  TextLine text;
  while (!sink_.full() && lines_.next(text)) {
    if (text.text.find_first_not_of(" \t") == std::string_view::npos) continue;
    line = text.number;
    std::string_view record = text.text;
    bool ok = splitter_.split(record, row);
    // A quoted field still open: the record goes on over the next lines (they are contiguous
    // in the buffer). If the quote never closes, report it and resume after the first line.
    const LineCursor after_first = lines_;
    TextLine more;
    while (!ok && splitter_.unterminated() && lines_.next(more)) {
      record = std::string_view(record.data(), more.text.data() + more.text.size() - record.data());
      ok = splitter_.split(record, row);
    }
    if (!ok) {
      if (splitter_.unterminated()) lines_ = after_first;
      splitter_.split(text.text, row);  // for the error column within the first line
      sink_.error(text.number, splitter_.error_column(), "",
                  "expected a closing quote followed by ',' or the end of the line, found none");
      continue;
    }
    return true;
  }
  return false;
}

bool CsvReader::read_header(std::vector<CsvField>& header, int& line) {
  if (next_split(header, line)) {
    header_line_ = line;
    return true;
  }
  if (!sink_.full()) sink_.error(1, 1, "", "expected a header row, found an empty file");
  return false;
}

bool CsvReader::next_row(size_t width, std::vector<CsvField>& row, int& line) {
  while (next_split(row, line)) {
    if (width == 0 || row.size() == width) {
      ++rows_;
      return true;
    }
    sink_.error(line, 1, "",
                fmt::format("expected {} comma-separated fields, found {}", width, row.size()));
  }
  return false;
}

void CsvReader::expect_rows() {
  if (rows_ == 0 && sink_.empty()) {
    sink_.error(header_line_ + 1, 1, "", "expected rows under the header, found none");
  }
}

std::optional<double> number_field(const CsvField& field, std::string_view key, int line,
                                   DiagnosticSink& sink, double min, double max) {
  const std::optional<double> value = parse_double(field.text);
  if (!value || *value < min || *value > max) {
    sink.error(line, field.column, std::string(key),
               fmt::format("expected {}, found {}",
                           max != std::numeric_limits<double>::infinity()
                               ? fmt::format("a number in [{}, {}]", min, max)
                           : min == -std::numeric_limits<double>::infinity()
                               ? std::string("a number")
                               : fmt::format("a number >= {}", min),
                           quote_for_message(field.text)));
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> integer_field(const CsvField& field, std::string_view key, int line,
                                     DiagnosticSink& sink, int64_t min, int64_t max) {
  const std::optional<int64_t> value = parse_integer(field.text);
  if (!value || *value < min || *value > max) {
    sink.error(line, field.column, std::string(key),
               fmt::format("expected {}, found {}",
                           max == std::numeric_limits<int64_t>::max()
                               ? fmt::format("an integer >= {}", min)
                               : fmt::format("an integer in [{}, {}]", min, max),
                           quote_for_message(field.text)));
    return std::nullopt;
  }
  return value;
}

std::optional<double> parse_double(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // Fast path for what trace logs are mostly made of, short integers ("-1", "3600"): exact in a
  // double below 10^15, and several times cheaper than from_chars for doubles.
  if (text.size() <= 16) {
    const bool negative = text.front() == '-';
    const std::string_view digits = text.substr(negative ? 1 : 0);
    int64_t whole = 0;
    bool plain = !digits.empty();
    for (const char c : digits) {
      if (c < '0' || c > '9') {
        plain = false;
        break;
      }
      whole = whole * 10 + (c - '0');
    }
    if (plain) return static_cast<double>(negative ? -whole : whole);
  }
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<int64_t> parse_integer(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  constexpr int64_t kExact = int64_t{1} << 53;  // beyond this, doubles skip integers
  if (ec == std::errc() && ptr == end) {
    if (value > kExact || value < -kExact) return std::nullopt;
    return value;
  }
  const std::optional<double> d = parse_double(text);
  if (!d || *d != std::floor(*d) || std::fabs(*d) > static_cast<double>(kExact)) {
    return std::nullopt;
  }
  return static_cast<int64_t>(*d);
}

bool is_missing(std::string_view text) {
  return text.empty() || text == "None" || text == "null" || text == "NaN" || text == "NaT" ||
         text == "nan";
}

std::string quote_for_message(std::string_view text) {
  constexpr size_t kMax = 40;
  if (text.size() <= kMax) return fmt::format("'{}'", printable_text(text));
  return fmt::format("'{}...'", printable_text(text.substr(0, kMax)));
}

}  // namespace sovsim::sim
