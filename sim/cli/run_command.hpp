// sim/cli/run_command.hpp — `sovsim run SCENARIO [-o DIR] [--seed N] [--set k=v]... [--quiet]
// [--trace FILE]`.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

#include "sim/cli/scenario_input.hpp"

namespace sovsim::cli {

struct RunOptions {
  ScenarioInput input;
  std::string output_dir;  // empty: the scenario's output.dir
  bool quiet = false;
  bool detail = false;     // --detail: engine.detail = true
  std::string outputs = "all";  // --outputs summary: summary.json and perf.json only
  std::string log_level = "info";  // error | warning | info (progress on a terminal) | debug
  std::string trace;            // --trace FILE: a Chrome/Perfetto trace (docs/trace-view.md)
};

void setup_run_command(CLI::App& app, RunOptions& options);
// Returns the exit code (exit_codes.hpp).
int run_run(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
