// sim/cli/compare_command.hpp — `sovsim compare OUT_A OUT_B [...] [--json]`: the headline metrics
// of finished runs side by side (from each directory's summary.json), with the difference and
// ratio of each run against the first: fleet size, GPU-hours, utilisation, waits, goodput and
// what failures, the fabric and checkpoints cost; per tenant (matched by name), waits,
// utilisation and GPU-hours. Reads outputs only; simulates nothing.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace sovsim::cli {

struct CompareOptions {
  std::vector<std::string> runs;  // output directories; the first is the reference
  bool json = false;
};

void setup_compare_command(CLI::App& app, CompareOptions& options);
int run_compare(const CompareOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
