// test/e2e/partition_queue_test.cpp — queues per partition: a job waits only behind jobs that
// compete for the pools it may use. The distortion this guards against: under one fleet-wide
// FCFS queue, a tenant alone on its own empty site waited 165,600 s behind another site's
// blocked job. Through the real binary, for every policy: the lone tenant never waits. And
// utilisation.csv keeps only the series a tenant's jobs can fill.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

// Site `busy` (2 nodes) is saturated by tenant `crowd`: a 16-GPU job holds it for a day, and a
// second 16-GPU job must wait for it. Tenant `alone` has site `quiet` to itself and submits
// small jobs meanwhile.
std::string scenario(const std::string& policy) {
  return "name: partitions\nhorizon: 3d\nscheduler: {policy: " + policy + "}\n"
         "sites:\n"
         "  - {name: busy, nodes: [{hardware: H100, count: 2}]}\n"
         "  - {name: quiet, nodes: [{hardware: H100, count: 2}]}\n"
         "tenants:\n"
         "  - {name: crowd, sites: [busy], share: 0.5}\n"
         "  - {name: alone, sites: [quiet], share: 0.5}\n"
         "workload:\n  jobs:\n"
         "    - {id: 1, tenant: crowd, submit: 0s, gpus: 16, duration: 1d}\n"
         "    - {id: 2, tenant: crowd, submit: 1m, gpus: 16, duration: 1d}\n"
         "    - {id: 3, tenant: alone, submit: 2m, gpus: 8, duration: 1h}\n"
         "    - {id: 4, tenant: alone, submit: 3m, gpus: 4, duration: 1h}\n";
}

TEST(PartitionQueues, ATenantAloneOnItsSiteNeverWaitsBehindAnotherSite) {
  for (const std::string policy : {"fcfs", "easy", "conservative", "sjf", "fair-share", "priority", "las"}) {
    TempDir dir;
    write_file(dir / "p.yaml", scenario(policy));
    auto r = run_sovsim("run " + (dir / "p.yaml").string() + " -q -o " + (dir / "out").string(),
                        dir.path());
    ASSERT_EQ(r.exit_code, 0) << policy << r.err;
    std::map<std::string, CsvRow> jobs;
    for (auto& row : read_csv(dir / "out" / "jobs.csv")) jobs[row["job_id"]] = row;
    EXPECT_GT(std::stod(jobs["2"]["wait_s"]), 0) << policy;  // job 1 holds its site
    EXPECT_EQ(jobs["3"]["wait_s"], "0") << policy;
    EXPECT_EQ(jobs["4"]["wait_s"], "0") << policy;
  }
}

TEST(PartitionQueues, UtilisationCsvHoldsOnlySeriesThatCanBeNonZero) {
  TempDir dir;
  write_file(dir / "p.yaml", scenario("fcfs"));
  ASSERT_EQ(run_sovsim("run " + (dir / "p.yaml").string() + " -q -o " + (dir / "out").string(),
                       dir.path()).exit_code, 0);
  std::set<std::pair<std::string, std::string>> series;  // (site, tenant)
  for (auto& row : read_csv(dir / "out" / "utilisation.csv")) series.emplace(row["site"], row["tenant"]);
  // Each tenant may use one site: 2 series of 4 (site x tenant).
  EXPECT_EQ(series, (std::set<std::pair<std::string, std::string>>{{"busy", "crowd"}, {"quiet", "alone"}}));
}

}  // namespace
}  // namespace sovsim::test
