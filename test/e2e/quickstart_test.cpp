// test/e2e/quickstart_test.cpp — the quickstart scenario end to end: outputs written, the
// utilisation series integrate to the jobs' GPU-seconds, and runs are deterministic.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const std::string kQuickstart = source_path("scenarios/quickstart.yaml");

ProcessResult run_quickstart(const TempDir& dir, const std::string& out, const std::string& extra = "") {
  return run_sovsim("run " + kQuickstart + " -o " + (dir / out).string() + " " + extra, dir.path());
}

TEST(Quickstart, WritesTheOutputsAndASummary) {
  TempDir dir;
  auto r = run_quickstart(dir, "out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (auto f : {"summary.json", "jobs.csv", "utilisation.csv", "perf.json"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / "out" / f)) << f;
  }
  EXPECT_NE(r.out.find("GPU utilisation"), std::string::npos);
  auto summary = nlohmann::json::parse(read_file(dir / "out/summary.json"));
  EXPECT_GT(summary["jobs"]["submitted"].get<int>(), 200);
  EXPECT_GT(summary["jobs"]["completed"].get<int>(), 200);
  EXPECT_GT(summary["utilisation"].get<double>(), 0.05);
  EXPECT_LT(summary["utilisation"].get<double>(), 1.0);
  EXPECT_EQ(summary["tenants"].size(), 3u);
  // No staging directory is left behind.
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().filename().string().find(".out.tmp"), std::string::npos);
  }
}

TEST(Quickstart, UtilisationIntegralEqualsJobGpuSeconds) {
  TempDir dir;
  ASSERT_EQ(run_quickstart(dir, "out", "-q").exit_code, 0);
  auto summary = nlohmann::json::parse(read_file(dir / "out/summary.json"));
  const double end_s = summary["end_s"].get<double>();

  double job_gpu_s = 0;
  for (auto& row : read_csv(dir / "out/jobs.csv")) {
    if (row["start_s"].empty()) continue;
    job_gpu_s += std::stod(row["gpu_hours"]) * 3600;
  }
  const double series_gpu_s = utilisation_integral_gpu_s(dir / "out", end_s);
  ASSERT_GT(job_gpu_s, 0);
  EXPECT_NEAR(series_gpu_s / job_gpu_s, 1.0, 1e-9);
  EXPECT_NEAR(summary["gpu_hours"].get<double>() * 3600 / job_gpu_s, 1.0, 1e-9);
}

TEST(Quickstart, SameSeedIsByteIdenticalDifferentSeedIsNot) {
  TempDir dir;
  ASSERT_EQ(run_quickstart(dir, "a", "-q").exit_code, 0);
  ASSERT_EQ(run_quickstart(dir, "b", "-q").exit_code, 0);
  ASSERT_EQ(run_quickstart(dir, "c", "-q --seed 43").exit_code, 0);
  for (auto f : {"summary.json", "jobs.csv", "utilisation.csv", "power.csv"}) {
    EXPECT_EQ(read_file(dir / "a" / f), read_file(dir / "b" / f)) << f;
    EXPECT_NE(read_file(dir / "a" / f), read_file(dir / "c" / f)) << f;
  }
}

TEST(Quickstart, OverrideChangesTheRun) {
  TempDir dir;
  ASSERT_EQ(run_quickstart(dir, "a", "-q").exit_code, 0);
  ASSERT_EQ(run_quickstart(dir, "b", "-q --set sites[0].nodes[0].count=4").exit_code, 0);
  auto a = nlohmann::json::parse(read_file(dir / "a/summary.json"));
  auto b = nlohmann::json::parse(read_file(dir / "b/summary.json"));
  EXPECT_EQ(a["total_gpus"].get<int>() - b["total_gpus"].get<int>(), (8 - 4) * 8);
  EXPECT_GT(b["wait"]["mean_s"].get<double>(), a["wait"]["mean_s"].get<double>());
}

}  // namespace
}  // namespace sovsim::test
