// sim/cli/exit_codes.hpp — the process exit codes, the same for every command.
#pragma once

namespace sovsim::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;   // internal error, I/O failure
constexpr int kExitBadInput = 2;  // bad scenario, trace or command line

}  // namespace sovsim::cli
