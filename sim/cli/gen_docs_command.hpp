// sim/cli/gen_docs_command.hpp — `sovsim gen-docs [--check] [DOCS_DIR]`: rewrites the generated
// tables of docs/ (output columns, summary fields) from the tables in code, or with --check
// reports the ones that drifted (exit 1). Run by the suite; not listed in --help.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace sovsim::cli {

struct GenDocsOptions {
  std::string docs_dir = "docs";
  bool check = false;
};

void setup_gen_docs_command(CLI::App& app, GenDocsOptions& options);
int run_gen_docs(const GenDocsOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
