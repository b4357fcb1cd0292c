// test/sim/report/output_csv_test.cpp — a run's CSV tables are read in blocks of whole records:
// a quoted field with a line break is never cut at a block boundary, every row is seen once, and
// an error past the first block names its line in the whole file.
#include "sim/report/output_csv.hpp"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>

namespace sovsim::sim {
namespace {

TEST(OutputCsv, RecordsSpanningBlocksAreWholeAndLinesCountFromTheStart) {
  const auto path = std::filesystem::temp_directory_path() / "sovsim-output-csv-test.csv";
  constexpr int kRows = 400'000;  // ~10 MB: more than one 8 MiB block
  {
    std::ofstream out(path, std::ios::binary);
    out << "extra,id,text\n";
    for (int i = 0; i < kRows; ++i)
      out << "padding-padding," << i << ",\"two\nlines, \"\"quoted\"\"\"\n";
    out << "x,not-a-number,\"last\"\n";
  }
  static constexpr std::array<std::string_view, 2> kColumns = {"id", "text"};
  int rows = 0, wrong = 0;
  const Diagnostics problems = read_output_csv(
      path, kColumns, [&](std::span<const CsvField> f, int line, DiagnosticSink& sink) {
        const auto id = nonnegative_field(f[0], "id", line, sink);
        if (!id) return;
        wrong += *id != rows || f[1].text != "two\nlines, \"quoted\"" || line != 2 + 2 * rows;
        ++rows;
      });
  std::filesystem::remove(path);
  EXPECT_EQ(rows, kRows);
  EXPECT_EQ(wrong, 0);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 2 + 2 * kRows);
  EXPECT_EQ(problems[0].key, "id");
}

TEST(OutputCsv, MissingColumnsAndNonFilesAreDiagnosed) {
  const auto dir = std::filesystem::temp_directory_path();
  static constexpr std::array<std::string_view, 1> kColumns = {"id"};
  const auto ignore = [](std::span<const CsvField>, int, DiagnosticSink&) {};
  const Diagnostics directory = read_output_csv(dir, kColumns, ignore);
  ASSERT_EQ(directory.size(), 1u);
  EXPECT_NE(directory[0].message.find("expected a regular file, found a directory"),
            std::string::npos);
  const auto path = dir / "sovsim-output-csv-columns.csv";
  std::ofstream(path) << "name\nx\n";
  const Diagnostics columns = read_output_csv(path, kColumns, ignore);
  std::filesystem::remove(path);
  ASSERT_EQ(columns.size(), 1u);
  EXPECT_NE(columns[0].message.find("expected a 'id' column in the header"), std::string::npos);
}

}  // namespace
}  // namespace sovsim::sim
