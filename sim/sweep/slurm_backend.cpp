// sim/sweep/slurm_backend.cpp — see slurm_backend.hpp. Slurm refuses array indices at or above
// MaxArraySize (1001 by default), so entries are submitted as arrays of indices below 1000, one
// per block of 1000 plan entries, each task adding its block's offset.
#include "sim/sweep/slurm_backend.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <map>
#include <ostream>
#include <stdexcept>
#include <thread>

#include "sim/output/interrupt_cleanup.hpp"
#include "sim/output/output_file.hpp"
#include "sim/sweep/run_launcher.hpp"
#include "sim/sweep/sweep_dir.hpp"

namespace sovsim::sim {
namespace {

namespace fs = std::filesystem;
constexpr size_t kBlock = 1000;  // array indices stay below Slurm's default MaxArraySize

struct Captured {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `args` (found on PATH), stdin from /dev/null; returns its exit code and output (stdout
// and stderr).
Captured capture(const std::vector<std::string>& args) {
  int pipe_fd[2];
  if (::pipe2(pipe_fd, O_CLOEXEC) != 0) throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&files, pipe_fd[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&files, pipe_fd[1], STDERR_FILENO);
  const pid_t pid = spawn_process(args, files, true);
  posix_spawn_file_actions_destroy(&files);
  ::close(pipe_fd[1]);
  Captured out;
  if (pid < 0) {
    ::close(pipe_fd[0]);
    out.output = fmt::format("cannot start {}: {}", args[0], std::strerror(static_cast<int>(-pid)));
    return out;
  }
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fd[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    out.output.append(buffer, static_cast<size_t>(n));
  }
  ::close(pipe_fd[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// 'text' for sh, single quotes escaped.
std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// `todo` split by blocks of kBlock plan entries: block number -> indices within the block.
std::map<size_t, std::vector<size_t>> blocks_of(const std::vector<size_t>& todo) {
  std::map<size_t, std::vector<size_t>> blocks;
  for (size_t i : todo) blocks[i / kBlock].push_back(i % kBlock);
  return blocks;
}

std::string block_script(const fs::path& dir, size_t block, const std::vector<size_t>& indices,
                         const SlurmOptions& o) {
  const fs::path abs = fs::absolute(dir);
  std::string s = "#!/bin/sh\n";
  s += "# Written by `sovsim sweep --backend slurm` (docs/sweeps.md): array task i runs plan entry\n";
  s += fmt::format("# {} + i of the sweep in {}.\n", block * kBlock, abs.string());
  s += "#SBATCH --job-name=sovsim-sweep\n#SBATCH --ntasks=1\n";
  s += fmt::format("#SBATCH --array={}{}\n", array_ranges(indices),
                   o.max_parallel > 0 ? fmt::format("%{}", o.max_parallel) : "");
  s += fmt::format("#SBATCH --output={}\n",
                   (sweep_dir::slurm_dir(abs) / fmt::format("task-{}-%a.out", block)).string());
  if (!o.partition.empty()) s += "#SBATCH --partition=" + o.partition + "\n";
  if (!o.time.empty()) s += "#SBATCH --time=" + o.time + "\n";
  if (!o.mem.empty()) s += "#SBATCH --mem=" + o.mem + "\n";
  s += fmt::format("exec {} sweep-task {} $(({} + SLURM_ARRAY_TASK_ID))\n",
                   sh_quote(fs::absolute(o.executable).string()), sh_quote(abs.string()),
                   block * kBlock);
  return s;
}

}  // namespace

std::string array_ranges(const std::vector<size_t>& indices) {
  std::string out;
  for (size_t i = 0; i < indices.size();) {
    size_t j = i;
    while (j + 1 < indices.size() && indices[j + 1] == indices[j] + 1) ++j;
    if (!out.empty()) out += ",";
    out += j == i ? fmt::format("{}", indices[i]) : fmt::format("{}-{}", indices[i], indices[j]);
    i = j + 1;
  }
  return out;
}

std::string array_script(const fs::path& dir, const std::vector<size_t>& todo,
                         const SlurmOptions& options) {
  std::string out;
  for (const auto& [block, indices] : blocks_of(todo)) out += block_script(dir, block, indices, options);
  return out;
}

SlurmOutcome run_slurm(const fs::path& dir, const SweepPlan& plan, const std::vector<size_t>& todo,
                       const SlurmOptions& options) {
  const InterruptsDeferred deferred;
  SlurmOutcome outcome;
  if (todo.empty()) return outcome;
  fs::create_directories(sweep_dir::slurm_dir(dir));
  std::vector<std::string> ids;
  for (const auto& [block, indices] : blocks_of(todo)) {
    const fs::path script = sweep_dir::slurm_dir(dir) / fmt::format("array-{}.sh", block);
    write_file_atomically(script, block_script(dir, block, indices, options));
    const Captured r = capture({"sbatch", "--parsable", script.string()});
    if (r.exit_code != 0) {
      for (const auto& id : ids) capture({"scancel", id});
      throw std::runtime_error(fmt::format("sbatch {} failed (exit {}): {}", script.string(),
                                           r.exit_code, trimmed(r.output)));
    }
    std::string id = trimmed(r.output);
    id = id.substr(id.rfind('\n') == std::string::npos ? 0 : id.rfind('\n') + 1);
    ids.push_back(id.substr(0, id.find(';')));  // "JOBID;CLUSTER" on federations
  }
  outcome.job_id = fmt::format("{}", fmt::join(ids, ","));
  int squeue_errors = 0;
  for (;;) {
    const int signal = interrupt_signal();
    if (signal != 0 && outcome.signal == 0) {
      outcome.signal = signal;
      for (const auto& id : ids) capture({"scancel", id});
    }
    const Captured q = capture({"squeue", "-h", "-j", outcome.job_id, "-o", "%i"});
    // squeue forgets a finished job after MinJobAge and then calls its id invalid: gone too.
    const bool gone = (q.exit_code == 0 && trimmed(q.output).empty()) ||
                      q.output.find("Invalid job id") != std::string::npos;
    if (gone) break;
    if (q.exit_code != 0 && ++squeue_errors >= 10) {
      throw std::runtime_error("squeue keeps failing: " + trimmed(q.output));
    }
    if (q.exit_code == 0) squeue_errors = 0;
    if (options.progress) {
      size_t have = 0;
      for (size_t i : todo) have += fs::exists(sweep_dir::result_file(dir, plan.runs[i].id));
      *options.progress << fmt::format("\r\033[Ksweep: Slurm job {}: {}/{} results", outcome.job_id,
                                       have, todo.size())
                        << std::flush;
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(options.poll_s));
  }
  if (options.progress) *options.progress << "\n";
  return outcome;
}

}  // namespace sovsim::sim
