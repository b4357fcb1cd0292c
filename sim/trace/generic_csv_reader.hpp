// sim/trace/generic_csv_reader.hpp — reader for sovsim's own job-list CSV (format "csv"): a
// header naming the columns, then one job per row. For traces converted by hand or by a script;
// nothing is skipped, every malformed row is an error. Columns are listed in docs/traces.md.
#pragma once

#include <filesystem>

#include "models/common/result.hpp"
#include "sim/trace/trace_options.hpp"

namespace sovsim::sim {

class TenantMapper;

// Required columns submit_s, gpus, duration_s; optional job_id, tenant, kind, estimate_s,
// priority, site, hardware. Tenant field for tenant_map: "tenant" (renames the column's value).
Result<ImportedTrace> read_generic_csv_trace(const std::filesystem::path& path,
                                             const TraceOptions& options, TenantMapper& tenants);

}  // namespace sovsim::sim
