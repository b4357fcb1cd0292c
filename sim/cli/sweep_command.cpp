// sim/cli/sweep_command.cpp — see sweep_command.hpp. The commands only wire the parts of
// sim/sweep/ together: load and plan, check the directory, run what is not done, rebuild the
// tables.
#include "sim/cli/sweep_command.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <csignal>
#include <ostream>
#include <thread>

#include "models/common/units.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/scenario_input.hpp"
#include "sim/sweep/aggregate.hpp"
#include "sim/sweep/local_backend.hpp"
#include "sim/sweep/results_table.hpp"
#include "sim/sweep/run_launcher.hpp"
#include "sim/sweep/slurm_backend.hpp"
#include "sim/sweep/sweep_dir.hpp"
#include "sim/sweep/sweep_loader.hpp"
#include "sim/sweep/tornado.hpp"

namespace sovsim::cli {
namespace {

namespace fs = std::filesystem;
namespace sd = sim::sweep_dir;

// Holds an exclusive lock on DIR while a sweep writes into it, so two sweeps cannot share one
// directory. The lock goes with the process (kill -9 included); children do not inherit it.
class DirLock {
 public:
  explicit DirLock(const fs::path& dir)
      : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {}
  ~DirLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool acquired() const { return fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0; }

 private:
  int fd_;
};

int bad_input(std::ostream& err, const std::string& where, const std::string& message) {
  print_diagnostics({Diagnostic{where, 0, 0, "", message}}, err);
  return kExitBadInput;
}

// What differs between the plan in DIR and this sweep's, in words.
std::string plan_difference(const sim::SweepPlan& old, const sim::SweepPlan& now) {
  if (old.scenario != now.scenario) return "another scenario (" + old.scenario + ")";
  if (old.scenario_fnv1a64 != now.scenario_fnv1a64) return "the scenario file has changed since";
  if (old.inputs_fnv1a64 != now.inputs_fnv1a64) {
    return "a file the scenario reads (its trace) has changed since";
  }
  if (old.set != now.set) return "other fixed overrides (set)";
  if (old.outputs != now.outputs) return "other outputs (" + old.outputs + ")";
  if (old.parameters != now.parameters) return "other parameters";
  if (old.metrics != now.metrics) return "other metrics";
  if (old.runs.size() != now.runs.size()) {
    return fmt::format("{} runs, this sweep has {}", old.runs.size(), now.runs.size());
  }
  return "other parameter values or seeds";
}

std::optional<sim::SweepPlan> read_plan_or_report(const std::string& dir, std::ostream& err) {
  try {
    auto plan = sd::read_plan(dir);
    if (!plan) bad_input(err, dir, "no plan.json: not a sweep directory");
    return plan;
  } catch (const std::exception& e) {
    bad_input(err, dir, e.what());
    return std::nullopt;
  }
}

}  // namespace

void setup_sweep_command(CLI::App& app, SweepOptions& sweep, SweepTaskOptions& task,
                         SweepReportOptions& report) {
  auto* cmd = app.add_subcommand("sweep", "Run every variant of a sweep file (docs/sweeps.md)");
  cmd->add_option("sweep_file", sweep.sweep_file, "Sweep YAML file")->required();
  cmd->add_option("-o,--output", sweep.output_dir,
                  "Sweep directory (plan.json, runs/, results/, results.sqlite, ...); required "
                  "unless --dry-run");
  cmd->add_option("--backend", sweep.backend,
                  "Where runs execute: local (a process pool) or slurm (one job array, "
                  "docs/sweeps.md)")
      ->check(CLI::IsMember({"local", "slurm"}));
  cmd->add_option("-j,--jobs", sweep.jobs,
                  "Runs at a time (default: the number of cores; slurm: the array's %N throttle, "
                  "none by default)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--partition", sweep.partition, "slurm: sbatch --partition");
  cmd->add_option("--time", sweep.time, "slurm: sbatch --time, per run (e.g. 30:00)");
  cmd->add_option("--mem", sweep.mem, "slurm: sbatch --mem, per run (e.g. 4G)");
  cmd->add_option("--run-timeout", sweep.run_timeout,
                  "local: stop a run still going after this long (e.g. 30m) and record it as "
                  "failed; slurm: use --time");
  cmd->add_flag("--dry-run", sweep.dry_run,
                "Print one line per planned run (id and arguments) and write nothing");
  cmd->add_flag("--restart", sweep.restart,
                "Discard the plan and results already in the directory and run everything");

  auto* t = app.add_subcommand("sweep-task", "Run plan entry INDEX of a sweep directory");
  t->group("");  // for batch systems (an array task per entry): not in --help
  t->add_option("dir", task.dir, "Sweep directory holding plan.json")->required();
  t->add_option("index", task.index, "Plan entry, from 0")->required();

  auto* r = app.add_subcommand(
      "sweep-report", "Rebuild a sweep's tables from its results; print the aggregate over seeds");
  r->add_option("dir", report.dir, "Sweep directory")->required()->check(CLI::ExistingDirectory);
  r->add_option("--metric", report.metric,
                "Print the tornado of this metric only (default: every metric's)");
}

int run_sweep(const SweepOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.dry_run && options.output_dir.empty()) {
    return bad_input(err, "", "sweep: -o DIR is required (unless --dry-run)");
  }
  double run_timeout_s = 0;
  if (!options.run_timeout.empty()) {
    const auto parsed = parse_duration_s(options.run_timeout);
    if (!parsed || *parsed <= 0) {
      return bad_input(err, "", fmt::format("sweep: --run-timeout: expected a duration > 0 such "
                                            "as 90s, 30m or 2h, found '{}'",
                                            options.run_timeout));
    }
    if (options.backend == "slurm") {
      return bad_input(err, "", "sweep: --run-timeout is for the local backend; with slurm, "
                                "--time gives each run its limit");
    }
    run_timeout_s = *parsed;
  }
  auto catalogs = models::Catalogs::builtin();
  if (!catalogs.ok()) throw std::runtime_error("built-in catalogs are invalid");
  auto spec = sim::load_sweep(options.sweep_file, catalogs.value());
  if (!spec.ok()) {
    print_diagnostics(spec.diagnostics(), err);
    return kExitBadInput;
  }
  const sim::SweepPlan plan = sim::make_plan(spec.value());
  if (options.dry_run) {
    for (const auto& run : plan.runs) out << sim::dry_run_line(plan, run) << "\n";
    return kExitOk;
  }
  const fs::path dir = options.output_dir;
  if (const auto problem = sd::problem(dir)) return bad_input(err, dir.string(), *problem);
  fs::create_directories(dir);
  const DirLock lock(dir);
  if (!lock.acquired()) return bad_input(err, dir.string(), "another sweep is writing into it");
  std::optional<sim::SweepPlan> old;
  try {
    old = sd::read_plan(dir);
  } catch (const std::exception& e) {
    if (!options.restart)
      return bad_input(err, dir.string(), std::string(e.what()) + "; --restart discards it");
  }
  // A plan written before inputs were hashed resumes as if they matched.
  if (old && old->inputs_fnv1a64 == sim::kInputsUnknown) old->inputs_fnv1a64 = plan.inputs_fnv1a64;
  if (old && sim::plan_json(*old) != sim::plan_json(plan)) {
    if (!options.restart) {
      return bad_input(err, dir.string(),
                       "holds the results of a different sweep: " + plan_difference(*old, plan) +
                           ". Use --restart to discard them, or choose another -o");
    }
  }
  if (options.restart) sd::clear(dir);
  sd::remove_stale_temporaries(dir);
  sd::start(dir, plan);

