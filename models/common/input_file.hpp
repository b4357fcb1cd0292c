// models/common/input_file.hpp — reading a whole input file (scenario, trace, hardware or model
// file) with the checks every input gets first: it must be a regular file (not a directory, a
// device such as /dev/zero, a FIFO or a socket) and no larger than a limit for its kind, so a
// wrong path fails at once with a clear message instead of hanging or exhausting memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "models/common/result.hpp"

namespace sovsim {

// Size limits per kind of input (docs/scenario.md, "Limits").
inline constexpr uint64_t kMaxScenarioFileBytes = uint64_t{256} << 20;  // 256 MiB of YAML
inline constexpr uint64_t kMaxCatalogFileBytes = uint64_t{16} << 20;    // --hw-file, --model-file
inline constexpr uint64_t kMaxTraceFileBytes = uint64_t{4} << 30;       // 4 GiB per trace file

// The bytes of `path`, or one diagnostic (file = path, no position) saying why not: missing,
// unreadable, not a regular file, or larger than `max_bytes`. `what` names the file in messages
// ("scenario file", "trace file", ...).
Result<std::string> read_input_file(const std::filesystem::path& path, std::string_view what,
                                    uint64_t max_bytes);

// "a directory", "a character device", ... for messages; "a regular file" for regular files.
std::string describe_file_type(std::filesystem::file_type type);

}  // namespace sovsim
