// test/e2e/csv_quoting_test.cpp — jobs.csv, utilisation.csv and services.csv are RFC 4180 CSV:
// tenant, kind, site and hardware names holding commas, quotes or line breaks are quoted, so no
// column shifts, and the files read back through sovsim's own CSV reader (sim/trace/csv.hpp).
#include <gtest/gtest.h>

#include <regex>

#include "sim/trace/csv.hpp"
#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

using Table = std::vector<std::map<std::string, std::string>>;

// Every row of `path` by column name, through the reader the trace importers use.
Table read_rfc4180(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  sim::DiagnosticSink sink(path.string());
  sim::CsvReader reader(text, sink);
  std::vector<sim::CsvField> header, row;
  int line = 0;
  Table rows;
  if (!reader.read_header(header, line)) return rows;
  while (reader.next_row(header.size(), row, line)) {
    auto& named = rows.emplace_back();
    for (size_t i = 0; i < header.size(); ++i) named[std::string(header[i].text)] = row[i].text;
  }
  for (const auto& d : sink.take()) ADD_FAILURE() << d.to_string();
  return rows;
}

TEST(CsvQuoting, NamesWithCommasQuotesAndLineBreaksKeepTheirColumns) {
  TempDir dir;
  write_file(dir / "s.yaml",
             "name: t\nhorizon: 1d\nsites:\n  - name: \"Seoul, KR\"\n    nodes:\n"
             "      - {hardware: H100, count: 2}\ntenants:\n  - name: \"Lee, \\\"Kim\\\" & Co\"\n"
             "workload:\n  jobs:\n    - {tenant: \"Lee, \\\"Kim\\\" & Co\", kind: \"train\\nv2\", "
             "gpus: 8, duration: 1h}\n");
  auto r = run_sovsim("run " + (dir / "s.yaml").string() + " -q -o " + (dir / "out").string(),
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Table jobs = read_rfc4180(dir / "out/jobs.csv");
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].at("tenant"), "Lee, \"Kim\" & Co");
  EXPECT_EQ(jobs[0].at("kind"), "train\nv2");
  EXPECT_EQ(jobs[0].at("site"), "Seoul, KR");
  EXPECT_EQ(jobs[0].at("hw"), "H100");
  EXPECT_EQ(jobs[0].at("status"), "completed");
  EXPECT_EQ(jobs[0].at("runtime_s"), "3600");
  const Table utilisation = read_rfc4180(dir / "out/utilisation.csv");
  ASSERT_FALSE(utilisation.empty());
  EXPECT_EQ(utilisation[0].at("site"), "Seoul, KR");
  EXPECT_EQ(utilisation[0].at("tenant"), "Lee, \"Kim\" & Co");
  EXPECT_EQ(utilisation[0].at("total_gpus"), "16");
}

// The living service's tenant renamed "naver, cloud": services.csv keeps its columns (and the
// run's report.html, which reads it back, renders).
TEST(CsvQuoting, ServicesCsvQuotesNames) {
  TempDir dir;
  const std::string scenario = std::regex_replace(
      read_file(source_path("scenarios/serving/diurnal_service.yaml")), std::regex("\\bnaver\\b"),
      "\"naver, cloud\"");
  write_file(dir / "s.yaml", scenario);
  auto r = run_sovsim("run " + (dir / "s.yaml").string() + " -q -o " + (dir / "out").string(),
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Table services = read_rfc4180(dir / "out/services.csv");
  ASSERT_FALSE(services.empty());
  EXPECT_EQ(services[0].at("tenant"), "naver, cloud");
  EXPECT_EQ(services[0].at("hardware"), "H100");
  EXPECT_TRUE(std::filesystem::exists(dir / "out/report.html"));
}

}  // namespace
}  // namespace sovsim::test