  const auto done = sim::read_results(dir, plan);
  std::vector<size_t> todo;
  size_t already_ok = 0;
  for (size_t i = 0; i < plan.runs.size(); ++i) {
    const auto it = done.find(i);
    if (it != done.end() && it->second.ok) {
      ++already_ok;
    } else {
      todo.push_back(i);
    }
  }
  int signal = 0;
  if (options.backend == "slurm") {
    sim::SlurmOptions slurm;
    slurm.executable = sim::self_executable();
    slurm.max_parallel = options.jobs;
    slurm.partition = options.partition;
    slurm.time = options.time;
    slurm.mem = options.mem;
    slurm.progress = ::isatty(STDERR_FILENO) ? &err : nullptr;
    try {
      signal = sim::run_slurm(dir, plan, todo, slurm).signal;
    } catch (const std::runtime_error& e) {
      return bad_input(err, dir.string(), e.what());
    }
  } else {
    sim::LocalOptions local;
    local.jobs = options.jobs > 0
                     ? options.jobs
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    local.executable = sim::self_executable();
    local.progress = ::isatty(STDERR_FILENO) ? &err : nullptr;
    local.already_done = already_ok;
    local.run_timeout_s = run_timeout_s;
    signal = sim::run_local(dir, plan, todo, local).signal;
  }
  const auto results = sim::rebuild_tables(dir, plan);
  size_t ok = 0, failed = 0;
  for (const auto& [index, r] : results) ++(r.ok ? ok : failed);
  const size_t missing = plan.runs.size() - results.size();
  if (signal != 0) {
    err << fmt::format(
        "sovsim: sweep {} by {}; {} of {} runs done, their results kept in {}; run the same "
        "command again to resume\n",
        signal == SIGINT ? "interrupted" : "terminated", signal == SIGINT ? "SIGINT" : "SIGTERM",
        ok + failed, plan.runs.size(), dir.string());
    return 128 + signal;
  }
  if (missing > 0) {  // a batch task that died without writing its result (killed, node lost)
    size_t shown = 0;
    for (size_t i : todo) {
      if (results.count(i) || shown++ == 5) continue;
      err << fmt::format("sweep: {}: no result; its task's log: {}\n", plan.runs[i].id,
                         sd::slurm_task_log(dir, i).string());
    }
  }
  out << fmt::format(
      "sweep: {} runs: {} ok ({} already done), {} failed{}   results in {}/results.sqlite\n",
      plan.runs.size(), ok, already_ok, failed,
      missing > 0 ? fmt::format(", {} without a result", missing) : "", dir.string());
  return failed > 0 || missing > 0 ? kExitRunsFailed : kExitOk;
}

