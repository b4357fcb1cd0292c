// sim/cli/main.cpp — the `sovsim` command: builds the CLI and dispatches. Only this file maps
// outcomes to exit codes (0 ok, 1 internal error or failed sweep runs, 2 bad input or usage);
// 130 / 143 after SIGINT / SIGTERM come from the interrupt watcher
// (sim/output/interrupt_cleanup.hpp).
#include <CLI/CLI.hpp>

#include <csignal>
#include <exception>
#include <iostream>

#include "sim/cli/compare_command.hpp"
#include "sim/cli/describe_command.hpp"
#include "sim/cli/estimate_command.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/gen_docs_command.hpp"
#include "sim/cli/import_trace_command.hpp"
#include "sim/cli/number_flags.hpp"
#include "sim/cli/report_command.hpp"
#include "sim/cli/run_command.hpp"
#include "sim/cli/schema_command.hpp"
#include "sim/cli/sweep_command.hpp"
#include "sim/cli/validate_command.hpp"
#include "sim/output/interrupt_cleanup.hpp"

int main(int argc, char** argv) {
  using namespace sovsim::cli;
  sovsim::sim::install_interrupt_cleanup();  // first: every later thread inherits the signal mask
  // Past a file-size limit (ulimit -f) a write fails with EFBIG, reported like a full disk,
  // instead of the signal killing the process half-way through its outputs.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"sovsim — discrete-event simulator of a sovereign AI datacenter fleet"};
  app.set_version_flag("--version", std::string("sovsim ") + SOVSIM_VERSION);
  app.require_subcommand(1);
  RunOptions run;
  ValidateOptions validate;
  EstimateOptions estimate;
  ImportTraceOptions import_trace;
  DescribeOptions describe;
  GenDocsOptions gen_docs;
  SchemaOptions schema;
  CompareOptions compare;
  ReportOptions report;
  SweepOptions sweep;
  SweepTaskOptions sweep_task;
  SweepReportOptions sweep_report;
  setup_run_command(app, run);
  setup_validate_command(app, validate);
  setup_estimate_command(app, estimate);
  setup_import_trace_command(app, import_trace);
  setup_describe_command(app, describe);
  setup_gen_docs_command(app, gen_docs);
  setup_schema_command(app, schema);
  setup_compare_command(app, compare);
  setup_report_command(app, report);
  setup_sweep_command(app, sweep, sweep_task, sweep_report);
  require_finite_numbers(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }
  try {
    if (app.got_subcommand("run")) return run_run(run, std::cout, std::cerr);
    if (app.got_subcommand("validate")) return run_validate(validate, std::cout, std::cerr);
    if (app.got_subcommand("describe")) return run_describe(describe, std::cout, std::cerr);
    if (app.got_subcommand("compare")) return run_compare(compare, std::cout, std::cerr);
    if (app.got_subcommand("report")) return run_report(report, std::cout, std::cerr);
    if (app.got_subcommand("sweep")) return run_sweep(sweep, std::cout, std::cerr);
    if (app.got_subcommand("sweep-task")) return run_sweep_task(sweep_task, std::cout, std::cerr);
    if (app.got_subcommand("sweep-report")) {
      return run_sweep_report(sweep_report, std::cout, std::cerr);
    }
    if (app.got_subcommand("schema")) return run_schema(schema, std::cout, std::cerr);
    if (app.got_subcommand("gen-docs")) return run_gen_docs(gen_docs, std::cout, std::cerr);
    if (app.got_subcommand("estimate")) return run_estimate(estimate, std::cout, std::cerr);
    if (app.got_subcommand("import-trace")) {
      return run_import_trace(import_trace, std::cout, std::cerr);
    }
  } catch (const std::exception& e) {
    std::cerr << "sovsim: error: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitFailure;
}
