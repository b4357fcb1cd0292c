// sim/cli/report_command.cpp — see report_command.hpp.
#include "sim/cli/report_command.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <ostream>

#include "sim/cli/exit_codes.hpp"
#include "sim/cli/scenario_input.hpp"
#include "sim/output/output_file.hpp"
#include "sim/report/report_page.hpp"

namespace sovsim::cli {

void setup_report_command(CLI::App& app, ReportOptions& options) {
  auto* cmd = app.add_subcommand(
      "report", "Render DIR/report.html again from a finished run's output files (docs/report.md)");
  cmd->add_option("dir", options.dir, "Output directory of a run (holding summary.json)")
      ->required();
}

int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  const std::filesystem::path dir(options.dir);
  auto html = sim::render_report(dir);
  if (!html.ok()) {
    print_diagnostics(html.diagnostics(), err);
    return kExitBadInput;
  }
  const std::filesystem::path target = dir / "report.html";
  if (const auto problem = sim::output_file_problem(target, dir / "summary.json")) {
    print_diagnostics({Diagnostic{target.string(), 0, 0, "", *problem}}, err);
    return kExitBadInput;
  }
  sim::write_file_atomically(target, html.value());
  out << fmt::format("report    {}\n", target.string());
  return kExitOk;
}

}  // namespace sovsim::cli
