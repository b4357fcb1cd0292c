// sim/cli/describe_command.hpp — `sovsim describe SCENARIO [--set k=v]... [--dot FILE]`: the
// fleet's network per site and tier (counts, per-link and aggregate bandwidth, oversubscription),
// optionally as a Graphviz DOT file. Simulates nothing.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

#include "sim/cli/scenario_input.hpp"

namespace sovsim::cli {

struct DescribeOptions {
  ScenarioInput input;
  std::string dot_path;      // --dot FILE: write the topology as DOT ("" = don't)
  int dot_max_nodes = 1000;  // --dot-max-nodes: beyond this many hosts, DOT is folded per leaf
};

void setup_describe_command(CLI::App& app, DescribeOptions& options);
int run_describe(const DescribeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
