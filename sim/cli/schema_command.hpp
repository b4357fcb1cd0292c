// sim/cli/schema_command.hpp — `sovsim schema`: prints the JSON Schema (draft 2020-12) of the
// scenario format (or with --sweep, of sweep files), generated from the same tables the loader reads with, so an editor (VS Code's
// YAML extension, for one) can validate and complete scenarios as they are typed.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace sovsim::cli {

struct SchemaOptions {
  std::string output;  // a file to write instead of stdout
  bool sweep = false;  // --sweep: the sweep file format's schema instead (docs/sweeps.md)
};

void setup_schema_command(CLI::App& app, SchemaOptions& options);
int run_schema(const SchemaOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
