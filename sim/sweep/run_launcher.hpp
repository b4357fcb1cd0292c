// sim/sweep/run_launcher.hpp — starting one planned run as a child process: the running
// executable's own `sovsim run SCENARIO -o DIR/runs/<id> -q --seed N --set ...`, its stderr
// into DIR/runs/<id>.log, stdin and stdout on /dev/null, SIGINT/SIGTERM at their defaults and
// unblocked (the parent blocks them for its signal watcher), in the parent's process group so a
// Ctrl-C at the terminal reaches every run. posix_spawn, no shell.
#pragma once

#include <spawn.h>
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/sweep/sweep_plan.hpp"

namespace sovsim::sim {

// The path of the running executable (/proc/self/exe).
std::filesystem::path self_executable();

// Starts `args` (args[0] a path, or found on PATH when `search_path`) with `files` applied, its
// signal mask empty and SIGINT/SIGTERM at their defaults (the parent blocks them for its signal
// watcher). Returns the pid, or -errno if it could not start.
pid_t spawn_process(const std::vector<std::string>& args, const posix_spawn_file_actions_t& files,
                    bool search_path);

// Starts plan entry `run`; returns the child's pid. Throws std::runtime_error if it cannot.
pid_t start_run(const std::filesystem::path& executable, const std::filesystem::path& dir,
                const SweepPlan& plan, const PlannedRun& run);

}  // namespace sovsim::sim
