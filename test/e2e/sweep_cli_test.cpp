// test/e2e/sweep_cli_test.cpp — `sovsim sweep` end to end on a 2-day quickstart: bad sweep files
// (exit 2, FILE:LINE:COL, nothing written), the exact --dry-run output, a failing run recorded
// while the others succeed, resume after deleted / failed / corrupt results, restart after
// kill -9 of the whole process group, the same results with -j 1 and -j 2, a changed plan
// refused unless --restart, SIGINT keeping finished results, and sweep-task / sweep-report.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

namespace fs = std::filesystem;

// 2 policies x 2 sizes x 2 seeds = 8 runs of ~0.2 s.
std::string tiny_sweep(const std::string& extra_metrics = "") {
  return "scenario: " + source_path("scenarios/quickstart.yaml") +
         "\nset: {horizon: 2d}\nparameters:\n  scheduler.policy: [fcfs, easy]\n"
         "  sites[0].nodes[0].count: [4, 8]\nseeds: 2\nmetrics:\n  wait_mean_s: wait.mean_s\n"
         "  naver_wait_s: tenants[name=naver].wait.mean_s\n  completed: jobs.completed\n" +
         extra_metrics;
}

struct Row {
  std::string status, error;
};

// run_id -> (status, error) from results.sqlite, read with the SQLite C API; also checks that
// run_id is unique (it is the primary key, and counted again here).
std::map<std::string, Row> sqlite_rows(const fs::path& db_path) {
  std::map<std::string, Row> rows;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT run_id, status, error FROM runs ORDER BY run_id", -1,
                               &stmt, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  size_t count = 0;
  while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
    ++count;
    auto text = [&](int c) {
      const auto* t = sqlite3_column_text(stmt, c);
      return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
    };
    rows[text(0)] = {text(1), text(2)};
  }
  EXPECT_EQ(count, rows.size()) << "a run_id appears twice";
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

fs::path write_sweep(const TempDir& dir, const std::string& text,
                     const std::string& name = "s.yaml") {
  write_file(dir / name, text);
  return dir / name;
}

TEST(SweepCli, BadSweepFilesExit2WithPositionsAndWriteNothing) {
  TempDir dir;
  const std::string q = source_path("scenarios/quickstart.yaml");
  const std::pair<std::string, std::string> cases[] = {
      {"scenario: " + q + "\nmetrics: {w: wait.mean_s}\nparameter: {a: [1]}\n",
       "s.yaml:3:1: parameter: unknown key; did you mean 'parameters'?"},
      {"scenario: " + q + "\nparameters:\n  horizon: {range: [1, 2], steps: 1}\nmetrics: {w: x}\n",
       "s.yaml:3:35: parameters.horizon.steps: expected an integer in [2, 10000], found 1"},
      {"scenario: missing.yaml\nmetrics: {w: x}\n",
       "s.yaml:1:11: scenario: " + (dir / "missing.yaml").string() +
           ": cannot open the scenario file: no such file"},
      {"scenario: " + q + "\nparameters:\n  sites[5].nodes[0].count: [4]\nmetrics: {w: x}\n",
       "s.yaml:3:29: parameters.sites[5].nodes[0].count: with sites[5].nodes[0].count=4: "
       "sites[5]: --set: index out of range (the list has 2 elements)"},
      {"scenario: " + q + "\nparameters:\n  scheduler.policy: [fcfs, fcsf]\nmetrics: {w: x}\n",
       "s.yaml:3:28: parameters.scheduler.policy: with scheduler.policy=fcsf: scheduler.policy: "
       "expected one of conservative, easy, fair-share, fcfs, las, priority, sjf, found 'fcsf' "
       "(did you mean 'fcfs'?)"},
  };
  for (const auto& [text, error] : cases) {
    const auto file = write_sweep(dir, text);
    const auto r =
        run_sovsim("sweep " + file.string() + " -o " + (dir / "out").string(), dir.path());
    EXPECT_EQ(r.exit_code, 2) << text;
    EXPECT_EQ(r.err, "error: " + file.string() + error.substr(6) +
                         "\n1 error; nothing was run or written\n")
        << r.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
  }
}

