// test/e2e/cli_test.cpp — exit codes and error messages of the command line: 0 ok, 2 bad input
// or usage (with FILE:LINE:COL and the key), and nothing written on bad input.
#include <gtest/gtest.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const std::string kGood =
    "name: t\nhorizon: 1d\nsites:\n  - name: s\n    nodes:\n      - {hardware: H100, count: 2}\n"
    "tenants:\n  - name: a\nworkload:\n  jobs:\n    - {tenant: a, gpus: 8, duration: 1h}\n";

TEST(Cli, HelpAndVersionExitZero) {
  TempDir dir;
  auto help = run_sovsim("--help", dir.path());
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("run"), std::string::npos);
  EXPECT_NE(help.out.find("validate"), std::string::npos);
  auto version = run_sovsim("--version", dir.path());
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("sovsim "), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  TempDir dir;
  EXPECT_EQ(run_sovsim("", dir.path()).exit_code, 2);
  EXPECT_EQ(run_sovsim("frobnicate", dir.path()).exit_code, 2);
  EXPECT_EQ(run_sovsim("run", dir.path()).exit_code, 2);
  EXPECT_EQ(run_sovsim("run x.yaml --no-such-flag", dir.path()).exit_code, 2);
}

TEST(Cli, ValidateAcceptsAGoodScenario) {
  TempDir dir;
  write_file(dir / "s.yaml", kGood);
  auto r = run_sovsim("validate " + (dir / "s.yaml").string(), dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("16 GPUs"), std::string::npos);
}

TEST(Cli, BadScenarioReportsFileLineColumnAndKey) {
  TempDir dir;
  std::string bad = kGood;
  bad.replace(bad.find("count: 2"), 8, "count: -3");
  write_file(dir / "s.yaml", bad);
  auto r = run_sovsim("validate " + (dir / "s.yaml").string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find((dir / "s.yaml").string() + ":6:33: sites[0].nodes[0].count: expected an "
                                                    "integer in [0, 10000000], found -3"),
            std::string::npos)
      << r.err;
}

TEST(Cli, BadInputWritesNothing) {
  TempDir dir;
  std::string bad = kGood;
  bad.replace(bad.find("horizon"), 7, "horizn");
  write_file(dir / "s.yaml", bad);
  auto r = run_sovsim("run " + (dir / "s.yaml").string() + " -o " + (dir / "out").string(),
                      dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("horizn: unknown key; did you mean 'horizon'?"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

TEST(Cli, MissingFileAndBadOverrideExitTwo) {
  TempDir dir;
  EXPECT_EQ(run_sovsim("validate " + (dir / "nope.yaml").string(), dir.path()).exit_code, 2);
  write_file(dir / "s.yaml", kGood);
  auto r = run_sovsim("validate " + (dir / "s.yaml").string() + " --set sites[5].name=x",
                      dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sites[5]"), std::string::npos) << r.err;
  auto typed = run_sovsim("validate " + (dir / "s.yaml").string() + " --set horizon=soon",
                          dir.path());
  EXPECT_EQ(typed.exit_code, 2);
  EXPECT_NE(typed.err.find("horizon: expected a duration"), std::string::npos) << typed.err;
}

TEST(Cli, RunRefusesToWriteWhenTheTraceIsBad) {
  TempDir dir;
  write_file(dir / "t.csv", "job_id,submission_time,duration,num_gpu\n1,0,10,2\n2,x,10,1\n");
  std::string s = kGood;
  s.replace(s.find("  jobs:"), std::string::npos,
            "  trace: {format: itp, path: t.csv}\n");
  write_file(dir / "s.yaml", s);
  auto r = run_sovsim("run " + (dir / "s.yaml").string() + " -o " + (dir / "out").string(),
                      dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("t.csv:3"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

}  // namespace
}  // namespace sovsim::test

namespace sovsim::test {
namespace {

// `run --outputs summary` (what a large sweep collects): the same summary.json as a full run, and
// no per-job tables; an unknown value is a usage error.
TEST(Cli, OutputsSummaryWritesTheSameSummaryAndNoTables) {
  TempDir dir;
  const std::string scenario = source_path("scenarios/quickstart.yaml");
  auto full = run_sovsim("run " + scenario + " -q -o " + (dir / "full").string(), dir.path());
  ASSERT_EQ(full.exit_code, 0) << full.err;
  auto lean = run_sovsim("run " + scenario + " -q --outputs summary -o " + (dir / "lean").string(),
                         dir.path());
  ASSERT_EQ(lean.exit_code, 0) << lean.err;
  EXPECT_EQ(read_file(dir / "lean" / "summary.json"), read_file(dir / "full" / "summary.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "lean" / "perf.json"));
  EXPECT_FALSE(std::filesystem::exists(dir / "lean" / "jobs.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir / "lean" / "utilisation.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir / "full" / "jobs.csv"));
  auto bad = run_sovsim("run " + scenario + " -q --outputs jobs -o " + (dir / "bad").string(),
                        dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "bad"));
}

}  // namespace
}  // namespace sovsim::test
