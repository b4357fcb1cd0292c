// sim/trace/helios_reader.hpp — reader for SenseTime Helios cluster_log.csv files
// (S-Lab-System-Group/HeliosData, SC '21): one Slurm job per row with calendar timestamps.
// Mapping rules are in docs/traces.md.
#pragma once

#include <filesystem>

#include "models/common/result.hpp"
#include "sim/trace/trace_options.hpp"

namespace sovsim::sim {

class TenantMapper;

// Jobs in file order; submit times count from the earliest submit_time in the file. Columns are
// found by header name (extra columns, e.g. all_cluster_log.csv's "cluster", are ignored).
// Tenant fields: user, vc.
Result<ImportedTrace> read_helios_trace(const std::filesystem::path& path,
                                        const TraceOptions& options, TenantMapper& tenants);

}  // namespace sovsim::sim
