// test/sim/sweep/results_table_test.cpp — the results table: one row per result in plan order,
// column types (a parameter whose values are all numbers is REAL), errors quoted in CSV as
// RFC 4180 asks, null metrics and failed runs as empty cells, and the SQLite file read back.
#include "sim/sweep/results_table.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::sim {
namespace {

SweepPlan two_run_plan() {
  SweepPlan plan;
  plan.parameters = {"scheduler.policy", "sites[*].fabric.pod_uplink_oversubscription"};
  plan.metrics = {{"wait", "wait.mean_s"}, {"cost", "cost.per_million_tokens_krw"}};
  plan.runs = {
      {"r0000",
       0,
       1,
       {{"scheduler.policy", "fcfs"}, {"sites[*].fabric.pod_uplink_oversubscription", "2.5"}}},
      {"r0001",
       1,
       1,
       {{"scheduler.policy", "easy"}, {"sites[*].fabric.pod_uplink_oversubscription", "4"}}}};
  return plan;
}

std::map<size_t, RunResult> two_results(const SweepPlan& plan) {
  std::map<size_t, RunResult> results;
  results[1] = {"r0001",
                false,
                "sovsim run exited with 2: error: a, \"b\"",
                1,
                plan.runs[1].parameters,
                {{"wait", std::nullopt}, {"cost", std::nullopt}},
                2,
                0.5};
  results[0] = {
      "r0000", true, "", 1, plan.runs[0].parameters, {{"wait", 0.1}, {"cost", std::nullopt}},
      0,       0.5};
  return results;
}

TEST(ResultsTable, CsvQuotesErrorsAndLeavesNullsEmpty) {
  const SweepPlan plan = two_run_plan();
  const ResultsTable table = results_table(plan, two_results(plan));
  EXPECT_EQ(table.types[4], ResultsTable::Type::kText);
  EXPECT_EQ(table.types[5], ResultsTable::Type::kReal);
  EXPECT_EQ(results_csv(table),
            "run_id,status,error,seed,scheduler.policy,sites[*].fabric.pod_uplink_oversubscription,"
            "wait,cost\n"
            "r0000,ok,,1,fcfs,2.5,0.1,\n"
            "r0001,failed,\"sovsim run exited with 2: error: a, \"\"b\"\"\",1,easy,4,,\n");
}

TEST(ResultsTable, SqliteHoldsTypedColumnsAndOneRowPerRun) {
  test::TempDir dir;
  const SweepPlan plan = two_run_plan();
  write_results_sqlite(dir / "results.sqlite", results_table(plan, two_results(plan)));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(std::string(dir / "results.sqlite").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT run_id, error IS NULL, typeof(\"sites[*].fabric.pod_uplink_"
                               "oversubscription\"), typeof(wait), typeof(seed) FROM runs",
                               -1, &stmt, nullptr),
            SQLITE_OK);
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < 5; ++c) {
      row +=
          std::string(c ? "|" : "") + reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  EXPECT_EQ(rows,
            (std::vector<std::string>{"r0000|1|real|real|integer", "r0001|0|real|null|integer"}));
}

}  // namespace
}  // namespace sovsim::sim
