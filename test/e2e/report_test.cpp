// test/e2e/report_test.cpp — report.html through the binary: a run writes it with charts that
// hold the run's data and a headline equal to summary.json; `sovsim report DIR` renders the same
// bytes; runs without utilisation.csv, without jobs or with `--outputs summary` are handled;
// names are escaped; bad directories and malformed tables exit 2 and leave nothing half-written.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const std::string kQuickstart = source_path("scenarios/quickstart.yaml");

// `sovsim run SCENARIO -o DIR/OUT EXTRA`.
ProcessResult run_into(const TempDir& dir, const std::string& scenario, const std::string& out,
                       const std::string& extra = "-q") {
  return run_sovsim("run " + scenario + " " + extra + " -o " + (dir / out).string(), dir.path());
}

// Writes `yaml` as DIR/s.yaml and runs it into DIR/out.
ProcessResult run_yaml(const TempDir& dir, const std::string& yaml) {
  write_file(dir / "s.yaml", yaml);
  return run_into(dir, (dir / "s.yaml").string(), "out");
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The <svg> element with id `id`, "" if there is none.
std::string svg_with_id(const std::string& html, const std::string& id) {
  const size_t at = html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  return html.substr(at, html.find("</svg>", at) + 6 - at);
}

// Unescapes the five references report.html writes into attributes.
std::string unescape(std::string s) {
  for (auto [from, to] :
       {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
      s.replace(at, std::string(from).size(), to);
    }
  }
  return s;
}

TEST(Report, QuickstartReportHoldsTheRunsData) {
  TempDir dir;
  const std::string out = (dir / "out").string();
  auto r = run_into(dir, kQuickstart, "out", "");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nreport    " + out + "/report.html\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1),
            "report    " + out + "/report.html\n");
  const std::string html = read_file(dir / "out/report.html");
  const auto summary = nlohmann::json::parse(read_file(dir / "out/summary.json"));

  // Self-contained: UTF-8, no script, nothing loaded from anywhere.
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);

  // Every headline number is summary.json's value at the key the row names.
  size_t rows = 0;
  const std::string row = "<tr data-key=\"";
  for (size_t at = html.find(row); at != std::string::npos; at = html.find(row, at + 1), ++rows) {
    const size_t key0 = at + row.size(), key1 = html.find('"', key0);
    const size_t value0 = html.find("data-value=\"", key1) + 12, value1 = html.find('"', value0);
    const nlohmann::json::json_pointer key(html.substr(key0, key1 - key0));
    ASSERT_TRUE(summary.contains(key)) << key;
    EXPECT_EQ(nlohmann::json::parse(unescape(html.substr(value0, value1 - value0))),
              summary.at(key))
        << key;
  }
  EXPECT_GE(rows, 20u);
  for (const char* key : {"/total_gpus", "/jobs/submitted", "/jobs/completed", "/utilisation",
                          "/wait/p95_s", "/goodput_fraction", "/failures/lost_gpu_hours",
                          "/network/stretch_gpu_hours", "/cost/total_krw"}) {
    EXPECT_NE(html.find(std::string("data-key=\"") + key + "\""), std::string::npos) << key;
  }

  // GPUs over time: one stacked area per tenant, each edge a point per bucket (1000).
  const std::string gpus = svg_with_id(html, "gpus-over-time");
  ASSERT_FALSE(gpus.empty());
  EXPECT_EQ(count(gpus, "<path d=\"M"), summary["tenants"].size());
  const size_t first_path = gpus.find("<path d=\"M");
  const std::string d = gpus.substr(first_path, gpus.find('"', first_path + 9) - first_path);
  EXPECT_EQ(count(d, ","), 2000u);  // top and bottom edges
  for (const auto& t : summary["tenants"]) {
    EXPECT_NE(gpus.find("<title>" + t["name"].get<std::string>() + "</title>"), std::string::npos);
  }
  // Heat map: a cell per site and day (the run is shorter than four weeks).
  const double periods = std::ceil(summary["end_s"].get<double>() / 86400);
  EXPECT_EQ(count(svg_with_id(html, "utilisation-heat-map"), "<rect class=\"cell\""),
            summary["sites"].size() * static_cast<size_t>(periods));
  for (const char* id : {"gpus-by-site", "queue-length", "wait-cdf", "utilisation-of-entitlement",
                         "cost-by-tenant", "emissions-by-tenant", "peak-power"}) {
    EXPECT_FALSE(svg_with_id(html, id).empty()) << id;
  }
  // The wait CDF ends at 100% of started jobs: its last point is at the top of the plot.
  const std::string cdf = svg_with_id(html, "wait-cdf");
  const size_t all = cdf.find("<title>all tenants (");
  ASSERT_NE(all, std::string::npos);
  const std::string points = cdf.substr(0, all);
  EXPECT_EQ(points.substr(points.rfind(',') + 1, 5), "34.0\"");
}

