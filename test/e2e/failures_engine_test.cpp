// test/e2e/failures_engine_test.cpp — failures, repairs and checkpoints through the whole engine
// (real binary). Failure rates are set very high so a short run sees dozens of interruptions.
// Checks: a fixed seed reproduces the run byte for byte and another seed does not; a job loses at
// most one checkpoint interval of work plus its restart time per interruption (all of its work
// without checkpoints); every
// submitted job ends in exactly one terminal state, none lost or duplicated across restarts;
// checkpoint writes share the site's storage; the summary's counters match jobs.csv.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

// 16 B200 nodes; each GPU fails 100 times a year (a node every ~11 h, the site every ~40 min),
// repairs take a median of 1 h. 24 jobs of 4 nodes x 10 h. `checkpoint` is the jobs' extra keys.
std::string failing_scenario(const std::string& checkpoint, int seed = 3) {
  return "name: failing\nseed: " + std::to_string(seed) +
         "\nhorizon: 30d\nfailures: {gpu_per_year: 100, hbm_per_year: 0, network_per_year: 0, "
         "host_per_year: 0, repair: {median: 1h, sigma: 0.5}}\n"
         "sites:\n  - name: s\n    fabric: {storage_gbps: 8}\n    nodes:\n"
         "      - {hardware: B200, count: 16}\ntenants:\n  - name: t\nworkload:\n  generators:\n"
         "    - {tenant: t, rate_per_hour: 2, count: 24, gpus: 32, duration: 10h" +
         checkpoint + "}\n";
}

struct RunOutput {
  std::map<std::string, CsvRow> jobs;
  nlohmann::json summary;
  std::string jobs_csv, summary_json;
};

