// test/e2e/backfill_engine_test.cpp — the backfilling family (easy, conservative, sjf) through
// the whole engine on tiny hand-checked cases, and bad policy parameters rejected at load time
// (exit 2, key named). Each case runs the real binary.
#include <gtest/gtest.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

// One site with one H100 node of 4 GPUs, one tenant, the given scheduler map and jobs:
//   1: 2 GPUs for 10 s from t=0
//   2: 4 GPUs for 10 s from t=1      (blocked until job 1 ends: reserved at t=10)
//   3: 2 GPUs for 5 s from t=2, estimate 8 s   (ends by estimate at 10: backfillable)
//   4: 1 GPU for 5 s from t=3, estimate 20 s   (would end after 10: must wait)
std::string tiny_scenario(const std::string& scheduler) {
  return "name: tiny\nhorizon: 1d\nsites:\n  - name: s\n    nodes:\n"
         "      - {hardware: H100, count: 1, gpus_per_node: 4}\n"
         "tenants:\n  - name: t\nscheduler: " +
         scheduler +
         "\nworkload:\n  jobs:\n"
         "    - {id: 1, tenant: t, submit: 0, gpus: 2, duration: 10}\n"
         "    - {id: 2, tenant: t, submit: 1, gpus: 4, duration: 10}\n"
         "    - {id: 3, tenant: t, submit: 2, gpus: 2, duration: 5, estimate: 8}\n"
         "    - {id: 4, tenant: t, submit: 3, gpus: 1, duration: 5, estimate: 20}\n";
}

std::map<std::string, std::string> start_times(const std::string& scheduler) {
  TempDir dir;
  std::map<std::string, std::string> start_s;
  for (auto& [id, row] : run_scenario_jobs(tiny_scenario(scheduler), dir)) start_s[id] = row["start_s"];
  return start_s;
}

using Starts = std::map<std::string, std::string>;

TEST(BackfillEngine, EasyBackfillsOnlyWhatEndsBeforeTheShadowTime) {
  EXPECT_EQ(start_times("{policy: easy}"),
            (Starts{{"1", "0"}, {"2", "10"}, {"3", "2"}, {"4", "20"}}));
}

TEST(BackfillEngine, ConservativeMatchesEasyWithOneBlockedJob) {
  EXPECT_EQ(start_times("{policy: conservative, max_queue_scan: 10}"),
            (Starts{{"1", "0"}, {"2", "10"}, {"3", "2"}, {"4", "20"}}));
}

TEST(BackfillEngine, FcfsWaitsWhereEasyBackfills) {
  EXPECT_EQ(start_times("{policy: fcfs}"),
            (Starts{{"1", "0"}, {"2", "10"}, {"3", "20"}, {"4", "20"}}));
}

TEST(BackfillEngine, SjfStartsShortJobsAheadOfTheWideOne) {
  // At t=3 jobs 1 and 3 hold all 4 GPUs; at t=7 job 4 (5 s) starts before job 2 (10 s).
  EXPECT_EQ(start_times("{policy: sjf, blocking: false}"),
            (Starts{{"1", "0"}, {"2", "12"}, {"3", "2"}, {"4", "7"}}));
}

TEST(BackfillEngine, EasyBackfillsIntoAPoolTheHeadIsNotReservedIn) {
  // Two node groups (pools) of one 4-GPU node. Job 2 lands in pool 1 (pool 0 has 2 GPUs left).
  // The head (job 3) is reserved in pool 0 at t=10 (pool 1 frees at t=20). Job 4 would delay it
  // in pool 0, its first-fit choice, so it starts at once in pool 1 instead.
  TempDir dir;
  write_file(dir / "s.yaml",
             "name: pools\nhorizon: 1d\nsites:\n  - name: s\n    nodes:\n"
             "      - {hardware: H100, count: 1, gpus_per_node: 4}\n"
             "      - {hardware: H100, count: 1, gpus_per_node: 4}\n"
             "tenants:\n  - name: t\nscheduler: {policy: easy}\nworkload:\n  jobs:\n"
             "    - {id: 1, tenant: t, submit: 0, gpus: 2, duration: 10}\n"
             "    - {id: 2, tenant: t, submit: 0, gpus: 3, duration: 20}\n"
             "    - {id: 3, tenant: t, submit: 1, gpus: 4, duration: 10}\n"
             "    - {id: 4, tenant: t, submit: 3, gpus: 1, duration: 100}\n");
  auto r = run_sovsim("run " + (dir / "s.yaml").string() + " -q -o " + (dir / "out").string(),
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Starts start_s;
  for (auto& row : read_csv(dir / "out/jobs.csv")) start_s[row["job_id"]] = row["start_s"];
  EXPECT_EQ(start_s, (Starts{{"1", "0"}, {"2", "0"}, {"3", "10"}, {"4", "3"}}));
}

TEST(BackfillEngine, UnknownPolicyParameterExitsTwoNamingTheKey) {
  TempDir dir;
  write_file(dir / "s.yaml", tiny_scenario("{policy: conservative, max_queue_scn: 10}"));
  auto r =
      run_sovsim("run " + (dir / "s.yaml").string() + " -o " + (dir / "out").string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("scheduler.max_queue_scn: unknown key; did you mean 'max_queue_scan'?"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

TEST(BackfillEngine, ParameterOfAnotherPolicyIsUnknown) {
  TempDir dir;
  write_file(dir / "s.yaml", tiny_scenario("{policy: easy, blocking: true}"));
  auto r = run_sovsim("validate " + (dir / "s.yaml").string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("scheduler.blocking: unknown key"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sovsim::test
