// test/e2e/preemptive_engine_test.cpp — the preemptive policies (fair-share, priority, las)
// through the whole engine, running the real binary: hand-checked preemptions on tiny scenarios
// (the las one needs the engine to honour wake_at), then the quickstart fleet under each policy
// with bookkeeping checks (one terminal state per job, preemption columns, utilisation integral).
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

// One site of `nodes` H100 nodes with 4 GPUs; `tenants` and `jobs` are YAML list items.
std::string tiny_scenario(int nodes, const std::string& tenants, const std::string& scheduler,
                          const std::string& jobs) {
  return "name: tiny\nhorizon: 1d\nsites:\n  - name: s\n    nodes:\n      - {hardware: H100, "
         "count: " +
         std::to_string(nodes) + ", gpus_per_node: 4}\ntenants:\n" + tenants +
         "scheduler: " + scheduler + "\nworkload:\n  jobs:\n" + jobs;
}

TEST(PreemptiveEngine, FairShareOwnerReclaimsABorrowedNode) {
  TempDir dir;
  auto jobs =
      run_scenario_jobs(tiny_scenario(2, "  - {name: a, share: 0.5}\n  - {name: b, share: 0.5}\n",
                             "{policy: fair-share}",
                             "    - {id: 1, tenant: a, submit: 0, gpus: 4, duration: 100}\n"
                             "    - {id: 2, tenant: a, submit: 0, gpus: 4, duration: 100}\n"
                             "    - {id: 3, tenant: b, submit: 10, gpus: 4, duration: 100}\n"),
               dir);
  EXPECT_EQ(jobs["3"]["start_s"], "10");  // takes the node lent to a's most recent job
  EXPECT_EQ(jobs["2"]["preemptions"], "1");
  EXPECT_EQ(jobs["2"]["start_s"], "0");
  EXPECT_EQ(jobs["2"]["end_s"], "190");  // resumes when job 1 ends, 90 s left
  EXPECT_EQ(jobs["2"]["runtime_s"], "100");
  EXPECT_EQ(jobs["2"]["lost_s"], "0");
  EXPECT_EQ(jobs["1"]["preemptions"], "0");
  EXPECT_EQ(jobs["1"]["end_s"], "100");
}

TEST(PreemptiveEngine, PriorityJobPreemptsALowerOne) {
  TempDir dir;
  auto jobs = run_scenario_jobs(tiny_scenario(1, "  - {name: t}\n", "{policy: priority}",
                                     "    - {id: 1, tenant: t, submit: 0, gpus: 4, duration: 100}\n"
                                     "    - {id: 2, tenant: t, submit: 20, gpus: 4, duration: 50, "
                                     "priority: 5}\n"),
                       dir);
  EXPECT_EQ(jobs["2"]["start_s"], "20");
  EXPECT_EQ(jobs["2"]["end_s"], "70");
  EXPECT_EQ(jobs["1"]["preemptions"], "1");
  EXPECT_EQ(jobs["1"]["end_s"], "150");
  EXPECT_EQ(jobs["1"]["runtime_s"], "100");
}

TEST(PreemptiveEngine, PreemptionLosesTheWorkSinceTheLastCheckpoint) {
  TempDir dir;
  // Job 1 checkpoints every 60 s of progress (the shortest fixed interval allowed); preempted
  // at t=130 after 130 s of work, it keeps 120 s and loses 10 s, so it needs 80 s more after
  // job 2 ends at 230.
  auto jobs = run_scenario_jobs(tiny_scenario(1, "  - {name: t}\n", "{policy: priority}",
                                     "    - {id: 1, tenant: t, submit: 0, gpus: 4, duration: 200, "
                                     "checkpoint_interval: 60}\n"
                                     "    - {id: 2, tenant: t, submit: 130, gpus: 4, duration: 100, "
                                     "priority: 5}\n"),
                       dir);
  EXPECT_EQ(jobs["1"]["preemptions"], "1");
  EXPECT_EQ(jobs["1"]["lost_s"], "10");
  EXPECT_EQ(jobs["1"]["end_s"], "310");
  EXPECT_EQ(jobs["1"]["runtime_s"], "210");  // 200 s of work + 10 s redone
}

TEST(PreemptiveEngine, PriorityWithoutPreemptionWaits) {
  TempDir dir;
  auto jobs = run_scenario_jobs(tiny_scenario(1, "  - {name: t}\n", "{policy: priority, preempt: false}",
                                     "    - {id: 1, tenant: t, submit: 0, gpus: 4, duration: 100}\n"
                                     "    - {id: 2, tenant: t, submit: 20, gpus: 4, duration: 50, "
                                     "priority: 5}\n"),
                       dir);
  EXPECT_EQ(jobs["2"]["start_s"], "100");
  EXPECT_EQ(jobs["1"]["preemptions"], "0");
}

