// sim/trace/swf_reader.hpp — reader for the Standard Workload Format of the Parallel Workloads
// Archive (https://www.cs.huji.ac.il/labs/parallel/workload/swf.html): ';' header comments, then
// one job per line in 18 whitespace-separated fields. Mapping rules are in docs/traces.md.
#pragma once

#include <filesystem>

#include "models/common/result.hpp"
#include "sim/trace/trace_options.hpp"

namespace sovsim::sim {

class TenantMapper;

// Jobs in file order, times as in the file; max_procs from the MaxProcs/MaxNodes header.
// Tenant fields: user (field 12), group (13), executable (14), queue (15), partition (16).
Result<ImportedTrace> read_swf_trace(const std::filesystem::path& path, const TraceOptions& options,
                                     TenantMapper& tenants);

}  // namespace sovsim::sim
