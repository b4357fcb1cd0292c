// test/fuzz/report_fuzz.cpp — libFuzzer target for the report's input reader: a run directory's
// summary.json, jobs.csv, utilisation.csv, services.csv and power.csv (run_outputs.hpp,
// output_csv.hpp), read (load_run_outputs) or, if bit 3 of the first byte is set, also rendered
// as `sovsim report DIR` does (render_report: slower, so not always). The first byte's bits 0-1
// say which file the rest of the input is: summary.json, jobs.csv, utilisation.csv or
// services.csv, unless bit 4 is set: power.csv; the other files
// are those of a short real run (report_base.inc), or absent if bit 2 is set (summary.json is
// always there). Checked: no crash or sanitizer report, and a directory that does not load or
// render says why.
//   build-fuzz/test/report_fuzz -max_len=16384 test/fuzz/corpus/report
#include <array>
#include <string>

#include "sim/report/report_page.hpp"
#include "test/fuzz/fuzz_support.hpp"

namespace {
#include "test/fuzz/report_base.inc"
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path dir = sovsim::fuzz::scratch_dir("report");
  if (size == 0) return -1;
  struct File {
    const char* name;
    const char* base;
  };
  static constexpr std::array<File, 5> kFiles = {{{"summary.json", kSummary},
                                                  {"jobs.csv", kJobs},
                                                  {"utilisation.csv", kUtilisation},
                                                  {"services.csv", kServices},
                                                  {"power.csv", kPower}}};
  const size_t fuzzed = (data[0] & 16u) != 0 ? 4 : data[0] & 3u;
  const bool others_absent = (data[0] & 4u) != 0;
  const std::string_view text = sovsim::fuzz::as_text(data + 1, size - 1);
  for (size_t k = 0; k < kFiles.size(); ++k) {
    const auto file = dir / kFiles[k].name;
    if (k == fuzzed) {
      sovsim::fuzz::write_file(file, text);
    } else if (k == 0 || !others_absent) {
      sovsim::fuzz::write_file(file, kFiles[k].base);
    } else {
      std::filesystem::remove(file);
    }
  }
  if ((data[0] & 8u) != 0) {
    sovsim::fuzz::check_diagnosed(sovsim::sim::render_report(dir));
  } else {
    sovsim::fuzz::check_diagnosed(sovsim::sim::load_run_outputs(dir));
  }
  return 0;
}