RunOutput run(const std::string& scenario, const TempDir& dir, const std::string& name) {
  write_file(dir / (name + ".yaml"), scenario);
  auto r = run_sovsim("run " + (dir / (name + ".yaml")).string() + " -q -o " + (dir / name).string(),
                      dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunOutput out;
  for (auto& row : read_csv(dir / name / "jobs.csv")) out.jobs[row["job_id"]] = row;
  out.jobs_csv = read_file(dir / name / "jobs.csv");
  out.summary_json = read_file(dir / name / "summary.json");
  out.summary = nlohmann::json::parse(out.summary_json);
  return out;
}

TEST(FailuresEngine, SameSeedReproducesTheFailuresAnotherSeedDoesNot) {
  TempDir dir;
  const std::string ckpt = ", checkpoint_interval: 1h";
  RunOutput a = run(failing_scenario(ckpt), dir, "a");
  RunOutput b = run(failing_scenario(ckpt), dir, "b");
  RunOutput c = run(failing_scenario(ckpt, 4), dir, "c");
  EXPECT_GT(a.summary["failures"]["node_failures"].get<int>(), 10);
  EXPECT_EQ(a.jobs_csv, b.jobs_csv);
  EXPECT_EQ(a.summary_json, b.summary_json);
  EXPECT_NE(a.jobs_csv, c.jobs_csv);
}

TEST(FailuresEngine, LostWorkIsAtMostOneIntervalPerInterruption) {
  TempDir dir;
  RunOutput r = run(failing_scenario(", checkpoint_interval: 1h"), dir, "r");
  int interruptions = 0;
  double lost_s = 0;
  for (auto& [id, job] : r.jobs) {
    const int n = std::stoi(job["interruptions"]);
    const double lost = std::stod(job["failure_lost_s"]);
    interruptions += n;
    lost_s += lost;
    // At most one interval of redone work plus the 10 min restart per interruption; at least
    // the restarts.
    EXPECT_LE(lost, n * (3600.0 + 600) + 1e-6) << "job " << id;
    EXPECT_GE(lost, n * 600.0 - 1e-6) << "job " << id;
  }
  EXPECT_GT(interruptions, 5);
  EXPECT_GT(lost_s, 0);
  EXPECT_EQ(r.summary["failures"]["job_interruptions"].get<int>(), interruptions);
  // Lost GPU-hours in the summary are the jobs' lost seconds times their 32 GPUs.
  EXPECT_NEAR(r.summary["failures"]["lost_gpu_hours"].get<double>(), lost_s * 32 / 3600, 1e-6);
}

TEST(FailuresEngine, WithoutCheckpointsAnInterruptionLosesEverythingSoFar) {
  TempDir dir;
  RunOutput with = run(failing_scenario(", checkpoint_interval: 1h"), dir, "with");
  RunOutput without = run(failing_scenario(""), dir, "without");
  double lost_with = 0, lost_without = 0;
  for (auto& [id, job] : without.jobs) {
    const double lost = std::stod(job["failure_lost_s"]);
    lost_without += lost;
    EXPECT_LE(lost, std::stoi(job["interruptions"]) * (36000.0 + 600) + 1e-6) << "job " << id;
  }
  for (auto& [id, job] : with.jobs) lost_with += std::stod(job["failure_lost_s"]);
  EXPECT_GT(lost_without, 2 * lost_with);
}

TEST(FailuresEngine, EveryJobEndsInExactlyOneTerminalState) {
  TempDir dir;
  RunOutput r = run(failing_scenario(", checkpoint_interval: 1h, checkpoint_gb: 1000"), dir, "r");
  const auto lines = std::count(r.jobs_csv.begin(), r.jobs_csv.end(), '\n');
  EXPECT_EQ(lines, 1 + 24);  // header + one row per job: no duplicate after a restart
  EXPECT_EQ(r.jobs.size(), 24u);
  EXPECT_EQ(r.summary["jobs"]["submitted"].get<int>(), 24);
  EXPECT_EQ(r.summary["jobs"]["completed"].get<int>(), 24);  // repairs bring the nodes back
  for (auto& [id, job] : r.jobs) {
    EXPECT_EQ(job["status"], "completed") << "job " << id;
    // It held its GPUs for its 10 h, plus redone work, plus checkpoint writes, plus nothing else.
    const double runtime = std::stod(job["runtime_s"]);
    const double expected = 36000 + std::stod(job["failure_lost_s"]) + std::stod(job["checkpoint_s"]);
    EXPECT_NEAR(runtime, expected, 1e-3 * expected) << "job " << id;
    // Goodput is its 10 h on 32 GPUs; what it held beyond that went to failures and checkpoints.
    EXPECT_NEAR(std::stod(job["goodput_gpu_hours"]), 10.0 * 32, 1e-6) << "job " << id;
    EXPECT_GT(std::stod(job["gpu_hours"]), std::stod(job["goodput_gpu_hours"])) << "job " << id;
  }
  // A 1 TB checkpoint on 1 GB/s storage takes 1000 s alone; 9 checkpoints per job at least.
  EXPECT_GT(r.summary["checkpoint_gpu_hours"].get<double>(), 24 * 9 * 1000.0 * 32 / 3600 * 0.99);
  EXPECT_LT(r.summary["goodput_fraction"].get<double>(), 1.0);
}

// One job on 14 nodes for 10 h; each GPU fails 20 times a year (the job ~6 times a day), repairs
// take about 1 h. Without spares every failure leaves 13 healthy nodes and the job waits for the
// repair; with 3 hot spares (about 0.3 nodes are in repair at a time) it restarts at once.
std::string spare_scenario(int nodes, int spares) {
  return "name: spares\nseed: 5\nhorizon: 30d\nfailures: {gpu_per_year: 20, hbm_per_year: 0, "
         "network_per_year: 0, host_per_year: 0, repair: {median: 1h, sigma: 0.3}}\n"
         "sites:\n  - name: s\n    nodes:\n      - {hardware: B200, count: " +
         std::to_string(nodes) + ", spares: " + std::to_string(spares) +
         "}\ntenants:\n  - name: t\nworkload:\n  jobs:\n"
         "    - {id: 1, tenant: t, gpus: 112, duration: 10h, checkpoint_interval: 30m}\n";
}

TEST(FailuresEngine, HotSparesLetAFailedJobRestartAtOnce) {
  TempDir dir;
  RunOutput bare = run(spare_scenario(14, 0), dir, "bare");
  RunOutput spared = run(spare_scenario(17, 3), dir, "spared");
  auto waited = [](RunOutput& r) {  // time between first start and end not spent on GPUs
    CsvRow& j = r.jobs["1"];
    return std::stod(j["end_s"]) - std::stod(j["start_s"]) - std::stod(j["runtime_s"]);
  };
  ASSERT_GT(std::stoi(bare.jobs["1"]["interruptions"]), 0);
  ASSERT_GT(std::stoi(spared.jobs["1"]["interruptions"]), 0);
  EXPECT_GT(waited(bare), 1800);  // repairs waited out (median 1 h)
  EXPECT_LT(waited(spared), 1e-6);
  EXPECT_GT(spared.summary["failures"]["spare_swaps"].get<int>(), 0);
  EXPECT_EQ(bare.summary["failures"]["spare_swaps"].get<int>(), 0);
}

// Checkpoints go through the site's storage link: two jobs writing 1 TB at once on 1 GB/s storage
// get 0.5 GB/s each (max-min), so each write takes 2000 s instead of 1000 s alone.
TEST(FailuresEngine, CheckpointWritesShareTheSiteStorage) {
  auto scenario = [](int jobs) {
    std::string s = "name: ckpt\nhorizon: 1d\nsites:\n  - name: s\n    fabric: {storage_gbps: 8}\n"
                    "    nodes:\n      - {hardware: B200, count: 2}\ntenants:\n  - name: t\n"
                    "workload:\n  jobs:\n";
    for (int j = 1; j <= jobs; ++j) {
      s += "    - {id: " + std::to_string(j) +
           ", tenant: t, gpus: 8, duration: 2h, checkpoint_interval: 1h, checkpoint_gb: 1000}\n";
    }
    return s;
  };
  TempDir dir;
  RunOutput alone = run(scenario(1), dir, "alone");
  RunOutput both = run(scenario(2), dir, "both");
  // 1 h of work, one checkpoint, 1 h of work (no checkpoint after the last segment).
  EXPECT_NEAR(std::stod(alone.jobs["1"]["end_s"]), 7200 + 1000, 1e-3);
  EXPECT_NEAR(std::stod(alone.jobs["1"]["checkpoint_s"]), 1000, 1e-3);
  for (const char* id : {"1", "2"}) {
    EXPECT_NEAR(std::stod(both.jobs[id]["end_s"]), 7200 + 2000, 1e-3) << id;
    EXPECT_NEAR(std::stod(both.jobs[id]["checkpoint_s"]), 2000, 1e-3) << id;
  }
}

}  // namespace
}  // namespace sovsim::test