TEST(PreemptiveEngine, LasDemotesOnTimeThroughAWakeUp) {
  // 0.1 GPU-h on 4 GPUs is reached after 90 s: job 1 is then demoted and preempted by job 2,
  // which has waited in the same queue since t=10. No job event happens at t=90.
  TempDir dir;
  auto jobs =
      run_scenario_jobs(tiny_scenario(1, "  - {name: t}\n", "{policy: las, queue_thresholds_gpu_h: [0.1]}",
                             "    - {id: 1, tenant: t, submit: 0, gpus: 4, duration: 1000}\n"
                             "    - {id: 2, tenant: t, submit: 10, gpus: 4, duration: 50}\n"),
               dir);
  EXPECT_EQ(jobs["2"]["start_s"], "90");
  EXPECT_EQ(jobs["2"]["end_s"], "140");
  EXPECT_EQ(jobs["1"]["preemptions"], "1");
  EXPECT_EQ(jobs["1"]["end_s"], "1050");
  EXPECT_EQ(jobs["1"]["runtime_s"], "1000");
}

TEST(PreemptiveEngine, BadPolicyParameterIsReported) {
  TempDir dir;
  write_file(dir / "s.yaml",
             tiny_scenario(1, "  - {name: t}\n", "{policy: las, queue_thresholds_gpu_h: [10, 1]}",
                           "    - {tenant: t, gpus: 1, duration: 1}\n"));
  auto r = run_sovsim("validate " + (dir / "s.yaml").string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("scheduler.queue_thresholds_gpu_h[1]"), std::string::npos) << r.err;
}

// The quickstart fleet (two sites, three tenants with shares, some confined to one site) under
// `policy`, with bookkeeping checks that hold for any policy.
void check_quickstart_under(const std::string& set_flags) {
  TempDir dir;
  auto r = run_sovsim("run " + source_path("scenarios/quickstart.yaml") + " -q -o " +
                          (dir / "out").string() + " " + set_flags,
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto summary = nlohmann::json::parse(read_file(dir / "out/summary.json"));
  const double end_s = summary["end_s"].get<double>();
  const auto& j = summary["jobs"];
  const int submitted = j["submitted"].get<int>();
  EXPECT_EQ(j["completed"].get<int>() + j["running_at_end"].get<int>() +
                j["queued_at_end"].get<int>() + j["rejected"].get<int>(),
            submitted);

  auto rows = read_csv(dir / "out/jobs.csv");
  EXPECT_EQ(static_cast<int>(rows.size()), submitted);
  std::set<std::string> ids;
  int preemptions = 0;
  double job_gpu_s = 0;
  for (auto& row : rows) {
    EXPECT_TRUE(ids.insert(row["job_id"]).second) << "job listed twice: " << row["job_id"];
    const std::string status = row["status"];
    EXPECT_TRUE(status == "completed" || status == "running" || status == "queued" ||
                status == "rejected")
        << status;
    preemptions += std::stoi(row["preemptions"]);
    EXPECT_EQ(row["lost_s"], "0");  // no checkpoint interval: a preempted job keeps its work
    if (row["start_s"].empty()) {
      EXPECT_EQ(row["preemptions"], "0");
      continue;
    }
    const double start = std::stod(row["start_s"]), runtime = std::stod(row["runtime_s"]);
    job_gpu_s += std::stod(row["gpu_hours"]) * 3600;
    const double last = status == "completed" ? std::stod(row["end_s"]) : end_s;
    EXPECT_LE(runtime, last - start + 1e-6) << row["job_id"];
    if (status == "completed" && row["preemptions"] == "0") {
      EXPECT_NEAR(runtime, last - start, 1e-6) << row["job_id"];  // = duration, no loss
    }
    if (status == "queued") EXPECT_NE(row["preemptions"], "0");  // started, so preempted
  }
  EXPECT_GT(preemptions, 0) << "the scenario should exercise preemption";

  // Utilisation integral (every site x tenant x hardware series, up to end_s) = job GPU-hours.
  const double series_gpu_s = utilisation_integral_gpu_s(dir / "out", end_s);
  ASSERT_GT(job_gpu_s, 0);
  EXPECT_NEAR(series_gpu_s / job_gpu_s, 1.0, 1e-9);
  EXPECT_NEAR(summary["gpu_hours"].get<double>() * 3600 / job_gpu_s, 1.0, 1e-9);
}

TEST(PreemptiveEngine, QuickstartUnderFairShareKeepsTheBooks) {
  check_quickstart_under("--set scheduler.policy=fair-share");
}

TEST(PreemptiveEngine, QuickstartUnderPriorityKeepsTheBooks) {
  check_quickstart_under(
      "--set scheduler.policy=priority --set tenants[2].priority=10 "
      "--set scheduler.backfill=true");
}

TEST(PreemptiveEngine, QuickstartUnderLasKeepsTheBooks) {
  check_quickstart_under("--set scheduler.policy=las --set scheduler.starvation_promote_after=1d");
}

}  // namespace
}  // namespace sovsim::test
