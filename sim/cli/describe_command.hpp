// sim/cli/describe_command.hpp — `sovsim describe SCENARIO [--set k=v]... [--json] [--dot FILE]`:
// what a scenario contains before it runs — sites and GPUs by hardware (and in service over
// time), tenants and their entitlements, the workload (expected and drawn jobs and GPU-hours per
// source), and the network per site and tier (counts, per-link and aggregate bandwidth,
// oversubscription), optionally as a Graphviz DOT file. Simulates nothing; deterministic.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

#include "sim/cli/scenario_input.hpp"

namespace sovsim::cli {

struct DescribeOptions {
  ScenarioInput input;
  bool json = false;         // --json: the description as JSON
  std::string dot_path;      // --dot FILE: write the topology as DOT ("" = don't)
  int dot_max_nodes = 1000;  // --dot-max-nodes: beyond this many hosts, DOT is folded per leaf
};

void setup_describe_command(CLI::App& app, DescribeOptions& options);
int run_describe(const DescribeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
