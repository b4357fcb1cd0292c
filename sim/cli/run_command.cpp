// sim/cli/run_command.cpp — see run_command.hpp.
#include "sim/cli/run_command.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <optional>
#include <ostream>

#include "sim/chrome_trace/trace_path.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/progress_line.hpp"
#include "sim/output/output_dir.hpp"
#include "sim/run/run.hpp"

namespace sovsim::cli {

void setup_run_command(CLI::App& app, RunOptions& options) {
  auto* cmd = app.add_subcommand("run", "Simulate a scenario and write its outputs");
  add_scenario_options(*cmd, options.input);
  cmd->add_option("-o,--output", options.output_dir,
                  "Output directory (default: the scenario's output.dir)");
  cmd->add_flag("-q,--quiet", options.quiet, "Do not print the text summary");
  cmd->add_option("--outputs", options.outputs,
                  "all (default) or summary: only summary.json and perf.json, no per-job tables "
                  "(large sweeps; docs/outputs.md)")
      ->check(CLI::IsMember({"all", "summary"}));
  cmd->add_option("--log-level", options.log_level,
                  "What goes to stderr besides errors: warning (SimGrid's warnings), info (default: "
                  "also a progress line when stderr is a terminal), debug (also SimGrid's info "
                  "log); error: errors only")
      ->check(CLI::IsMember({"error", "warning", "info", "debug"}));
  cmd->add_flag("--detail", options.detail,
                "Detailed mode: each iteration's collective steps as individual SimGrid comms "
                "(small scenarios; docs/engine.md)");
  cmd->add_option("--trace", options.trace,
                  "Also write a Chrome trace-event JSON file of the run (jobs per node, busy GPUs, "
                  "power) for ui.perfetto.dev or chrome://tracing (docs/trace-view.md)");
}

int run_run(const RunOptions& options, std::ostream& out, std::ostream& err) {
  auto loaded = load_scenario_input(options.input, err);
  if (!loaded) return kExitBadInput;
  if (options.detail) loaded->scenario.engine.detail = true;
  const std::string dir =
      options.output_dir.empty() ? loaded->scenario.output.dir : options.output_dir;
  if (const auto problem = sim::output_dir_problem(dir)) {
    print_diagnostics({Diagnostic{dir, 0, 0, "", *problem}}, err);
    return kExitBadInput;
  }
  if (!options.trace.empty()) {
    if (const auto problem = sim::trace_path_problem(options.trace, dir, options.input.path)) {
      print_diagnostics({Diagnostic{options.trace, 0, 0, "--trace", *problem}}, err);
      return kExitBadInput;
    }
  }
  const bool summary_only = options.outputs == "summary";
  sim::RunSettings settings;
  settings.summary_only = summary_only;
  settings.trace = options.trace;
  settings.engine_log = options.log_level == "debug" ? "info"
                        : options.log_level == "error" ? "error"
                                                       : "warning";
  std::optional<ProgressLine> progress;
  const bool info = options.log_level == "info" || options.log_level == "debug";
  if (info && !options.quiet && ::isatty(STDERR_FILENO)) {
    progress.emplace(err, loaded->scenario.start_unix_s);
    settings.progress = [&progress](const sim::SimulationProgress& p) { progress->update(p); };
  }
  auto outcome = sim::run_scenario(loaded->scenario, loaded->catalogs, dir, settings);
  if (!outcome.ok()) {
    print_diagnostics(outcome.diagnostics(), err);
    return kExitBadInput;
  }
  if (options.log_level != "error") {
    for (const std::string& note : outcome->notes) err << "sovsim: " << note << "\n";
  }
  if (!options.quiet) {
    out << outcome->text;
    const bool services = !outcome->summary["services"].empty() && !summary_only;
    out << fmt::format("outputs   {}/ (summary.json{}{}{}, perf.json)   wall {:.2f} s\n", dir,
                       summary_only ? "" : ", jobs.csv, power.csv",
                       loaded->scenario.output.utilisation_csv && !summary_only ? ", utilisation.csv" : "",
                       services ? ", services.csv" : "", outcome->perf["wall_time_s"].get<double>());
    if (!summary_only) out << fmt::format("report    {}/report.html\n", dir);
  }
  return kExitOk;
}

}  // namespace sovsim::cli
