// sim/sweep/run_launcher.cpp — see run_launcher.hpp.
#include "sim/sweep/run_launcher.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/sweep/sweep_dir.hpp"

extern char** environ;

namespace sovsim::sim {

std::filesystem::path self_executable() {
  std::error_code ec;
  const auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find the sovsim executable: " + ec.message());
  return path;
}

pid_t start_run(const std::filesystem::path& executable, const std::filesystem::path& dir,
                const SweepPlan& plan, const PlannedRun& run) {
  std::vector<std::string> args = {executable.string(),
                                   "run",
                                   plan.scenario,
                                   "-q",
                                   "-o",
                                   sweep_dir::run_output(dir, run.id).string()};
  for (auto& a : plan.run_arguments(run)) args.push_back(std::move(a));
  const std::string log = sweep_dir::run_log(dir, run.id).string();
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  const pid_t pid = spawn_process(args, files, false);
  posix_spawn_file_actions_destroy(&files);
  if (pid < 0) {
    throw std::runtime_error("cannot start " + args[0] + " for run " + run.id + ": " +
                             std::strerror(static_cast<int>(-pid)));
  }
  return pid;
}

pid_t spawn_process(const std::vector<std::string>& args, const posix_spawn_file_actions_t& files,
                    bool search_path) {
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const int error = search_path
                        ? posix_spawnp(&pid, argv[0], &files, &attributes, argv.data(), environ)
                        : posix_spawn(&pid, argv[0], &files, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  return error != 0 ? -error : pid;
}

}  // namespace sovsim::sim
