// test/e2e/gpu_sharing_test.cpp — GPU sharing through the whole engine (real binary): jobs asking
// for a share of a GPU on `shared` and `mig` node groups, checked against hand-computed max-min
// shares of one GPU's HBM bandwidth; the shipped scenario's accounting adds up; bad keys are
// refused with their place.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

// One H100 node with one GPU, partitioned by `partition`; `jobs` in the workload.
std::string one_gpu(const std::string& partition, const std::string& jobs) {
  return "name: share\nhorizon: 1d\nsites:\n  - name: s\n    nodes:\n"
         "      - {hardware: H100, count: 1, gpus_per_node: 1, " + partition + "}\n"
         "tenants:\n  - name: t\nworkload:\n  jobs:\n" + jobs;
}

struct SharingRun {
  std::map<std::string, CsvRow> jobs;
  nlohmann::json summary;
};

SharingRun run(const std::string& scenario, const TempDir& dir, const std::string& name) {
  write_file(dir / (name + ".yaml"), scenario);
  auto r = run_sovsim("run " + (dir / (name + ".yaml")).string() + " -q -o " + (dir / name).string(),
                      dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  SharingRun out;
  for (auto& row : read_csv(dir / name / "jobs.csv")) out.jobs[row["job_id"]] = row;
  out.summary = nlohmann::json::parse(read_file(dir / name / "summary.json"));
  return out;
}

double num(const CsvRow& row, const std::string& column) { return std::stod(row.at(column)); }

// Two half-GPU jobs drawing 80% of the bandwidth each: 0.5 each under max-min, speed 0.625.
// Job 2 has half an hour of work: it ends at 0.5 / 0.625 = 0.8 h; job 1 has then done 0.5 h of
// its hour and runs the rest alone: it ends at 1.3 h. Each computed 0.3 h longer than alone.
const std::string kTwoHeavy =
    "    - {id: 1, tenant: t, gpus: 0.5, hbm_demand: 0.8, duration: 1h}\n"
    "    - {id: 2, tenant: t, gpus: 0.5, hbm_demand: 0.8, duration: 30m}\n";

TEST(GpuSharing, SharedGpuSplitsHbmBandwidthMaxMinAndNeighboursSpeedUpWhenOneLeaves) {
  TempDir dir;
  SharingRun r = run(one_gpu("shared: 2", kTwoHeavy), dir, "shared");
  EXPECT_NEAR(num(r.jobs["2"], "end_s"), 0.8 * 3600, 1e-6);
  EXPECT_NEAR(num(r.jobs["1"], "end_s"), 1.3 * 3600, 1e-6);
  EXPECT_NEAR(num(r.jobs["1"], "hbm_stretch_s"), 0.3 * 3600, 1e-6);
  EXPECT_NEAR(num(r.jobs["2"], "hbm_stretch_s"), 0.3 * 3600, 1e-6);
  EXPECT_EQ(r.jobs["1"]["alloc_gpus"], "0.5");
  EXPECT_EQ(r.jobs["1"]["gpu_share"], "0.5");
  // Held: 0.5 GPU × (1.3 + 0.8) h; stretched: 0.5 × 0.6 h; goodput what is left.
  EXPECT_NEAR(r.summary["gpu_hours"].get<double>(), 0.5 * 2.1, 1e-9);
  EXPECT_NEAR(r.summary["gpu_sharing"]["hbm_stretch_gpu_hours"].get<double>(), 0.3, 1e-9);
  EXPECT_NEAR(r.summary["goodput_gpu_hours"].get<double>(), 0.75, 1e-9);
}

TEST(GpuSharing, LightNeighboursDoNotSlowEachOther) {
  TempDir dir;
  SharingRun r = run(one_gpu("shared: 2",
                      "    - {id: 1, tenant: t, gpus: 0.5, hbm_demand: 0.3, duration: 1h}\n"
                      "    - {id: 2, tenant: t, gpus: 0.5, duration: 1h}\n"),  // demand = share
              dir, "light");
  EXPECT_NEAR(num(r.jobs["1"], "end_s"), 3600, 1e-6);
  EXPECT_NEAR(num(r.jobs["2"], "end_s"), 3600, 1e-6);
  EXPECT_EQ(num(r.jobs["1"], "hbm_stretch_s"), 0);
}

TEST(GpuSharing, MigInstancesAreIsolated) {
  TempDir dir;
  // 3g.40gb: 2 instances of 3/7 of the SMs each: 0.4-GPU jobs fit, and nobody slows.
  SharingRun r = run(one_gpu("mig: 3g.40gb",
                      "    - {id: 1, tenant: t, gpus: 0.4, hbm_demand: 0.8, duration: 1h}\n"
                      "    - {id: 2, tenant: t, gpus: 0.4, hbm_demand: 0.8, duration: 30m}\n"),
              dir, "mig");
  EXPECT_NEAR(num(r.jobs["1"], "end_s"), 3600, 1e-6);
  EXPECT_NEAR(num(r.jobs["2"], "end_s"), 1800, 1e-6);
  EXPECT_EQ(r.jobs["1"]["alloc_gpus"], "0.5");  // one of two instances
  EXPECT_EQ(r.summary["gpu_sharing"]["hbm_stretch_gpu_hours"].get<double>(), 0);
}

TEST(GpuSharing, ASharedGroupTakesOnlySharesThatFitASlotAndWholeGpusTakeTheRest) {
  TempDir dir;
  // A second, whole-GPU group: the half-GPU job fits no quarter slot and holds a whole GPU there;
  // the whole-GPU job never uses the shared group.
  const std::string scenario =
      "name: mixed\nhorizon: 1d\nsites:\n  - name: s\n    nodes:\n"
      "      - {hardware: H100, count: 1, gpus_per_node: 1, shared: 4}\n"
      "      - {hardware: H100, count: 1, gpus_per_node: 2}\n"
      "tenants:\n  - name: t\nworkload:\n  jobs:\n"
      "    - {id: 1, tenant: t, gpus: 0.25, duration: 1h}\n"
      "    - {id: 2, tenant: t, gpus: 0.5, duration: 1h}\n"
      "    - {id: 3, tenant: t, gpus: 1, duration: 1h}\n";
  SharingRun r = run(scenario, dir, "mixed");
  EXPECT_EQ(r.jobs["1"]["alloc_gpus"], "0.25");
  EXPECT_EQ(r.jobs["2"]["alloc_gpus"], "1");
  EXPECT_EQ(r.jobs["3"]["alloc_gpus"], "1");
  EXPECT_EQ(r.summary["total_gpus"].get<int>(), 3);  // physical GPUs, not slots
  for (const auto& [id, row] : r.jobs) EXPECT_EQ(row.at("wait_s"), "0") << id;
}

TEST(GpuSharing, ShippedScenarioContendsOnSharedGpusOnlyAndItsTotalsAddUp) {
  TempDir dir;
  auto r = run_sovsim("run " + source_path("scenarios/sharing/small_jobs.yaml") +
                          " -q -o " + (dir / "out").string(),
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  double stretch_s = 0, busy_gpu_h = 0;
  int stretched_on_mig = 0, stretched_decode = 0, stretched_notebooks = 0;
  for (auto& row : read_csv(dir / "out" / "jobs.csv")) {
    if (row["start_s"].empty()) continue;
    const double stretch = std::stod(row["hbm_stretch_s"]);
    stretch_s += stretch * std::stod(row["alloc_gpus"]);
    busy_gpu_h += std::stod(row["gpu_hours"]);
    if (stretch > 0 && row["alloc_gpus"] != "0.25") ++stretched_on_mig;  // MIG 2g: 1/3 GPU
    if (stretch > 0) ++(row["kind"] == "decode" ? stretched_decode : stretched_notebooks);
  }
  EXPECT_EQ(stretched_on_mig, 0);
  EXPECT_GT(stretched_decode, 50);     // two decode jobs on one GPU ask 1.2 of its bandwidth
  EXPECT_EQ(stretched_notebooks, 0);  // 0.1 each: always within their fair share
  const auto summary = nlohmann::json::parse(read_file(dir / "out" / "summary.json"));
  EXPECT_NEAR(summary["gpu_sharing"]["hbm_stretch_gpu_hours"].get<double>(), stretch_s / 3600,
              1e-6 * stretch_s);
  EXPECT_NEAR(summary["gpu_hours"].get<double>(), busy_gpu_h, 1e-6 * busy_gpu_h);
  // utilisation.csv has only series that can be non-zero: Hyundai's whole-GPU jobs never run
  // on a partitioned group, so it has no series there; Naver's fractional jobs do.
  std::set<std::string> series;
  for (auto& row : read_csv(dir / "out" / "utilisation.csv")) {
    series.insert(row["tenant"] + "|" + row["hw"]);
  }
  EXPECT_FALSE(series.count("hyundai|H100:shared-4"));
  EXPECT_FALSE(series.count("hyundai|H100:mig-2g.20gb"));
  EXPECT_TRUE(series.count("hyundai|H100"));
  EXPECT_TRUE(series.count("naver|H100:shared-4"));
  EXPECT_TRUE(series.count("naver|H100:mig-2g.20gb"));
}

TEST(GpuSharing, BadSharingKeysAreRefusedWithTheirPlace) {
  TempDir dir;
  const std::pair<std::string, std::string> cases[] = {
      {one_gpu("mig: 1g.99gb", "    - {id: 1, tenant: t, gpus: 0.1, duration: 1h}\n"),
       "expected a MIG profile of H100"},
      {one_gpu("shared: 2, mig: 1g.10gb", "    - {id: 1, tenant: t, gpus: 0.1, duration: 1h}\n"),
       "expected mig or shared, not both"},
      {one_gpu("shared: 2", "    - {id: 1, tenant: t, gpus: 1.5, duration: 1h}\n"),
       "expected a whole number of GPUs, or a fraction below 1"},
  };
  int i = 0;
  for (const auto& [scenario, message] : cases) {
    const auto file = dir / ("bad" + std::to_string(i++) + ".yaml");
    write_file(file, scenario);
    auto r = run_sovsim("run " + file.string() + " -q -o " + (dir / "never").string(), dir.path());
    EXPECT_EQ(r.exit_code, 2) << scenario;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(file.filename().string() + ":"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "never"));
  }
}

}  // namespace
}  // namespace sovsim::test
