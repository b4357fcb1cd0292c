// sim/sweep/results_table.hpp — the sweep's results as one table, one row per planned run that
// has a result (in plan order): run_id, status (ok/failed), error, seed, a column per parameter
// (named by its path) and per metric (by its name). Written as DIR/results.csv (RFC 4180) and
// as table `runs` of DIR/results.sqlite, both rebuilt from DIR/results/ and put in place by a
// rename, so they never hold a row twice or half a file. No wall times: the same sweep gives a
// byte-identical results.csv.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/sweep/run_result.hpp"

namespace sovsim::sim {

struct ResultsTable {
  enum class Type { kText, kInteger, kReal };
  std::vector<std::string> columns;
  std::vector<Type> types;  // a parameter is kReal if every planned value is a number
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt: NULL (empty in CSV)
};

ResultsTable results_table(const SweepPlan& plan, const std::map<size_t, RunResult>& results);
std::string results_csv(const ResultsTable& table);
// Writes the table as `runs` into a new SQLite file beside `file`, then renames it over `file`.
// Throws std::runtime_error on failure.
void write_results_sqlite(const std::filesystem::path& file, const ResultsTable& table);

// Reads DIR/results/ and rebuilds results.csv, results.sqlite, aggregate.csv, tornado.csv and
// report.html. Returns the
// results read.
std::map<size_t, RunResult> rebuild_tables(const std::filesystem::path& dir, const SweepPlan& plan);

// A metric value as written in the tables: the shortest text that reads back exactly.
std::string number_text(double value);

}  // namespace sovsim::sim
