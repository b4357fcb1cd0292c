// test/e2e/fcfs_engine_test.cpp — FCFS through the whole engine (loader, SimGrid timers,
// controller, outputs) on tiny hand-checked cases. Each case runs the real binary.
#include <gtest/gtest.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

// One site with `nodes` H100 nodes of 4 GPUs, one tenant, the given explicit jobs.
std::string tiny_scenario(int nodes, const std::string& jobs) {
  return "name: tiny\nhorizon: 1d\nsites:\n  - name: s\n    nodes:\n      - {hardware: H100, count: " +
         std::to_string(nodes) + ", gpus_per_node: 4}\ntenants:\n  - name: t\nworkload:\n  jobs:\n" +
         jobs;
}

TEST(FcfsEngine, ArrivalAtTheInstantOfACompletionStartsAtOnce) {
  TempDir dir;
  auto jobs = run_scenario_jobs(tiny_scenario(1, "    - {id: 1, tenant: t, submit: 0, gpus: 4, duration: 10}\n"
                                        "    - {id: 2, tenant: t, submit: 10, gpus: 1, duration: 5}\n"),
                       dir);
  EXPECT_EQ(jobs["1"]["end_s"], "10");
  EXPECT_EQ(jobs["2"]["start_s"], "10");
  EXPECT_EQ(jobs["2"]["wait_s"], "0");
  EXPECT_EQ(jobs["2"]["end_s"], "15");
}

TEST(FcfsEngine, HeadBlocksSmallerJobsBehindIt) {
  TempDir dir;
  auto jobs = run_scenario_jobs(tiny_scenario(1, "    - {id: 1, tenant: t, submit: 0, gpus: 3, duration: 10}\n"
                                        "    - {id: 2, tenant: t, submit: 1, gpus: 2, duration: 5}\n"
                                        "    - {id: 3, tenant: t, submit: 2, gpus: 1, duration: 1}\n"),
                       dir);
  EXPECT_EQ(jobs["2"]["start_s"], "10");
  EXPECT_EQ(jobs["3"]["start_s"], "10");  // would fit at t=2, but strict FCFS waits for job 2
  EXPECT_EQ(jobs["3"]["wait_s"], "8");
}

TEST(FcfsEngine, SameInstantArrivalsKeepInputOrder) {
  TempDir dir;
  auto jobs = run_scenario_jobs(tiny_scenario(1, "    - {id: 7, tenant: t, submit: 5, gpus: 4, duration: 10}\n"
                                        "    - {id: 3, tenant: t, submit: 5, gpus: 4, duration: 10}\n"),
                       dir);
  EXPECT_EQ(jobs["7"]["start_s"], "5");
  EXPECT_EQ(jobs["3"]["start_s"], "15");
}

TEST(FcfsEngine, MultiNodeJobsHoldWholeNodes) {
  TempDir dir;
  auto jobs = run_scenario_jobs(tiny_scenario(3, "    - {id: 1, tenant: t, submit: 0, gpus: 5, duration: 10}\n"
                                        "    - {id: 2, tenant: t, submit: 0, gpus: 4, duration: 10}\n"
                                        "    - {id: 3, tenant: t, submit: 0, gpus: 1, duration: 10}\n"),
                       dir);
  EXPECT_EQ(jobs["1"]["alloc_gpus"], "8");
  EXPECT_EQ(jobs["2"]["start_s"], "0");
  EXPECT_EQ(jobs["3"]["start_s"], "10");  // all 12 GPUs held until t=10
}

TEST(FcfsEngine, PackPlacementKeepsRoomThatFirstFitFragments) {
  const std::string jobs = "    - {id: 1, tenant: t, submit: 0, gpus: 2, duration: 10}\n"
                           "    - {id: 2, tenant: t, submit: 0, gpus: 3, duration: 10}\n"
                           "    - {id: 3, tenant: t, submit: 1, gpus: 1, duration: 10}\n"
                           "    - {id: 4, tenant: t, submit: 2, gpus: 2, duration: 10}\n";
  TempDir a, b;
  auto first_fit = run_scenario_jobs(tiny_scenario(2, jobs), a);
  auto pack = run_scenario_jobs(tiny_scenario(2, jobs) + "scheduler: {placement: pack}\n", b);
  EXPECT_EQ(first_fit["4"]["start_s"], "10");  // job 3 took node 0's spare pair
  EXPECT_EQ(pack["3"]["start_s"], "1");
  EXPECT_EQ(pack["4"]["start_s"], "2");        // job 3 went to node 1's single spare GPU
}

TEST(FcfsEngine, ImpossibleJobIsRejectedAndDoesNotBlock) {
  TempDir dir;
  auto jobs = run_scenario_jobs(tiny_scenario(1, "    - {id: 1, tenant: t, submit: 0, gpus: 64, duration: 10}\n"
                                        "    - {id: 2, tenant: t, submit: 1, gpus: 1, duration: 10}\n"),
                       dir);
  EXPECT_EQ(jobs["1"]["status"], "rejected");
  EXPECT_EQ(jobs["2"]["start_s"], "1");
}

TEST(FcfsEngine, JobsCutByTheHorizonAreReportedAsRunningOrQueued) {
  TempDir dir;
  auto jobs = run_scenario_jobs(tiny_scenario(1, "    - {id: 1, tenant: t, submit: 0, gpus: 4, duration: 2d}\n"
                                        "    - {id: 2, tenant: t, submit: 1, gpus: 4, duration: 1}\n"),
                       dir);
  EXPECT_EQ(jobs["1"]["status"], "running");
  EXPECT_EQ(jobs["1"]["runtime_s"], "86400");
  EXPECT_EQ(jobs["2"]["status"], "queued");
  EXPECT_EQ(jobs["2"]["start_s"], "");
}

}  // namespace
}  // namespace sovsim::test
