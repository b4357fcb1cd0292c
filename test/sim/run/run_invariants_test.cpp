// test/sim/run/run_invariants_test.cpp — the end-of-run invariants hold on a consistent story
// (one job on one of two nodes) and each check catches the break it exists for: a GPU booked
// twice, times out of order, busy GPU-seconds the jobs did not hold, a node held by the engine.
#include "sim/run/run_invariants.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

std::vector<Site> two_nodes() {
  Site site;
  site.name = "s";
  NodeGroup group;
  group.hardware = "H100";
  group.count = 2;
  group.gpus_per_node = 8;
  site.nodes.push_back(group);
  return {site};
}

EnergyRates flat_rates() {
  EnergyRates rates;
  PoolEnergy pool;
  pool.power = {700, 100};
  pool.pue = 1.3;
  pool.price_krw_per_kwh = models::TimeProfile::constant(100);
  pool.carbon_t_per_mwh = models::TimeProfile::constant(0.4);
  rates.pools = {pool};
  rates.site_pue = {1.3};
  return rates;
}

// One 8-GPU job runs from 0 to 10 s on node 0; the run ends at 20 s.
struct Story {
  Cluster cluster{two_nodes()};
  EnergyRates rates = flat_rates();
  JobTable table;
  Ledger ledger{cluster, rates, 1, 1};
  std::vector<uint8_t> held_by_engine = std::vector<uint8_t>(2, 0);

  Story() {
    ledger.capacity_changed(0, -1, 16, 0);
    Job job;
    job.id = 7;
    job.gpus = 8;
    table.jobs.push_back(job);
    Job& j = table.jobs[0];
    j.placement = *cluster.first_fit(0, 8);
    cluster.allocate(j.placement);
    j.state = JobState::kRunning;
    j.start_s = j.run_start_s = 0;
    ledger.job_started(0, j, 0);
    ledger.instant_done(0);
    cluster.release(j.placement);
    ledger.job_stopped(0, j, 10);
    j.held_s = 10;
    j.service_gpu_s = 80;
    j.state = JobState::kCompleted;
    j.end_s = 10;
    ledger.instant_done(10);
  }
  std::vector<std::string> problems() {
    ledger.finish(20);
    return run_invariant_problems(table, cluster, held_by_engine, ledger, 20);
  }
};

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& p : problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(RunInvariants, HoldOnAConsistentRun) {
  Story story;
  EXPECT_EQ(story.problems(), std::vector<std::string>{});
  EXPECT_NO_THROW(check_run_invariants(story.table, story.cluster, story.held_by_engine,
                                       story.ledger, 20));
}

TEST(RunInvariants, AGpuHeldByNoJobIsCaught) {
  Story story;
  story.cluster.allocate(*story.cluster.first_fit(0, 4));  // booked, but no running job holds it
  const auto problems = story.problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(mentions(problems, "GPUs: node 0 of s has 4 free, 0 held by running jobs")) << problems[0];
}

TEST(RunInvariants, ANodeHeldByTheEngineIsNotALeakButAJobOnItIs) {
  Story story;
  story.cluster.allocate(*story.cluster.first_fit(0, 8));  // node 0 failed: the engine holds it
  story.held_by_engine[0] = 1;
  EXPECT_EQ(story.problems(), std::vector<std::string>{});

  Story twice;  // the engine holds node 0 while a job still runs on it: booked twice
  Job& j = twice.table.jobs[0];
  j.state = JobState::kRunning;
  twice.held_by_engine[0] = 1;
  EXPECT_TRUE(mentions(twice.problems(), "8 held by running jobs and 8 by the engine"));
}

TEST(RunInvariants, TimesOutOfOrderAreCaught) {
  Story story;
  story.table.jobs[0].end_s = 30;  // after the end of the run
  EXPECT_TRUE(mentions(story.problems(), "job states: job 7 completed with times out of order"));
}

TEST(RunInvariants, BusySecondsTheJobsDidNotHoldAreCaught) {
  Story story;
  story.table.jobs[0].service_gpu_s = 40;  // the ledger counted 80 GPU-s
  const auto problems = story.problems();
  EXPECT_TRUE(mentions(problems, "the ledger counts 80 busy GPU-s, the jobs held 40"));
  EXPECT_THROW(check_run_invariants(story.table, story.cluster, story.held_by_engine, story.ledger, 20),
               InvariantBroken);
}

}  // namespace
}  // namespace sovsim::sim