TEST(Report, ReRenderIsByteIdenticalAndRunsAreDeterministic) {
  TempDir dir;
  ASSERT_EQ(run_into(dir, kQuickstart, "a").exit_code, 0);
  ASSERT_EQ(run_into(dir, kQuickstart, "b").exit_code, 0);
  const std::string first = read_file(dir / "a/report.html");
  EXPECT_EQ(first, read_file(dir / "b/report.html"));
  std::filesystem::remove(dir / "a/report.html");
  auto r = run_sovsim("report " + (dir / "a").string(), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "report    " + (dir / "a/report.html").string() + "\n");
  EXPECT_EQ(read_file(dir / "a/report.html"), first);
  // Another seed is another report.
  ASSERT_EQ(run_into(dir, kQuickstart, "c", "-q --seed 7").exit_code, 0);
  EXPECT_NE(read_file(dir / "c/report.html"), first);
}

TEST(Report, WithoutUtilisationCsvTheUsageChartsAreNotes) {
  TempDir dir;
  auto r = run_into(dir, kQuickstart, "out", "-q --set output.utilisation_csv=false");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(dir / "out/report.html");
  EXPECT_TRUE(svg_with_id(html, "gpus-over-time").empty());
  EXPECT_TRUE(svg_with_id(html, "utilisation-heat-map").empty());
  EXPECT_EQ(count(html, "utilisation.csv was not written"), 3u);  // by tenant, by site, heat map
  EXPECT_FALSE(svg_with_id(html, "wait-cdf").empty());            // from jobs.csv: still there
}

TEST(Report, SummaryOnlyRunsWriteNoReportButOneCanBeRendered) {
  TempDir dir;
  auto r = run_into(dir, kQuickstart, "out", "--outputs summary");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out/report.html"));
  EXPECT_EQ(r.out.find("report.html"), std::string::npos) << r.out;
  auto report = run_sovsim("report " + (dir / "out").string(), dir.path());
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string html = read_file(dir / "out/report.html");
  EXPECT_NE(html.find("jobs.csv was not written"), std::string::npos);
  EXPECT_FALSE(svg_with_id(html, "cost-by-tenant").empty());  // from summary.json alone
}