TEST(SweepCli, DryRunPrintsOneLinePerRunAndWritesNothing) {
  TempDir dir;
  const auto file = write_sweep(dir, tiny_sweep());
  const auto r =
      run_sovsim("sweep " + file.string() + " --dry-run -o " + (dir / "out").string(), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string common = " --set horizon=2d --set scheduler.policy=";
  std::string expected;
  int i = 0;
  for (const char* policy : {"fcfs", "easy"}) {
    for (const char* count : {"4", "8"}) {
      for (int seed : {1, 2}) {
        expected += "r000" + std::to_string(i++) + "  --seed " + std::to_string(seed) + common +
                    policy + " --set 'sites[0].nodes[0].count=" + count + "'\n";
      }
    }
  }
  EXPECT_EQ(r.out, expected);
  EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(SweepCli, AFailingRunIsRecordedAndTheOthersSucceed) {
  TempDir dir;
  // 10 million nodes (plus the other sites') pass the loader but not `sovsim run`'s size check:
  // that run fails.
  const auto file = write_sweep(
      dir, "scenario: " + source_path("scenarios/quickstart.yaml") +
               "\nset: {horizon: 2d}\nparameters:\n  sites[0].nodes[0].count: [4, 10000000]\n"
               "seeds: 1\nmetrics: {w: wait.mean_s}\n");
  const auto r =
      run_sovsim("sweep " + file.string() + " -j 2 -o " + (dir / "out").string(), dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto rows = sqlite_rows(dir / "out/results.sqlite");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows.at("r0000").status, "ok");
  EXPECT_EQ(rows.at("r0000").error, "");
  EXPECT_EQ(rows.at("r0001").status, "failed");
  EXPECT_NE(rows.at("r0001").error.find("sovsim run exited with 2"), std::string::npos);
  EXPECT_NE(rows.at("r0001").error.find("--force"), std::string::npos) << rows.at("r0001").error;
}

TEST(SweepCli, AMissingMetricPathFailsTheRunNamingThePath) {
  TempDir dir;
  const auto file =
      write_sweep(dir, "scenario: " + source_path("scenarios/quickstart.yaml") +
                           "\nset: {horizon: 1d}\nseeds: 1\n"
                           "metrics: {w: wait.mean_s, k: 'tenants[name=kakao].wait.mean_s'}\n");
  const auto r = run_sovsim("sweep " + file.string() + " -o " + (dir / "out").string(), dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto rows = sqlite_rows(dir / "out/results.sqlite");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.at("r0000").status, "failed");
  EXPECT_EQ(rows.at("r0000").error,
            "k: metric path 'tenants[name=kakao].wait.mean_s': no element with name=kakao");
}

TEST(SweepCli, ResumeRunsOnlyMissingFailedAndCorruptResults) {
  TempDir dir;
  const auto file = write_sweep(dir, tiny_sweep());
  const auto out = dir / "out";
  const std::string cmd = "sweep " + file.string() + " -j 2 -o " + out.string();
  ASSERT_EQ(run_sovsim(cmd, dir.path()).exit_code, 0);
  std::map<std::string, std::string> before;
  for (int i = 0; i < 8; ++i) {
    const std::string id = "r000" + std::to_string(i);
    before[id] = read_file(out / "results" / (id + ".json"));
  }
  fs::remove(out / "results/r0001.json");
  std::string failed = before["r0002"];
  failed.replace(failed.find("\"ok\""), 4, "\"failed\"");
  write_file(out / "results/r0002.json", failed);
  write_file(out / "results/r0003.json", before["r0003"].substr(0, 40));  // torn
  const auto r = run_sovsim(cmd, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("8 runs: 8 ok (5 already done), 0 failed"), std::string::npos) << r.out;
  for (const auto& [id, text] : before) {
    const std::string now = read_file(out / "results" / (id + ".json"));
    const bool rerun = id == "r0001" || id == "r0002" || id == "r0003";
    // A rerun has its own wall time; the others are the same files, untouched.
    EXPECT_EQ(now == text, !rerun) << id;
    EXPECT_NE(now.find("\"status\": \"ok\""), std::string::npos) << id;
  }
  const auto rows = sqlite_rows(out / "results.sqlite");
  EXPECT_EQ(rows.size(), 8u);
  for (const auto& [id, row] : rows) EXPECT_EQ(row.status, "ok") << id;
}

TEST(SweepCli, KilledWithSigkillThenRestartedEndsWithOneRowPerRun) {
  TempDir dir;
  const auto file = write_sweep(dir, tiny_sweep());
  const auto out = dir / "out";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);  // its own group, so the runs it starts can be killed with it
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execl(SOVSIM_BINARY, SOVSIM_BINARY, "sweep", file.c_str(), "-j", "2", "-o", out.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  auto results = [&] {
    size_t n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(out / "results", ec)) {
      n += e.path().extension() == ".json";
    }
    return n;
  };
  while (results() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(-pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the sweep ended before it was killed";
  const size_t done_before = results();
  EXPECT_GE(done_before, 1u);
  EXPECT_LT(done_before, 8u) << "killed too late to test anything";

  const auto r = run_sovsim("sweep " + file.string() + " -j 2 -o " + out.string(), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = sqlite_rows(out / "results.sqlite");
  EXPECT_EQ(rows.size(), 8u);
  for (const auto& [id, row] : rows) EXPECT_EQ(row.status, "ok") << id;
  EXPECT_EQ(read_csv(out / "results.csv").size(), 8u);
  for (const auto& where : {out, out / "runs", out / "results"}) {
    for (const auto& e : fs::directory_iterator(where)) {
      EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
    }
  }
}

TEST(SweepCli, SameResultsWithOneOrTwoJobs) {
  TempDir dir;
  const auto file = write_sweep(dir, tiny_sweep());
  ASSERT_EQ(run_sovsim("sweep " + file.string() + " -j 1 -o " + (dir / "a").string(), dir.path())
                .exit_code,
            0);
  ASSERT_EQ(run_sovsim("sweep " + file.string() + " -j 2 -o " + (dir / "b").string(), dir.path())
                .exit_code,
            0);
  const std::string a = read_file(dir / "a/results.csv");
  EXPECT_EQ(a, read_file(dir / "b/results.csv"));
  EXPECT_EQ(read_file(dir / "a/aggregate.csv"), read_file(dir / "b/aggregate.csv"));
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), 9);  // header + 8 runs
  EXPECT_EQ(a.substr(0, a.find('\n')),
            "run_id,status,error,seed,scheduler.policy,sites[0].nodes[0].count,wait_mean_s,"
            "naver_wait_s,completed");
}

TEST(SweepCli, OutputsSummaryKeepsOnlyWhatTheSweepCollects) {
  TempDir dir;
  ASSERT_EQ(run_sovsim("sweep " + write_sweep(dir, tiny_sweep()).string() + " -j 2 -o " +
                           (dir / "all").string(),
                       dir.path())
                .exit_code,
            0);
  const auto lean = write_sweep(dir, "outputs: summary\n" + tiny_sweep(), "lean.yaml");
  const auto dry = run_sovsim("sweep " + lean.string() + " --dry-run", dir.path());
  EXPECT_NE(dry.out.find("r0000  --seed 1 --outputs summary --set horizon=2d"), std::string::npos)
      << dry.out;
  ASSERT_EQ(run_sovsim("sweep " + lean.string() + " -j 2 -o " + (dir / "lean").string(), dir.path())
                .exit_code,
            0);
  EXPECT_EQ(read_file(dir / "lean/results.csv"), read_file(dir / "all/results.csv"));
  EXPECT_TRUE(fs::exists(dir / "lean/runs/r0000/summary.json"));
  EXPECT_FALSE(fs::exists(dir / "lean/runs/r0000/jobs.csv"));
  EXPECT_TRUE(fs::exists(dir / "all/runs/r0000/jobs.csv"));
}

TEST(SweepCli, AChangedSweepIsRefusedUnlessRestarted) {
  TempDir dir;
  const auto out = dir / "out";
  const auto file = write_sweep(dir, tiny_sweep());
  ASSERT_EQ(run_sovsim("sweep " + file.string() + " -o " + out.string(), dir.path()).exit_code, 0);
  write_sweep(dir, tiny_sweep("  util: utilisation\n"));
  auto r = run_sovsim("sweep " + file.string() + " -o " + out.string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("holds the results of a different sweep: other metrics. Use --restart"),
            std::string::npos)
      << r.err;
  r = run_sovsim("sweep " + file.string() + " --restart -o " + out.string(), dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_csv(out / "results.csv").front().count("util"), 1u);
  // A directory that is not a sweep's is never written into.
  write_file(dir / "notes.txt", "mine");
  r = run_sovsim("sweep " + file.string() + " -o " + dir.path().string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is not a sweep directory"), std::string::npos) << r.err;
}

TEST(SweepCli, SigintStopsTheSweepAndKeepsFinishedResults) {
  TempDir dir;
  // Runs of a week of the Korea fleet take seconds: the interrupt lands mid-run.
  const auto file =
      write_sweep(dir, "scenario: " + source_path("scenarios/korea_fleet.yaml") +
                           "\nset: {horizon: 7d}\nseeds: 4\nmetrics: {w: wait.mean_s}\n");
  const auto out = dir / "out";
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int err = ::open((dir / "err.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(err, STDERR_FILENO);
    ::execl(SOVSIM_BINARY, SOVSIM_BINARY, "sweep", file.c_str(), "-j", "1", "-o", out.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!fs::exists(out / "results/r0000.json") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // r0001 under way
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130) << read_file(dir / "err.txt");
  EXPECT_NE(read_file(dir / "err.txt").find("sweep interrupted by SIGINT"), std::string::npos);
  EXPECT_TRUE(fs::exists(out / "results/r0000.json"));
  EXPECT_FALSE(fs::exists(out / "results/r0003.json"));
  const auto rows = sqlite_rows(out / "results.sqlite");
  EXPECT_GE(rows.size(), 1u);
  EXPECT_LT(rows.size(), 4u);
  for (const auto& [id, row] : rows) EXPECT_EQ(row.status, "ok") << id;
}

TEST(SweepCli, SweepTaskRunsOnePlanEntryAndSweepReportCollects) {
  TempDir dir;
  const auto file = write_sweep(dir, tiny_sweep());
  const auto out = dir / "out";
  // The sweep wrote its plan; a task runs one entry again (what a batch array task does).
  ASSERT_EQ(run_sovsim("sweep " + file.string() + " -o " + out.string(), dir.path()).exit_code, 0);
  fs::remove(out / "results/r0005.json");
  auto r = run_sovsim("sweep-task " + out.string() + " 5", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out / "results/r0005.json"));
  r = run_sovsim("sweep-task " + out.string() + " 8", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("index 8 is beyond the plan's 8 runs (0…7)"), std::string::npos) << r.err;
  r = run_sovsim("sweep-report " + out.string(), dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')).substr(0, 41),
            "scheduler.policy  sites[0].nodes[0].count");
  // The aggregate: header + 4 combinations; then, after a blank line, the tornados.
  const std::string table = r.out.substr(0, r.out.find("\n\n") + 1);
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 5);
  EXPECT_NE(r.out.find("\nwait_mean_s: which parameter moves it most"), std::string::npos);
  EXPECT_NE(r.out.find("2/2"), std::string::npos);
  EXPECT_EQ(read_csv(out / "aggregate.csv").size(), 4u);
}

TEST(SweepCli, SchemaOfSweepFiles) {
  TempDir dir;
  const auto r = run_sovsim("schema --sweep", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"title\": \"sovsim sweep\""), std::string::npos);
  EXPECT_NE(r.out.find("\"range\""), std::string::npos);
}

}  // namespace
}  // namespace sovsim::test
