// test/sim/report/run_outputs_test.cpp — a run directory that is not what a run writes is refused
// with a diagnostic, quickly and in bounded memory. Inputs found by test/fuzz/report_fuzz.cpp
// (their files are in test/fuzz/regressions/report/).
#include "sim/report/run_outputs.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sim/report/report_page.hpp"

namespace sovsim::sim {
namespace {

class RunDir {
 public:
  RunDir()
      : dir_(std::filesystem::temp_directory_path() /
             ("sovsim-run-outputs-test-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~RunDir() { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  const std::filesystem::path& path() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

std::string messages(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.to_string() + "\n";
  return out;
}

// end_s 1e300 was cast to a count of heat-map weeks (undefined behaviour); 1e13 s made ~16 M
// weeks and took minutes and gigabytes. No run is longer than the 100-year horizon limit.
TEST(RunOutputs, EndBeyondAHundredYearsIsRefused) {
  RunDir dir;
  dir.write("utilisation.csv", "time_s,site,tenant,hw,busy_gpus,total_gpus\n0,x,a,H100,1,8\n");
  for (const char* end : {"1e300", "1e13", "3153600001"}) {
    dir.write("summary.json", std::string("{\"end_s\": ") + end +
                                  ", \"capacity\": {\"tranches\": [{\"site\": \"x\", \"gpus\": 8, "
                                  "\"in_service_s\": 0}]}}");
    const auto run = load_run_outputs(dir.path());
    ASSERT_FALSE(run.ok()) << end;
    EXPECT_NE(messages(run.diagnostics()).find("summary.json: end_s: expected a run of at most"),
              std::string::npos)
        << messages(run.diagnostics());
  }
  dir.write("summary.json", "{\"end_s\": 3153600000}");  // exactly 100 years: renders
  const auto html = render_report(dir.path());
  EXPECT_TRUE(html.ok()) << messages(html.diagnostics());
}

}  // namespace
}  // namespace sovsim::sim