TEST(Report, NamesFromInputsAreEscaped) {
  TempDir dir;
  auto r =
      run_yaml(dir,
               "name: \"<b>bold</b> & co\"\nhorizon: 1d\nsites:\n  - name: \"Seoul <KR>, 'east'\"\n"
               "    nodes:\n      - {hardware: H100, count: 2}\ntenants:\n"
               "  - name: \"<i>Lee, \\\"Kim\\\" & Co</i>\"\n    share: 1\nworkload:\n  jobs:\n"
               "    - {tenant: \"<i>Lee, \\\"Kim\\\" & Co</i>\", gpus: 8, duration: 1h}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(dir / "out/report.html");
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<KR>"), std::string::npos);
  EXPECT_NE(html.find("&lt;i&gt;Lee, &quot;Kim&quot; &amp; Co&lt;/i&gt;"), std::string::npos);
  EXPECT_NE(html.find("Seoul &lt;KR&gt;, &#39;east&#39;"), std::string::npos);
  EXPECT_NE(html.find("<title>sovsim report: &lt;b&gt;bold&lt;/b&gt; &amp; co</title>"),
            std::string::npos);
  EXPECT_FALSE(svg_with_id(html, "gpus-over-time").empty());
}

// Site "idle" has GPUs no tenant may use: utilisation.csv has no series there, yet they are in
// service (summary.json's tranches) and the heat map shows them unused, not missing.
TEST(Report, CapacityNoTenantMayUseIsInService) {
  TempDir dir;
  auto r = run_yaml(dir,
                    "name: t\nhorizon: 1d\nsites:\n  - name: busy\n    nodes:\n"
                    "      - {hardware: H100, count: 2}\n  - name: idle\n    nodes:\n"
                    "      - {hardware: H100, count: 1}\ntenants:\n  - name: a\n    sites: [busy]\n"
                    "workload:\n  jobs:\n    - {tenant: a, gpus: 8, duration: 1h}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(dir / "out/utilisation.csv").find("idle"), std::string::npos);
  const std::string html = read_file(dir / "out/report.html");
  const std::string map = svg_with_id(html, "utilisation-heat-map");
  EXPECT_NE(map.find("<title>idle, day 1: 0.0%</title>"), std::string::npos) << map;
  // GPUs in service: 24 all along, the y axis' top tick at 25 (24 / 5 -> steps of 5).
  const std::string gpus = svg_with_id(html, "gpus-over-time");
  EXPECT_NE(gpus.find(">25</text>"), std::string::npos) << gpus;
}

TEST(Report, AnEmptyRunRenders) {
  TempDir dir;
  auto r = run_yaml(
      dir,
      "name: idle\nhorizon: 2d\nsites:\n  - name: s\n    nodes:\n"
      "      - {hardware: H100, count: 2}\ntenants:\n  - name: a\nworkload:\n  jobs: []\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(dir / "out/report.html");
  EXPECT_NE(html.find("No job started in this run"), std::string::npos);
  EXPECT_NE(html.find("data-key=\"/jobs/submitted\" data-value=\"0\""), std::string::npos);
  EXPECT_NE(html.find("</html>\n"), std::string::npos);
}

TEST(Report, ADirectoryWithoutSummaryExitsTwo) {
  TempDir dir;
  std::filesystem::create_directory(dir / "empty");
  auto r = run_sovsim("report " + (dir / "empty").string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find((dir / "empty").string() + ": no summary.json"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "empty/report.html"));
  EXPECT_EQ(run_sovsim("report " + (dir / "missing").string(), dir.path()).exit_code, 2);
  EXPECT_EQ(run_sovsim("report", dir.path()).exit_code, 2);
}

TEST(Report, AMalformedTableExitsTwoAndKeepsTheOldReport) {
  TempDir dir;
  ASSERT_EQ(run_into(dir, kQuickstart, "out").exit_code, 0);
  const std::string before = read_file(dir / "out/report.html");
  std::string jobs = read_file(dir / "out/jobs.csv");
  const size_t line3 = jobs.find('\n', jobs.find('\n') + 1) + 1;
  const size_t submit = [&] {  // the sixth field (submit_s) of the third line
    size_t at = line3;
    for (int i = 0; i < 5; ++i) at = jobs.find(',', at) + 1;
    return at;
  }();
  jobs.insert(submit, "x");
  write_file(dir / "out/jobs.csv", jobs);
  auto r = run_sovsim("report " + (dir / "out").string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("jobs.csv:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("submit_s: expected a number >= 0"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(dir / "out/report.html"), before);
}

}  // namespace
}  // namespace sovsim::test
