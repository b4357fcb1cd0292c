// sim/trace/csv.hpp — the one place CSV is read and written: a line cursor that numbers lines, a
// CSV splitter and reader (RFC 4180: quoted fields may hold commas, "" for a quote, and line
// breaks), header binding by column name, locale-free number parsing (std::from_chars), and
// append_csv_field(), which every CSV writer (jobs.csv, utilisation.csv) uses for text fields so
// what it writes reads back here. No knowledge of any format.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/trace/reader_support.hpp"

namespace sovsim::sim {

// One line of text: no terminator ("\n" or "\r\n"), 1-based line number.
struct TextLine {
  std::string_view text;
  int number = 0;
};

// Walks the lines of a buffer without copying. The buffer must outlive the cursor.
class LineCursor {
 public:
  explicit LineCursor(std::string_view content) : rest_(content) {}
  // Fills `line` with the next line; false at the end of the buffer.
  bool next(TextLine& line);

 private:
  std::string_view rest_;
  int number_ = 0;
  bool done_ = false;
};

// One field of a split line and the 1-based column (byte) where it starts.
struct CsvField {
  std::string_view text;
  int column = 1;
};

// Splits CSV records at commas. Unquoted fields are trimmed of spaces and tabs; quoted fields
// ("a,b", with "" for a quote) keep their content, line breaks included. Reuses its buffers
// between records.
class CsvSplitter {
 public:
  // Replaces `out` with the fields of `record`. On broken quoting returns false and
  // error_column() tells where; unterminated() tells whether a quoted field was still open at
  // the end (the record may continue on the next line).
  bool split(std::string_view record, std::vector<CsvField>& out);
  int error_column() const { return error_column_; }
  bool unterminated() const { return unterminated_; }

 private:
  std::deque<std::string> unescaped_;  // deque: views into it stay valid while it grows
  int error_column_ = 0;
  bool unterminated_ = false;
};

// Appends `field` to a CSV row being built: as is if it is plain, else in double quotes with
// inner quotes doubled (RFC 4180). Quoted when it holds a comma, a quote, a line break, or
// leading/trailing spaces or tabs (which CsvSplitter trims from unquoted fields).
void append_csv_field(std::string& out, std::string_view field);

// Appends `cells` as one CSV record (each through append_csv_field) and a line break.
void append_csv_row(std::string& out, const std::vector<std::string>& cells);

// Appends `value` as fmt's "{}" writes it (the shortest text that reads back to the same
// double), faster: integral values below 10^15 go through integer formatting, which gives the
// same digits. What every CSV writer uses for numbers (jobs.csv has millions of them).
void append_csv_number(std::string& out, double value);

// A column a reader wants from a header row.
struct ColumnSpec {
  std::string_view name;
  bool required = false;
};

// Index of each spec's column in `header` (-1 if absent). Reports missing required columns and
// duplicated names; unless `allow_unknown`, also names no spec lists (the message lists the
// valid names). `line` is the header's line number.
std::vector<int> bind_columns(std::span<const CsvField> header, std::span<const ColumnSpec> specs,
                              bool allow_unknown, int line, DiagnosticSink& sink);

// Reads a CSV buffer row by row: blank lines are passed over, a row whose quoting is broken or
// whose field count differs from the header's is reported to the sink and passed over. A quoted
// field left open at the end of a line continues on the next lines (RFC 4180); the row's line
// number is that of its first line.
class CsvReader {
 public:
  CsvReader(std::string_view content, DiagnosticSink& sink) : lines_(content), sink_(sink) {}
  // The first non-blank line, split; false (after reporting) if the buffer has none.
  bool read_header(std::vector<CsvField>& header, int& line);
  // The next well-formed row of exactly `width` fields; false at the end (or once the sink is
  // full). `width` 0 accepts any count.
  bool next_row(size_t width, std::vector<CsvField>& row, int& line);
  // After the last row, in a trace reader: reports a header with no rows under it (a truncated
  // or wrong file, refused like an empty one). Run outputs may have none (a run with no jobs).
  void expect_rows();

 private:
  bool next_split(std::vector<CsvField>& row, int& line);
  int header_line_ = 0;
  int64_t rows_ = 0;
  LineCursor lines_;
  CsvSplitter splitter_;
  DiagnosticSink& sink_;
};

// `field` as a number in [min, max]; otherwise reports "expected <what>, found '<text>'" under
// `key` at line:column and returns nullopt.
std::optional<double> number_field(const CsvField& field, std::string_view key, int line,
                                   DiagnosticSink& sink, double min, double max);
// Same for integers (integral decimals such as "4.0" accepted).
std::optional<int64_t> integer_field(const CsvField& field, std::string_view key, int line,
                                     DiagnosticSink& sink, int64_t min, int64_t max);

// A finite decimal number ("12", "-3.5", "1e6"); nullopt otherwise. No locale, no leading '+'.
std::optional<double> parse_double(std::string_view text);

// An integer, also written as an integral decimal ("1.0", "1e3"), within +-2^53; nullopt
// otherwise.
std::optional<int64_t> parse_integer(std::string_view text);

// True for the ways trace files spell a missing value: "", "None", "null", "NaN", "NaT", "nan".
bool is_missing(std::string_view text);

// `text` shortened to at most 40 bytes for an error message, quoted, its control characters and
// bytes that are not UTF-8 written as \xHH (printable_text).
std::string quote_for_message(std::string_view text);

}  // namespace sovsim::sim
