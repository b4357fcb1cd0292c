// test/e2e/sweep_report_cli_test.cpp — what `sovsim sweep` adds around its runs: sweep-report's
// tornado (printed, in tornado.csv and report.html, --metric), a run stopped by --run-timeout and
// recorded as failed, and a sweep refused when the trace its scenario reads has changed.
#include <gtest/gtest.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

namespace fs = std::filesystem;

TEST(SweepReportCli, TornadoPrintedAndWrittenWidestFirst) {
  TempDir dir;
  write_file(dir / "s.yaml",
             "scenario: " + source_path("scenarios/quickstart.yaml") +
                 "\nset: {horizon: 2d}\nparameters:\n  scheduler.policy: [fcfs, easy]\n"
                 "  sites[0].nodes[0].count: [2, 8]\nseeds: 2\n"
                 "metrics: {wait_mean_s: wait.mean_s, completed: jobs.completed}\n");
  const auto out = dir / "out";
  auto r = run_sovsim("sweep " + (dir / "s.yaml").string() + " -o " + out.string(), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_sovsim("sweep-report " + out.string(), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wait_mean_s: which parameter moves it most"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("seed noise: ±"), std::string::npos) << r.out;

  // tornado.csv against the means computed here from results.csv.
  const auto results = read_csv(out / "results.csv");
  const auto tornado = read_csv(out / "tornado.csv");
  ASSERT_EQ(tornado.size(), 4u);  // 2 metrics x 2 parameters
  for (const auto& row : tornado) {
    std::map<std::string, std::pair<double, int>> by_value;
    for (const auto& run : results) {
      auto& [sum, n] = by_value[run.at(row.at("parameter"))];
      sum += std::stod(run.at(row.at("metric")));
      ++n;
    }
    ASSERT_EQ(by_value.size(), 2u);
    const auto mean = [&](const std::string& v) {
      return by_value.at(v).first / by_value.at(v).second;
    };
    EXPECT_NEAR(std::stod(row.at("low_mean")), mean(row.at("low_value")), 1e-9);
    EXPECT_NEAR(std::stod(row.at("high_mean")), mean(row.at("high_value")), 1e-9);
    EXPECT_LE(mean(row.at("low_value")), mean(row.at("high_value")));
  }
  // Within a metric, the wider swing first.
  EXPECT_GE(std::stod(tornado[0].at("swing")), std::stod(tornado[1].at("swing")));

  // report.html: the aggregate table and a bar chart per metric, one bar per parameter, the
  // same bytes when rendered again.
  const std::string page = read_file(out / "report.html");
  EXPECT_NE(page.find("<h2>Mean over seeds</h2>"), std::string::npos);
  for (const char* id : {"id=\"tornado-0-chart\"", "id=\"tornado-1-chart\""}) {
    const size_t at = page.find(id);
    ASSERT_NE(at, std::string::npos) << id;
    const std::string svg = page.substr(at, page.find("</svg>", at) - at);
    EXPECT_NE(svg.find(">scheduler.policy<"), std::string::npos) << svg;  // one bar each
    EXPECT_NE(svg.find(">sites[0].nodes[0].count<"), std::string::npos) << svg;
    EXPECT_NE(svg.find("seed noise"), std::string::npos);
  }
  EXPECT_EQ(page.find("<script"), std::string::npos);
  ASSERT_EQ(run_sovsim("sweep-report " + out.string(), dir.path()).exit_code, 0);
  EXPECT_EQ(read_file(out / "report.html"), page);

  r = run_sovsim("sweep-report " + out.string() + " --metric completed", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("wait_mean_s: which"), std::string::npos);
  EXPECT_NE(r.out.find("completed: which"), std::string::npos);
  r = run_sovsim("sweep-report " + out.string() + " --metric nope", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no metric 'nope'"), std::string::npos) << r.err;
}

TEST(SweepReportCli, ARunPastItsTimeoutIsStoppedAndRecordedFailed) {
  TempDir dir;
  // A year of the 260k-GPU benchmark fleet: a minute or more, far beyond the 2 s limit.
  write_file(dir / "s.yaml", "scenario: " + source_path("scenarios/bench/fleet_year.yaml") +
                                 "\nseeds: 1\nmetrics: {u: utilisation}\n");
  const auto out = dir / "out";
  const auto started = std::chrono::steady_clock::now();
  auto r = run_sovsim("sweep " + (dir / "s.yaml").string() + " --run-timeout 2s -o " +
                          out.string(),
                      dir.path());
  const double took_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_LT(took_s, 30) << "the run was not stopped";
  const auto rows = read_csv(out / "results.csv");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("status"), "failed");
  EXPECT_NE(rows[0].at("error").find("timed out: still running after 2s (--run-timeout)"),
            std::string::npos)
      << rows[0].at("error");
  EXPECT_TRUE(fs::is_empty(out / "runs") ||
              !fs::exists(out / "runs/r0000/summary.json"));  // nothing half-written kept

  r = run_sovsim("sweep " + (dir / "s.yaml").string() + " --run-timeout soon -o " + out.string(),
                 dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--run-timeout: expected a duration > 0"), std::string::npos) << r.err;
}

TEST(SweepReportCli, AChangedTraceIsRefusedUnlessRestarted) {
  TempDir dir;
  const std::string header = "; MaxProcs: 8\n";
  auto job = [](int id, int submit) {
    return std::to_string(id) + " " + std::to_string(submit) +
           " 0 600 2 -1 -1 2 900 -1 1 1 1 -1 1 -1 -1 -1\n";
  };
  write_file(dir / "log.swf", header + job(1, 0) + job(2, 60));
  write_file(dir / "scenario.yaml",
             "name: t\nhorizon: 1d\nsites:\n  - name: flat\n    nodes:\n"
             "      - {hardware: H100, count: trace, gpus_per_node: 1}\n"
             "tenants:\n  - name: users\n"
             "workload:\n  trace: {format: swf, path: log.swf}\n");
  write_file(dir / "s.yaml", "scenario: scenario.yaml\nseeds: 1\nmetrics: {n: jobs.completed}\n");
  const auto out = dir / "out";
  const std::string sweep = "sweep " + (dir / "s.yaml").string() + " -o " + out.string();
  ASSERT_EQ(run_sovsim(sweep, dir.path()).exit_code, 0);
  EXPECT_EQ(run_sovsim(sweep, dir.path()).exit_code, 0);  // unchanged: resumes, nothing to do
  write_file(dir / "log.swf", header + job(1, 0) + job(2, 60) + job(3, 120));
  auto r = run_sovsim(sweep, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a file the scenario reads (its trace) has changed since"),
            std::string::npos)
      << r.err;
  r = run_sovsim(sweep + " --restart", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_csv(out / "results.csv").at(0).at("n"), "3");
}

}  // namespace
}  // namespace sovsim::test
