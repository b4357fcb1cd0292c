// sim/trace/alibaba_pai_reader.hpp — reader for the Alibaba PAI GPU trace (alibaba/clusterdata,
// cluster-trace-gpu-v2020, NSDI '22): pai_task_table.csv (GPU requests, task run times) joined
// with pai_job_table.csv (submission time, user). Mapping rules are in docs/traces.md.
#pragma once

#include <filesystem>

#include "models/common/result.hpp"
#include "sim/trace/trace_options.hpp"

namespace sovsim::sim {

class TenantMapper;

// `path` is the directory holding the tables or pai_task_table.csv itself; pai_job_table.csv is
// read from the same directory when present (without it: submit = first task start, no users).
// Both tables may be headerless (as published) or start with their header row.
// Jobs in job-table order; JobSpec::id is the 1-based position. Tenant field: user.
Result<ImportedTrace> read_alibaba_pai_trace(const std::filesystem::path& path,
                                             const TraceOptions& options, TenantMapper& tenants);

}  // namespace sovsim::sim
