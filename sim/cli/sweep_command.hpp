// sim/cli/sweep_command.hpp — `sovsim sweep SWEEP.yaml -o DIR [--backend local|slurm] [-j N]
// [--dry-run] [--restart]`:
// every run of a sweep file (docs/sweeps.md) as a child `sovsim run`, results collected into
// DIR/results.sqlite, results.csv, aggregate.csv, tornado.csv and report.html; run again to
// resume. Also
// `sovsim sweep-report DIR [--metric M]` (rebuild the tables, print the aggregate and which
// parameters move each metric most) and the hidden
// `sovsim sweep-task DIR INDEX` (run one plan entry: what a batch-system array task calls).
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

namespace sovsim::cli {

struct SweepOptions {
  std::string sweep_file;
  std::string output_dir;
  std::string backend = "local";
  int jobs = 0;  // 0: the number of cores (local); no throttle (slurm)
  std::string partition, time, mem;  // --backend slurm: passed to sbatch
  std::string run_timeout;           // --backend local: a duration ("30m"); "" = none
  bool dry_run = false;
  bool restart = false;  // discard DIR's earlier plan and results
};

struct SweepTaskOptions {
  std::string dir;
  size_t index = 0;
};

struct SweepReportOptions {
  std::string dir;
  std::string metric;  // print this metric's tornado only
};

// Exit code when the sweep ran but some of its runs failed (each recorded with its error).
constexpr int kExitRunsFailed = 1;

void setup_sweep_command(CLI::App& app, SweepOptions& sweep, SweepTaskOptions& task,
                         SweepReportOptions& report);
int run_sweep(const SweepOptions& options, std::ostream& out, std::ostream& err);
int run_sweep_task(const SweepTaskOptions& options, std::ostream& out, std::ostream& err);
int run_sweep_report(const SweepReportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
