// test/e2e/interrupt_test.cpp — SIGINT and SIGTERM end a long run cleanly: exit 130 / 143, one
// line on stderr (no SimGrid teardown warnings), no output directory and no staging directory.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

struct Interrupted {
  int exit_code = -1;
  std::string err;
  bool was_staging = false;  // the signal arrived while the run had its staging directory
};

// Starts `sovsim run SCENARIO -o DIR/out`, waits until its staging directory exists (the
// simulation is under way), sends `signal` and waits for the process to end.
Interrupted interrupt_run(const std::string& scenario, const TempDir& dir, int signal) {
  const std::string out = (dir / "out").string(), err = (dir / "stderr.txt").string();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, STDERR_FILENO);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::execl(SOVSIM_BINARY, SOVSIM_BINARY, "run", scenario.c_str(), "-q", "-o", out.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  Interrupted r;
  const auto staging = dir / (".out.tmp-" + std::to_string(pid));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!std::filesystem::exists(staging) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  r.was_staging = std::filesystem::exists(staging);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // well into the simulation
  ::kill(pid, signal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err);
  return r;
}

void expect_clean(const Interrupted& r, const TempDir& dir, int code, const std::string& line) {
  EXPECT_TRUE(r.was_staging);
  EXPECT_EQ(r.exit_code, code);
  EXPECT_EQ(r.err, line) << r.err;  // exactly one line, nothing from SimGrid
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename(), "stderr.txt") << "left behind: " << entry.path();
  }
}

TEST(Interrupt, SigintEndsARunWith130AndNoOutputs) {
  TempDir dir;
  const auto r = interrupt_run(source_path("scenarios/bench/fleet_year.yaml"), dir, SIGINT);
  expect_clean(r, dir, 130, "sovsim: interrupted by SIGINT; unfinished outputs removed\n");
}

TEST(Interrupt, SigtermEndsARunWith143AndNoOutputs) {
  TempDir dir;
  const auto r = interrupt_run(source_path("scenarios/korea_fleet.yaml"), dir, SIGTERM);
  expect_clean(r, dir, 143, "sovsim: terminated by SIGTERM; unfinished outputs removed\n");
}

}  // namespace
}  // namespace sovsim::test
