// sim/cli/schema_command.cpp — see schema_command.hpp.
#include "sim/cli/schema_command.hpp"

#include <fstream>
#include <ostream>

#include "sim/cli/exit_codes.hpp"
#include "sim/scenario/scenario_schema.hpp"
#include "sim/sweep/sweep_schema.hpp"

namespace sovsim::cli {

void setup_schema_command(CLI::App& app, SchemaOptions& options) {
  auto* cmd = app.add_subcommand("schema", "Print the JSON Schema of scenario files (for editors)");
  cmd->add_option("-o,--output", options.output, "Write it to this file instead of stdout");
  cmd->add_flag("--sweep", options.sweep, "The schema of sweep files (docs/sweeps.md) instead");
}

int run_schema(const SchemaOptions& options, std::ostream& out, std::ostream& err) {
  const std::string text = (options.sweep ? sim::sweep_schema::json_schema()
                                           : sim::scenario_schema::json_schema())
                               .dump(2) +
                           "\n";
  if (options.output.empty()) {
    out << text;
    return kExitOk;
  }
  std::ofstream file(options.output, std::ios::binary);
  if (!(file << text)) {
    err << "sovsim: error: cannot write " << options.output << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace sovsim::cli
