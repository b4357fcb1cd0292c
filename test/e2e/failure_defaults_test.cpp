// test/e2e/failure_defaults_test.cpp — defaults that decide whether a fleet's answers are sane
// under failures (the Korea HyperCLOVA X runs held 49.2 M GPU-h of which 36.5 M were redone; a
// service ran 341 days after redoing its whole life at each failure):
// - a model-defined (train:) job checkpoints at Daly's interval unless told otherwise, and
//   `checkpoint_interval: 0` still turns checkpoints off;
// - a service (kind: infer, or serve:) loses no work to a failure: only its restarts.
#include <gtest/gtest.h>

#include <string>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

// 16 H100 nodes failing often (each GPU 50 times a year: a 16-node job every ~1.4 h).
std::string scenario(const std::string& jobs) {
  return "name: defaults\nseed: 4\nhorizon: 20d\n"
         "failures: {gpu_per_year: 50, hbm_per_year: 0, network_per_year: 0, host_per_year: 0,"
         " repair: {median: 1h, sigma: 0.5}}\n"
         "sites: [{name: s, nodes: [{hardware: H100, count: 16}]}]\n"
         "tenants: [{name: t}]\nworkload:\n  jobs:\n" + jobs;
}

std::map<std::string, CsvRow> run(const std::string& text, const TempDir& dir, const std::string& name) {
  write_file(dir / (name + ".yaml"), text);
  auto r = run_sovsim("run " + (dir / (name + ".yaml")).string() + " -q -o " + (dir / name).string(),
                      dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, CsvRow> jobs;
  for (auto& row : read_csv(dir / name / "jobs.csv")) jobs[row["job_id"]] = row;
  return jobs;
}

TEST(FailureDefaults, TrainingCheckpointsByDefaultAndZeroTurnsItOff) {
  TempDir dir;
  const std::string train = "train: {model: llama3-8b, tokens: 2e11, global_batch: 512, seq: 4096}";
  auto with = run(scenario("    - {id: 1, tenant: t, gpus: 128, " + train + "}\n"), dir, "daly");
  auto without = run(scenario("    - {id: 1, tenant: t, gpus: 128, checkpoint_interval: 0, " + train +
                              "}\n"), dir, "none");
  EXPECT_GT(std::stoi(with["1"]["interruptions"]), 2);
  EXPECT_GT(std::stod(with["1"]["checkpoint_s"]), 0);
  EXPECT_EQ(std::stod(without["1"]["checkpoint_s"]), 0);
  // Checkpointing at the optimum loses far less than redoing everything.
  EXPECT_LT(std::stod(with["1"]["failure_lost_s"]), std::stod(without["1"]["failure_lost_s"]));
}

TEST(FailureDefaults, AServiceLosesOnlyItsRestarts) {
  TempDir dir;
  auto jobs = run(scenario("    - {id: 1, tenant: t, kind: infer, gpus: 128, duration: 10d}\n"
),
                  dir, "svc");
  const int interruptions = std::stoi(jobs["1"]["interruptions"]);
  EXPECT_GT(interruptions, 5);
  // Each interruption costs at most its 10-minute restart (less if cut short), never work.
  EXPECT_LE(std::stod(jobs["1"]["failure_lost_s"]), interruptions * 600.0 + 1e-6);
  EXPECT_GT(std::stod(jobs["1"]["failure_lost_s"]), 0);
}

}  // namespace
}  // namespace sovsim::test
