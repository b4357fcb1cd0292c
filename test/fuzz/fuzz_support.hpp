// test/fuzz/fuzz_support.hpp — what the libFuzzer targets share: a scratch directory per process
// (parallel jobs, -jobs=N, do not share files), writing an input to a file in it, and the check
// every reader must pass: a failure comes with at least one diagnostic.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "models/common/result.hpp"

namespace sovsim::fuzz {

// $TMPDIR/sovsim_<name>_fuzz_<pid>, created on first use. Removed by nobody: it holds at most the
// last input of each file kind, and the next run of the same pid number reuses it.
inline const std::filesystem::path& scratch_dir(const char* name) {
  static const std::filesystem::path dir = [name] {
    auto d = std::filesystem::temp_directory_path() /
             ("sovsim_" + std::string(name) + "_fuzz_" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

inline void write_file(const std::filesystem::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A failed Result must say why.
template <class T>
void check_diagnosed(const Result<T>& result) {
  if (!result.ok() && result.diagnostics().empty()) __builtin_trap();
}

}  // namespace sovsim::fuzz
