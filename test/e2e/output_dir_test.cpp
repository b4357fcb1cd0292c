// test/e2e/output_dir_test.cpp — where a run's outputs go: a re-run replaces the output
// directory as a whole; -o naming a file, or a directory that is not a sovsim output directory,
// is refused before the run; staging directories of killed runs are cleaned up.
#include <gtest/gtest.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const std::string& kScenario = kOneJobScenario;

ProcessResult run_into(const TempDir& dir, const std::string& out, const std::string& extra = "") {
  write_file(dir / "s.yaml", kScenario);
  return run_sovsim("run " + (dir / "s.yaml").string() + " -q -o '" + out + "' " + extra,
                    dir.path());
}

std::vector<std::string> entries(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(OutputDir, ARerunReplacesTheWholeDirectory) {
  TempDir dir;
  const std::string out = (dir / "out").string();
  ASSERT_EQ(run_into(dir, out).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "out/utilisation.csv"));
  auto again = run_into(dir, out, "--set output.utilisation_csv=false");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  // The earlier run's utilisation.csv does not survive beside the new outputs.
  EXPECT_EQ(entries(dir / "out"), (std::vector<std::string>{"jobs.csv", "perf.json", "power.csv",
                                                            "report.html", "summary.json"}));
  EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"out", "s.yaml", "stderr.txt",
                                                           "stdout.txt"}));
}

TEST(OutputDir, RefusesAFileOrADirectoryThatIsNotAnOutputDirectory) {
  TempDir dir;
  write_file(dir / "notes.txt", "keep me\n");
  auto file = run_into(dir, (dir / "notes.txt").string());
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_NE(file.err.find("expected an output directory, found a regular file"), std::string::npos)
      << file.err;
  EXPECT_EQ(read_file(dir / "notes.txt"), "keep me\n");
  std::filesystem::create_directory(dir / "home");
  write_file(dir / "home/thesis.tex", "x");
  auto foreign = run_into(dir, (dir / "home").string());
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.err.find("does not look like a sovsim output directory (it holds "
                             "'thesis.tex')"),
            std::string::npos)
      << foreign.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "home/thesis.tex"));
  EXPECT_EQ(run_into(dir, "/").exit_code, 2);
  // An empty directory is fine.
  std::filesystem::create_directory(dir / "empty");
  EXPECT_EQ(run_into(dir, (dir / "empty").string()).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "empty/summary.json"));
}

TEST(OutputDir, StagingDirectoriesOfDeadRunsAreRemoved) {
  TempDir dir;
  // PIDs above the kernel's pid_max (at most 2^22) never run; our own PID does.
  const auto dead = dir / ".out.tmp-99999999", dead_old = dir / ".out.old-99999998";
  const auto alive = dir / (".out.tmp-" + std::to_string(::getpid()));
  for (const auto& d : {dead, dead_old, alive}) {
    std::filesystem::create_directory(d);
    write_file(d / "jobs.csv", "partial");
  }
  write_file(dir / ".other.tmp-99999999", "not ours");
  ASSERT_EQ(run_into(dir, (dir / "out").string()).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(dead));
  EXPECT_FALSE(std::filesystem::exists(dead_old));
  EXPECT_TRUE(std::filesystem::exists(alive));  // a live process may still be writing it
  EXPECT_TRUE(std::filesystem::exists(dir / ".other.tmp-99999999"));
}

}  // namespace
}  // namespace sovsim::test
