// sim/trace/philly_reader.hpp — reader for Microsoft Philly traces (msr-fiddle/philly-traces,
// ATC '19): cluster_job_log, one JSON array of jobs with their scheduling attempts. Mapping
// rules are in docs/traces.md.
#pragma once

#include <filesystem>

#include "models/common/result.hpp"
#include "sim/trace/trace_options.hpp"

namespace sovsim::sim {

class TenantMapper;

// Jobs in file order; JobSpec::id is the 1-based position in the array (jobid is a string).
// Submit times count from the earliest submitted_time in the file; duration and GPU count come
// from the last attempt. Tenant fields: user, vc.
Result<ImportedTrace> read_philly_trace(const std::filesystem::path& path,
                                        const TraceOptions& options, TenantMapper& tenants);

}  // namespace sovsim::sim
