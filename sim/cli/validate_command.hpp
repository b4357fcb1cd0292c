// sim/cli/validate_command.hpp — `sovsim validate SCENARIO [--set k=v]...`: checks the scenario
// (and reads its trace) without simulating or writing anything.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>

#include "sim/cli/scenario_input.hpp"

namespace sovsim::cli {

struct ValidateOptions {
  ScenarioInput input;
};

void setup_validate_command(CLI::App& app, ValidateOptions& options);
int run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
