// test/e2e/model_jobs_test.cpp — model-defined (train:) jobs end to end: their run time comes
// from the training-step model on the hardware they are placed on, so the same job is faster on
// B200 than on H100, and a job whose model fits nowhere is rejected with a note.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

TEST(ModelJobs, SameTrainingRunIsFasterOnB200ThanOnH100) {
  TempDir dir;
  auto r = run_sovsim("run " + source_path("scenarios/llm_training.yaml") + " -q -o " +
                          (dir / "out").string(),
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, CsvRow> jobs;
  for (auto& row : read_csv(dir / "out/jobs.csv")) jobs[row["job_id"]] = row;
  ASSERT_EQ(jobs["1"]["hw"], "H100");
  ASSERT_EQ(jobs["2"]["hw"], "B200");
  const double h100 = std::stod(jobs["1"]["runtime_s"]), b200 = std::stod(jobs["2"]["runtime_s"]);
  // 2e11 tokens of a 70B model on 1,024 GPUs: days, not minutes or years.
  EXPECT_GT(h100, 86400.0);
  EXPECT_LT(h100, 60 * 86400.0);
  // B200 has ~2.3x the BF16 peak and ~2.4x the HBM bandwidth of H100: faster, but less than 3x.
  EXPECT_GT(h100 / b200, 1.5);
  EXPECT_LT(h100 / b200, 3.0);
  EXPECT_GT(std::stod(jobs["3"]["runtime_s"]), std::stod(jobs["4"]["runtime_s"]));
}

TEST(ModelJobs, ModelThatFitsNowhereIsRejectedWithANote) {
  TempDir dir;
  write_file(dir / "s.yaml",
             "name: t\nhorizon: 10d\nsites:\n  - name: s\n    nodes:\n      - {hardware: H100, "
             "count: 1}\ntenants:\n  - name: a\nworkload:\n  jobs:\n    - {tenant: a, gpus: 8, "
             "train: {model: llama3-405b, iterations: 10, global_batch: 8, seq: 4096, tp: 8, pp: 1}}\n");
  auto r = run_sovsim("run " + (dir / "s.yaml").string() + " -q -o " + (dir / "out").string(),
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto summary = nlohmann::json::parse(read_file(dir / "out/summary.json"));
  EXPECT_EQ(summary["jobs"]["rejected"].get<int>(), 1);
  EXPECT_NE(summary["workload_notes"].dump().find("fit on no hardware"), std::string::npos);
}

// One H100 site and one B200 site; a llama3-70b service at `rate` req/s with the given SLO.
std::string service_scenario(double rate, const std::string& tpot, const std::string& site) {
  return "name: t\nhorizon: 2d\nsites:\n  - name: h\n    nodes:\n      - {hardware: H100, count: "
         "64}\n  - name: b\n    nodes:\n      - {hardware: B200, count: 64}\ntenants:\n  - name: "
         "a\nworkload:\n  jobs:\n    - {id: 1, tenant: a, duration: 1d" +
         (site.empty() ? "" : ", site: " + site) + ", serve: {model: llama3-70b, requests_per_s: " +
         std::to_string(rate) + ", tpot_slo: " + tpot + ", precision: fp8}}\n";
}

TEST(ModelJobs, ServiceIsSizedFromItsRateAndSloOnTheBestHardware) {
  TempDir any, h100, busier;
  auto best = run_scenario_jobs(service_scenario(20, "50ms", ""), any);
  auto on_h100 = run_scenario_jobs(service_scenario(20, "50ms", "h"), h100);
  auto more = run_scenario_jobs(service_scenario(200, "50ms", "h"), busier);
  EXPECT_EQ(best["1"]["kind"], "infer");
  EXPECT_EQ(best["1"]["hw"], "B200");
  const int b200_gpus = std::stoi(best["1"]["gpus"]), h100_gpus = std::stoi(on_h100["1"]["gpus"]);
  EXPECT_GE(b200_gpus, 1);
  EXPECT_GE(h100_gpus, b200_gpus);                   // the slower part needs at least as many
  EXPECT_GT(std::stoi(more["1"]["gpus"]), h100_gpus);  // 10x the load needs more replicas
}

TEST(ModelJobs, ServiceThatNoDeploymentServesIsRejected) {
  TempDir dir;
  auto jobs = run_scenario_jobs(service_scenario(20, "0.1ms", ""), dir);  // TPOT below any GPU
  EXPECT_EQ(jobs["1"]["status"], "rejected");
}

TEST(ModelJobs, TrainBlockIsValidated) {
  TempDir dir;
  write_file(dir / "s.yaml",
             "name: t\nhorizon: 10d\nsites:\n  - name: s\n    nodes:\n      - {hardware: H100, "
             "count: 1}\ntenants:\n  - name: a\nworkload:\n  jobs:\n    - {tenant: a, gpus: 8, "
             "train: {model: llama3-70c, tokens: 1e9, tp: 8}}\n");
  auto r = run_sovsim("validate " + (dir / "s.yaml").string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("workload.jobs[0].train.model: unknown model 'llama3-70c'; did you mean "
                       "'llama3-70b'?"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("expected both tp and pp"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sovsim::test
