// sim/trace/itp_reader.hpp — reader for Microsoft ITP GPU-cluster job traces as published with
// ElasticFlow (microsoft/elasticflow-traces): CSV "job_id,submission_time,duration,num_gpu",
// times in seconds from the start of collection. Mapping rules are in docs/traces.md.
#pragma once

#include <filesystem>

#include "models/common/result.hpp"
#include "sim/trace/trace_options.hpp"

namespace sovsim::sim {

class TenantMapper;

// Jobs in file order. job_id is a UUID, so JobSpec::id is the 1-based data row. No tenant fields:
// every job goes to default_tenant.
Result<ImportedTrace> read_itp_trace(const std::filesystem::path& path, const TraceOptions& options,
                                     TenantMapper& tenants);

}  // namespace sovsim::sim