int run_sweep_task(const SweepTaskOptions& options, std::ostream& out, std::ostream& err) {
  const auto plan = read_plan_or_report(options.dir, err);
  if (!plan) return kExitBadInput;
  if (options.index >= plan->runs.size()) {
    return bad_input(err, options.dir,
                     fmt::format("sweep-task: index {} is beyond the plan's {} runs (0…{})",
                                 options.index, plan->runs.size(), plan->runs.size() - 1));
  }
  sim::LocalOptions local;
  local.executable = sim::self_executable();
  const auto outcome = sim::run_local(options.dir, *plan, {options.index}, local);
  if (outcome.signal != 0) return 128 + outcome.signal;
  return outcome.failed > 0 ? kExitRunsFailed : kExitOk;
}

int run_sweep_report(const SweepReportOptions& options, std::ostream& out, std::ostream& err) {
  const auto plan = read_plan_or_report(options.dir, err);
  if (!plan) return kExitBadInput;
  const auto results = sim::rebuild_tables(options.dir, *plan);
  const auto combinations = sim::aggregate(*plan, results);
  out << sim::aggregate_text(*plan, combinations);
  auto tornados = sim::tornado(*plan, results, combinations);
  if (!options.metric.empty()) {
    std::erase_if(tornados, [&](const sim::MetricTornado& t) { return t.metric != options.metric; });
    if (tornados.empty()) {
      return bad_input(err, options.dir,
                       fmt::format("sweep-report: --metric: no metric '{}' in the sweep",
                                   options.metric));
    }
  }
  if (!plan->parameters.empty()) out << sim::tornado_text(tornados);
  size_t failed = 0;
  for (const auto& [index, r] : results) failed += r.ok ? 0 : 1;
  if (results.size() < plan->runs.size() || failed > 0) {
    err << fmt::format(
        "sweep-report: {} of {} runs have no result, {} failed (see {}/results.csv)\n",
        plan->runs.size() - results.size(), plan->runs.size(), failed, options.dir);
  }
  return kExitOk;
}

}  // namespace sovsim::cli
