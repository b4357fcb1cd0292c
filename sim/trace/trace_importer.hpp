// sim/trace/trace_importer.hpp — the entry point for replaying public cluster traces: picks the
// reader for TraceOptions::format, then windows, rescales, maps tenants and sorts the jobs.
// Pure C++ (no SimGrid); reads only the trace file(s). Formats: docs/traces.md.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/common/result.hpp"
#include "sim/trace/trace_options.hpp"

namespace sovsim::sim {

// The accepted values of TraceOptions::format, in the order docs/traces.md lists them.
const std::vector<std::string>& trace_formats();

// The owner fields tenant_map keys may name in `format` ("user", "group", ...); empty for a
// format without any (itp) or an unknown format.
std::span<const std::string_view> trace_tenant_fields(std::string_view format);

// Jobs of the trace at `path`, sorted by submit time (ties keep trace order), with options
// applied. Never throws: unreadable or malformed input gives diagnostics (file, 1-based line and
// column, field name as key, "expected ..., found ..."). Records the format's rules skip are
// counted in `skipped` and explained in `notes`.
Result<ImportedTrace> import_trace(const std::filesystem::path& path, const TraceOptions& options);

// The post-processing import_trace applies to a reader's output (jobs in trace order, times as
// in the file): window [window_start_s, window_end_s) on submit, shift by -window_start_s,
// time_scale and size_scale, stable sort by submit, max_jobs. Adds notes on what it dropped.
// Options must already be valid (import_trace checks them).
void apply_trace_options(const TraceOptions& options, ImportedTrace& trace);

}  // namespace sovsim::sim
