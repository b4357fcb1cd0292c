// test/e2e/faults_test.cpp — faults survived with nothing lost (docs/reliability.md): a run
// killed by SIGKILL, SIGTERM or SIGINT at any point of its life leaves the previous complete
// outputs or the new complete ones, never a mix; a write that fails (a file-size limit stands in
// for a full disk) gives a clear error and leaves the previous outputs intact; a sweep whose
// single run is killed with SIGKILL records it as failed and reruns it on resume.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Every file of a directory, by name (hidden staging siblings are outside it).
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) files[e.path().filename()] = read_file(e.path());
  return files;
}

// Starts `sovsim ARGS...` with stdout and stderr to files in `scratch` and, if `fsize_limit` > 0,
// RLIMIT_FSIZE set to it (as `ulimit -f` does: a write past it fails with EFBIG).
pid_t start_sovsim(const std::vector<std::string>& args, const fs::path& scratch,
                   rlim_t fsize_limit = 0) {
  const std::string out = (scratch / "stdout.txt").string(), err = (scratch / "stderr.txt").string();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDOUT_FILENO);
    ::dup2(::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDERR_FILENO);
    if (fsize_limit > 0) {
      const rlimit limit{fsize_limit, fsize_limit};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::vector<char*> argv{const_cast<char*>(SOVSIM_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(SOVSIM_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

const std::vector<std::string> kNewRun = {"run", source_path("scenarios/quickstart.yaml"), "-q",
                                          "--seed", "7", "--set", "horizon=120d"};

TEST(Faults, KilledAtAnyPointLeavesThePreviousOutputsOrTheNewOnes) {
  TempDir dir;
  const fs::path out = dir / "out", reference = dir / "reference";
  ASSERT_EQ(run_sovsim("run " + source_path("scenarios/quickstart.yaml") + " -q -o " + out.string(),
                       dir.path()).exit_code, 0);
  auto previous = files_of(out);
  // The new run once, undisturbed: what a run that got to its end leaves, and how long it takes.
  auto args = kNewRun;
  args.insert(args.end(), {"-o", reference.string()});
  const auto started = Clock::now();
  ASSERT_EQ(wait_for(start_sovsim(args, dir.path())), 0) << read_file(dir / "stderr.txt");
  const auto duration = Clock::now() - started;
  const auto complete = files_of(reference);

  args = kNewRun;
  args.insert(args.end(), {"-o", out.string()});
  const int signals[] = {SIGKILL, SIGTERM, SIGINT};
  int kept_previous = 0, got_new = 0;
  for (int k = 0; k <= 12; ++k) {  // from at once to past the end of the run
    const int signal = signals[k % 3];
    const pid_t pid = start_sovsim(args, dir.path());
    std::this_thread::sleep_for(duration * k / 10);
    ::kill(pid, signal);
    const int code = wait_for(pid);
    const auto now = files_of(out);
    if (now == previous) {
      ++kept_previous;
      continue;
    }
    ++got_new;  // the signal came after the new outputs were in place (code 0, or 128 + signal)
    ASSERT_TRUE(code == 0 || code == 128 + signal) << code;
    EXPECT_EQ(read_file(dir / "stderr.txt").find("outputs removed"), std::string::npos)
        << "nothing was removed: the outputs were in place";
    ASSERT_EQ(now.size(), complete.size());
    for (const auto& [name, content] : complete) {
      if (name != "perf.json" && name != "report.html") {  // those two hold wall times
        EXPECT_TRUE(now.at(name) == content) << name << " after signal " << signal << " at " << k << "/10";
      }
    }
    ASSERT_EQ(run_sovsim("run " + source_path("scenarios/quickstart.yaml") + " -q -o " + out.string(),
                         dir.path()).exit_code, 0);  // back to the previous outputs
    const auto again = files_of(out);  // the same but for the wall times in perf.json and the report
    ASSERT_TRUE(again.at("summary.json") == previous.at("summary.json"));
    previous = again;
  }
  EXPECT_GE(kept_previous, 3) << "no signal arrived before the run ended: the test tests nothing";
  // Staging directories of killed runs are gone after the next run into the same place.
  ASSERT_EQ(run_sovsim("run " + source_path("scenarios/quickstart.yaml") + " -q -o " + out.string(),
                       dir.path()).exit_code, 0);
  for (const auto& e : fs::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }
  std::cout << kept_previous << " kills kept the previous outputs, " << got_new
            << " came after the new ones were in place\n";
}

TEST(Faults, AFailedWriteSaysWhyAndKeepsThePreviousOutputs) {
  TempDir dir;
  const fs::path out = dir / "out";
  ASSERT_EQ(run_sovsim("run " + source_path("scenarios/quickstart.yaml") + " -q -o " + out.string(),
                       dir.path()).exit_code, 0);
  const auto previous = files_of(out);
  auto args = kNewRun;
  args.insert(args.end(), {"-o", out.string()});
  for (const rlim_t limit : {rlim_t{64} << 10, rlim_t{1} << 20}) {  // in jobs.csv, in report.html
    EXPECT_EQ(wait_for(start_sovsim(args, dir.path(), limit)), 1);
    const std::string err = read_file(dir / "stderr.txt");
    EXPECT_NE(err.find("sovsim: error: cannot write " + out.string() + "/"), std::string::npos) << err;
    EXPECT_NE(err.find("File too large"), std::string::npos) << err;
    EXPECT_EQ(files_of(out), previous) << "limit " << limit;
    for (const auto& e : fs::directory_iterator(dir.path())) {
      EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
    }
  }
  // A single output file (import-trace -o) too.
  const fs::path workload = dir / "w.yaml";
  write_file(workload, "previous\n");
  EXPECT_EQ(wait_for(start_sovsim({"import-trace", "--format", "itp",
                                   source_path("scenarios/traces/microsoft-itp-cluster02.csv"),
                                   "-o", workload.string()},
                                  dir.path(), rlim_t{16} << 10)),
            1);
  EXPECT_NE(read_file(dir / "stderr.txt").find("File too large"), std::string::npos);
  EXPECT_EQ(read_file(workload), "previous\n");
}

// The pids of the direct children of `parent` (from /proc).
std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> children;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc", ec)) {
    const std::string name = e.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::istringstream stat(read_file(e.path() / "stat"));
    std::string pid, comm, state;
    pid_t ppid = 0;
    stat >> pid >> comm >> state >> ppid;
    if (ppid == parent) children.push_back(std::stoi(pid));
  }
  return children;
}

TEST(Faults, ASweepRunKilledWithSigkillIsRecordedFailedAndRerunOnResume) {
  TempDir dir;
  const fs::path file = dir / "s.yaml", out = dir / "out";
  write_file(file, "scenario: " + source_path("scenarios/quickstart.yaml") +
                       "\nset: {horizon: 60d}\nparameters:\n  scheduler.policy: [fcfs, easy]\n"
                       "seeds: 3\nmetrics:\n  completed: jobs.completed\n");
  const pid_t sweep = start_sovsim({"sweep", file.string(), "-j", "1", "-o", out.string()}, dir.path());
  pid_t victim = 0;
  for (const auto deadline = Clock::now() + std::chrono::seconds(60); !victim && Clock::now() < deadline;) {
    const auto children = children_of(sweep);
    if (!children.empty()) victim = children.front();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_NE(victim, 0) << "the sweep started no run";
  ::kill(victim, SIGKILL);
  EXPECT_EQ(wait_for(sweep), 1) << read_file(dir / "stdout.txt") << read_file(dir / "stderr.txt");
  const std::string first = read_file(dir / "stdout.txt") + read_file(dir / "stderr.txt");
  EXPECT_NE(first.find("6 runs: 5 ok (0 already done), 1 failed"), std::string::npos) << first;
  int killed = 0;
  for (const auto& row : read_csv(out / "results.csv")) {
    killed += row.at("status") == "failed" && row.at("error") == "killed by signal 9 (Killed)";
  }
  EXPECT_EQ(killed, 1);

  const auto resumed = run_sovsim("sweep " + file.string() + " -j 1 -o " + out.string(), dir.path());
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.out.find("6 runs: 6 ok (5 already done)"), std::string::npos) << resumed.out;
  EXPECT_EQ(read_csv(out / "results.csv").size(), 6u);
}

}  // namespace
}  // namespace sovsim::test
