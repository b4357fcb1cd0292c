// test/sim/workload/job_table_test.cpp — generators and the job table: arrival order, Poisson
// rate, independence of generator streams, eligibility by tenant sites.
#include "sim/workload/job_table.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

JobGenerator generator(double rate_per_hour) {
  JobGenerator g;
  g.tenant = "t";
  g.rate_per_s = rate_per_hour / 3600;
  g.end_s = 1e9;
  g.gpus.value = 2;
  g.duration_s.value = 60;
  return g;
}

TEST(GenerateJobs, PoissonRateMatches) {
  auto jobs = generate_jobs(generator(10), 1, 0, 1000 * 3600.0, 1);
  EXPECT_NEAR(static_cast<double>(jobs.size()), 10000, 400);  // 4 sigma
  for (size_t i = 1; i < jobs.size(); ++i) EXPECT_GT(jobs[i].submit_s, jobs[i - 1].submit_s);
  EXPECT_EQ(jobs.front().id, 1);
}

TEST(GenerateJobs, CountAndWindowLimit) {
  auto g = generator(10);
  g.max_jobs = 5;
  EXPECT_EQ(generate_jobs(g, 1, 0, 1e9, 1).size(), 5u);
  g.max_jobs = 0;
  g.start_s = 3600;
  g.end_s = 7200;
  for (const auto& j : generate_jobs(g, 1, 0, 1e9, 1)) {
    EXPECT_GE(j.submit_s, 3600);
    EXPECT_LT(j.submit_s, 7200);
  }
}

const models::Catalogs& catalog() {
  static const auto c = models::Catalogs::builtin();
  return c.value();
}

Scenario two_site_scenario() {
  Scenario s;
  s.file = "x.yaml";
  s.horizon_s = 86400;
  s.seed = 3;
  Site a{"a", {{"H100", 2, 8}}}, b{"b", {{"B200", 1, 8}}};
  s.sites = {a, b};
  s.tenants = {Tenant{"t", "", 0, 0, {"b"}}, Tenant{"u", "", 0, 0, {}}};
  return s;
}

TEST(JobTable, SortsByArrivalAndResolvesEligibility) {
  Scenario s = two_site_scenario();
  s.workload.jobs = {JobSpec{1, "t", "x", 50, 1, 10}, JobSpec{2, "u", "x", 10, 1, 10},
                     JobSpec{3, "u", "x", 50, 1, 10, 0, 0, "a"}};
  auto table = prepare_workload(s, catalog());
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->table.jobs.size(), 3u);
  EXPECT_EQ(table->table.jobs[0].id, 2);
  EXPECT_EQ(table->table.jobs[1].id, 1);  // same instant as job 3: input order
  EXPECT_EQ(table->table.eligible_pools[table->table.jobs[1].eligibility], std::vector<int>{1});
  EXPECT_EQ(table->table.eligible_pools[table->table.jobs[0].eligibility], (std::vector<int>{0, 1}));
  EXPECT_EQ(table->table.eligible_pools[table->table.jobs[2].eligibility], std::vector<int>{0});
}

TEST(JobTable, AddingAGeneratorDoesNotChangeTheOthers) {
  Scenario s = two_site_scenario();
  auto g = generator(5);
  g.gpus.kind = Distribution::Kind::kUniform;
  g.gpus.min = 1;
  g.gpus.max = 8;
  s.workload.generators = {g};
  auto one = prepare_workload(s, catalog());
  auto other = generator(7);
  other.tenant = "u";
  s.workload.generators.push_back(other);
  auto two = prepare_workload(s, catalog());
  ASSERT_TRUE(one.ok() && two.ok());
  std::vector<std::pair<double, int>> first, again;
  for (const Job& j : one->table.jobs) first.emplace_back(j.submit_s, j.gpus);
  for (const Job& j : two->table.jobs) {
    if (j.tenant == 0) again.emplace_back(j.submit_s, j.gpus);
  }
  EXPECT_EQ(first, again);
}

TEST(JobTable, JobsAfterTheHorizonAreDroppedAndCounted) {
  Scenario s = two_site_scenario();
  s.workload.jobs = {JobSpec{1, "u", "x", 10, 1, 10}, JobSpec{2, "u", "x", 86400, 1, 10}};
  auto table = prepare_workload(s, catalog());
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->table.jobs.size(), 1u);
  EXPECT_EQ(table->table.beyond_horizon, 1);
}

TEST(JobTable, NodeGroupSizedFromATraceHeaderKeepsTheNodeLimit) {
  // `MaxProcs: 99999999999999` with `count: trace` once built a 6.4 GB cluster in `validate`.
  Scenario s = two_site_scenario();
  s.sites[0].nodes[0].count_from_trace = true;
  s.sites[0].nodes[0].count = 0;
  s.workload.trace = TraceSource{"big.swf", {}};
  WorkloadJobs jobs;
  jobs.trace_max_procs = 99'999'999'999'999;
  const Diagnostics d = size_sites_from_trace(s, jobs);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].key, "sites[0].nodes[0].count");
  EXPECT_NE(d[0].message.find("big.swf"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("limit of 10000000 nodes"), std::string::npos) << d[0].message;
  jobs.trace_max_procs = 800;  // within the limit: 100 nodes of 8 GPUs
  EXPECT_TRUE(size_sites_from_trace(s, jobs).empty());
  EXPECT_EQ(s.sites[0].nodes[0].count, 100);
}

}  // namespace
}  // namespace sovsim::sim
