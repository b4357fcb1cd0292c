// test/sim/trace/csv_test.cpp — the shared text helpers: line numbering, CSV and whitespace
// splitting with columns, header binding, and locale-free number parsing.
#include "sim/trace/csv.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

std::vector<std::string> texts(const std::vector<CsvField>& fields) {
  std::vector<std::string> out;
  for (const CsvField& f : fields) out.emplace_back(f.text);
  return out;
}

TEST(Csv, LineCursorNumbersLinesAndDropsTerminators) {
  LineCursor cursor("a\r\n\nb\nc");
  TextLine line;
  std::vector<std::pair<std::string, int>> seen;
  while (cursor.next(line)) seen.emplace_back(std::string(line.text), line.number);
  EXPECT_EQ(seen,
            (std::vector<std::pair<std::string, int>>{{"a", 1}, {"", 2}, {"b", 3}, {"c", 4}}));
  LineCursor trailing("x\n");
  ASSERT_TRUE(trailing.next(line));
  EXPECT_FALSE(trailing.next(line));  // no phantom empty line after the last terminator
}

TEST(Csv, SplitsTrimsAndUnquotes) {
  CsvSplitter splitter;
  std::vector<CsvField> fields;
  ASSERT_TRUE(splitter.split(" a , \"b,c\" ,,\"d\"\"e\"", fields));
  EXPECT_EQ(texts(fields), (std::vector<std::string>{"a", "b,c", "", "d\"e"}));
  EXPECT_EQ(fields[0].column, 2);
  EXPECT_EQ(fields[1].column, 6);
  EXPECT_EQ(fields[2].column, 13);
  ASSERT_TRUE(splitter.split("", fields));
  EXPECT_EQ(fields.size(), 1u);
  ASSERT_TRUE(splitter.split("a,", fields));
  EXPECT_EQ(texts(fields), (std::vector<std::string>{"a", ""}));
}

TEST(Csv, BrokenQuotingIsReportedWithItsColumn) {
  CsvSplitter splitter;
  std::vector<CsvField> fields;
  EXPECT_FALSE(splitter.split("a,\"open", fields));
  EXPECT_EQ(splitter.error_column(), 3);
  EXPECT_FALSE(splitter.split("\"x\"y,z", fields));
  EXPECT_EQ(splitter.error_column(), 4);
}

TEST(Csv, BindColumnsReportsDuplicatesAndMissing) {
  DiagnosticSink sink("f.csv");
  const std::vector<CsvField> header = {{"b", 1}, {"b", 3}, {"x", 5}};
  const ColumnSpec specs[] = {{"a", true}, {"b", true}};
  const std::vector<int> index = bind_columns(header, specs, true, 1, sink);
  EXPECT_EQ(index, (std::vector<int>{-1, 0}));
  const Diagnostics d = sink.take();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].column, 3);
  EXPECT_EQ(d[0].message, "expected each column once, found 'b' again");
  EXPECT_EQ(d[1].key, "a");
}

TEST(Csv, ParsesNumbersWithoutLocale) {
  EXPECT_EQ(parse_double("1e6"), 1e6);
  EXPECT_EQ(parse_double("-3.5"), -3.5);
  EXPECT_FALSE(parse_double("3,5"));
  EXPECT_FALSE(parse_double("12x"));
  EXPECT_FALSE(parse_double("inf"));
  EXPECT_FALSE(parse_double(""));
  EXPECT_EQ(parse_integer("42"), 42);
  EXPECT_EQ(parse_integer("4.0"), 4);
  EXPECT_EQ(parse_integer("1e3"), 1000);
  EXPECT_FALSE(parse_integer("4.5"));
  EXPECT_FALSE(parse_integer("99999999999999999999"));
}

TEST(Csv, DiagnosticSinkStopsAfterTheCap) {
  DiagnosticSink sink("f");
  for (int i = 0; i < 100; ++i) sink.error(i + 1, 1, "k", "m");
  EXPECT_TRUE(sink.full());
  const Diagnostics d = sink.take();
  ASSERT_EQ(d.size(), DiagnosticSink::kMaxErrors + 1);
  EXPECT_EQ(d.back().message, "too many errors; stopped after 50");
}

TEST(Csv, AppendFieldQuotesOnlyWhenNeeded) {
  const auto field = [](std::string_view text) {
    std::string out;
    append_csv_field(out, text);
    return out;
  };
  EXPECT_EQ(field("naver"), "naver");
  EXPECT_EQ(field(""), "");
  EXPECT_EQ(field("a,b"), "\"a,b\"");
  EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(field(" padded"), "\" padded\"");  // unquoted, the reader would trim it
}

TEST(Csv, WrittenFieldsReadBackIncludingLineBreaks) {
  const std::vector<std::string> values = {"a,b", "q\"uote", "two\nlines", " pad ", "plain", "x\r\ny"};
  std::string csv = "name,n\n";
  for (size_t i = 0; i < values.size(); ++i) {
    append_csv_field(csv, values[i]);
    csv += "," + std::to_string(i) + "\n";
  }
  DiagnosticSink sink("t.csv");
  CsvReader reader(csv, sink);
  std::vector<CsvField> row;
  int line = 0;
  ASSERT_TRUE(reader.read_header(row, line));
  std::vector<std::string> read;
  std::vector<int> lines;
  while (reader.next_row(2, row, line)) read.emplace_back(row[0].text), lines.push_back(line);
  EXPECT_TRUE(sink.empty());
  EXPECT_EQ(read, values);
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 4, 6, 7, 8}));  // a row's first line
}

TEST(Csv, UnterminatedQuoteIsReportedAndTheNextLinesStillRead) {
  DiagnosticSink sink("t.csv");
  CsvReader reader("a,b\n1,\"open\n2,3\n4,5\n", sink);
  std::vector<CsvField> row;
  int line = 0;
  ASSERT_TRUE(reader.read_header(row, line));
  std::vector<std::string> firsts;
  while (reader.next_row(2, row, line)) firsts.emplace_back(row[0].text);
  EXPECT_EQ(firsts, (std::vector<std::string>{"2", "4"}));
  const Diagnostics d = sink.take();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[0].column, 3);
}

// An input's bytes quoted in a message cannot reach the terminal raw (ESC [ 2 J clears it).
TEST(Csv, QuotedTextEscapesControlCharactersAndBadBytes) {
  EXPECT_EQ(quote_for_message("12x"), "'12x'");
  EXPECT_EQ(quote_for_message("3\x1b[2J"), "'3\\x1b[2J'");
  EXPECT_EQ(quote_for_message(std::string("a\0b\tc\xff", 6)), "'a\\x00b\\x09c\\xff'");
  EXPECT_EQ(quote_for_message("caf\xc3\xa9 \xe2\x82\xac"), "'caf\xc3\xa9 \xe2\x82\xac'");
  EXPECT_EQ(quote_for_message(std::string(50, 'x')), "'" + std::string(40, 'x') + "...'");
}

}  // namespace
}  // namespace sovsim::sim
