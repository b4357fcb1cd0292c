// sim/output/job_columns.hpp — jobs.csv as one table of columns (name, unit, description, value):
// the writer renders rows from it and docs/outputs.md's column table is generated from it.
// Adding a column is one row here, plus wherever its value is counted (the ledger, the job).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/output/doc_table.hpp"
#include "sim/telemetry/ledger.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

// What a column sees of one job at the end of the run.
struct JobRow {
  JobIndex index;
  const Job& job;
  const JobAccount& account;
  const JobTable& table;
  const Cluster& cluster;
  const std::vector<std::string>& tenant_names;
  double end_s;
  bool started() const { return job.start_s >= 0; }
  bool holding() const { return job.state == JobState::kRunning; }  // GPUs held at the end
};

// An empty cell, an integer, a number or a text.
using CellValue = std::variant<std::monostate, int64_t, double, std::string_view>;

struct JobColumn {
  std::string_view name, unit, description;
  CellValue (*value)(const JobRow& row);
};

// The columns of jobs.csv, in order.
const std::vector<JobColumn>& job_columns();
std::vector<DocRow> job_column_docs();

// Writes jobs.csv: a header, then one row per submitted job in arrival order (RFC 4180).
void write_jobs_csv(std::FILE* out, const JobTable& table, const Ledger& ledger,
                    const Cluster& cluster, const std::vector<std::string>& tenant_names,
                    double end_s);

}  // namespace sovsim::sim
