// test/fuzz/trace_fuzz.cpp — libFuzzer target for the trace importers: every input is written to
// a temporary file and imported once per format of trace_formats(). Any result is fine; a crash,
// hang, sanitizer report, exception escaping import_trace or a failure without a diagnostic is a
// bug. Built in build-fuzz/ by tools/setup --fuzz (clang, -DSOVSIM_FUZZ=ON):
//   build-fuzz/test/trace_fuzz -max_len=4096 test/fuzz/corpus/trace
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "sim/trace/trace_importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // One directory per process, so parallel fuzzing jobs (-jobs=N) do not share files. The task
  // table is named as the PAI reader expects, so the "directory" form is exercised too.
  static const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("sovsim_trace_fuzz_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "pai_task_table.csv";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  for (const std::string& format : sovsim::sim::trace_formats()) {
    sovsim::sim::TraceOptions options;
    options.format = format;
    // A small, fixed set of non-default options so post-processing runs too.
    options.size_scale = 0.5;
    options.time_scale = 2;
    options.max_jobs = 1000;
    auto result = sovsim::sim::import_trace(format == "alibaba-pai" ? dir : file, options);
    if (!result.ok() && result.diagnostics().empty()) __builtin_trap();
  }
  return 0;
}
