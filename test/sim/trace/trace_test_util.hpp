// test/sim/trace/trace_test_util.hpp — helpers for the trace importer tests: a per-test temporary
// directory for small inline trace files, and a one-call import. Test-only; not a test itself.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "sim/trace/trace_importer.hpp"

namespace sovsim::sim::testing {

// A directory unique to the running test and process (ctest may run tests in parallel),
// removed when the test ends.
class TempTraceDir {
 public:
  TempTraceDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("sovsim_trace_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" +
            std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~TempTraceDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempTraceDir(const TempTraceDir&) = delete;
  TempTraceDir& operator=(const TempTraceDir&) = delete;

  // Writes `content` byte for byte to `name` in the directory; returns its path.
  std::filesystem::path write(const std::string& name, std::string_view content) const {
    const std::filesystem::path path = dir_ / name;
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return path;
  }
  const std::filesystem::path& path() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

// Options with only the format set.
inline TraceOptions options_for(std::string format) {
  TraceOptions o;
  o.format = std::move(format);
  return o;
}

// Writes `content` to a temporary file named `name` and imports it.
inline Result<ImportedTrace> import_text(const TempTraceDir& dir, std::string_view content,
                                         const TraceOptions& options,
                                         const std::string& name = "trace.txt") {
  return import_trace(dir.write(name, content), options);
}

// All diagnostics on one line each, for assertion messages.
inline std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.to_string() + "\n";
  return out;
}

// Path of a file in the repository (SOVSIM_SOURCE_DIR is set by the test build).
inline std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(SOVSIM_SOURCE_DIR) / relative;
}

}  // namespace sovsim::sim::testing
