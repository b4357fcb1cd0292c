// test/e2e/progress_cli_test.cpp — the progress line of `sovsim run`: drawn with carriage returns
// when stderr is a terminal (a pseudo-terminal from util-linux `script`), erased before the
// summary; nothing of it when stderr is a file, with --quiet, or with --log-level warning.
#include <gtest/gtest.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

// A month of the Korea fleet: a few seconds, long enough for the line to be drawn (it waits 1 s).
const std::string kLongRun = "run " + source_path("scenarios/korea_fleet.yaml") +
                             " --set horizon=30d --set output.utilisation_csv=false";

// Runs `sovsim ARGS` with stdin/stdout/stderr on a pseudo-terminal; returns what it printed.
std::string run_on_terminal(const std::string& args, const TempDir& dir) {
  const auto log = dir / "typescript";
  const std::string cmd = "script -qefc '" + std::string(SOVSIM_BINARY) + " " + args + "' " +
                          log.string() + " >/dev/null 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  return read_file(log);
}

TEST(ProgressCli, DrawnOnATerminalAndErasedBeforeTheSummary) {
  TempDir dir;
  const std::string shown = run_on_terminal(kLongRun + " -o " + (dir / "out").string(), dir);
  const auto line = shown.find("\r\033[Ksim t+");
  ASSERT_NE(line, std::string::npos) << shown;
  EXPECT_NE(shown.find("% of 30d", line), std::string::npos) << shown;
  EXPECT_NE(shown.find("jobs done", line), std::string::npos);
  EXPECT_NE(shown.find("events/s  ETA ", line), std::string::npos);
  // Erased ("\r\033[K" with nothing after it) before the summary's first line.
  const auto summary = shown.find("sovsim: korea");
  ASSERT_NE(summary, std::string::npos) << shown;
  EXPECT_EQ(shown.rfind("\r\033[K", summary) + 4, summary);
}

TEST(ProgressCli, NothingWhenNotATerminalQuietOrWarningLevel) {
  TempDir dir;
  auto r = run_sovsim(kLongRun + " -o " + (dir / "a").string(), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos);
  EXPECT_EQ(r.out.find('\r'), std::string::npos);
  for (const std::string flag : {" -q", " --log-level warning"}) {
    const std::string shown = run_on_terminal(kLongRun + flag + " -o " + (dir / "b").string(), dir);
    EXPECT_EQ(shown.find("\r\033[Ksim "), std::string::npos) << flag << ": " << shown;
  }
  r = run_sovsim(kLongRun + " --log-level loud -o " + (dir / "c").string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);  // CLI11 refuses the value
}

}  // namespace
}  // namespace sovsim::test
