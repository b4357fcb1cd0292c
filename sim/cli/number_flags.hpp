// sim/cli/number_flags.hpp — checks on numeric command-line flags that CLI11's own conversions
// let through: CLI11 reads "nan", "inf" and "1e999" into a double (and a range check such as
// CLI::Range or CLI::PositiveNumber passes NaN), and reads "-1" into an unsigned seed as 2^64-1.
#pragma once

#include <CLI/CLI.hpp>

namespace sovsim::cli {

// Adds a finite-number check to every floating-point option of `app` and of its subcommands,
// present and future alike: call once, after every command is set up.
void require_finite_numbers(CLI::App& app);

// The --seed check: a decimal integer in [0, 2^53] (what the scenario's `seed` key accepts).
const CLI::Validator& seed_validator();

}  // namespace sovsim::cli
