// sim/cli/report_command.hpp — `sovsim report DIR`: renders DIR/report.html again from the run's
// output files (summary.json, and jobs.csv, utilisation.csv, services.csv where present), written
// atomically (a temporary file renamed over it). Simulates nothing. Exit 2 if DIR has no
// summary.json or a malformed table.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

namespace sovsim::cli {

struct ReportOptions {
  std::string dir;  // a run's output directory
};

void setup_report_command(CLI::App& app, ReportOptions& options);
int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
