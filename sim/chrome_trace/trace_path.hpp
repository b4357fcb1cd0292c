// sim/chrome_trace/trace_path.hpp — whether `sovsim run --trace FILE` may write FILE, checked
// before the run so that a long run never ends in a trace it cannot write.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace sovsim::sim {

// Why `trace` must not be written by a run of `scenario` into `output_dir`, or nullopt if it may:
// the rules of output_file_problem (a new or writable regular file in a writable directory), and
// not inside the output directory, which a run replaces as a whole (docs/outputs.md).
std::optional<std::string> trace_path_problem(const std::filesystem::path& trace,
                                              const std::filesystem::path& output_dir,
                                              const std::filesystem::path& scenario);

}  // namespace sovsim::sim
