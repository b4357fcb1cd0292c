// sim/cli/import_trace_command.hpp — `sovsim import-trace --format F FILE -o workload.yaml`: turns a
// public cluster trace into the scenario's explicit job list (a `workload:` section), with the
// same options as `workload.trace` in a scenario (docs/traces.md).
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

#include "sim/trace/trace_options.hpp"

namespace sovsim::cli {

struct ImportTraceOptions {
  std::string file;
  std::string output;                // workload YAML to write
  std::vector<std::string> mappings;  // "field:value=tenant"
  std::string window_start, window_end;
  sim::TraceOptions trace;
};

void setup_import_trace_command(CLI::App& app, ImportTraceOptions& options);
int run_import_trace(const ImportTraceOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
