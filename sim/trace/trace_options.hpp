// sim/trace/trace_options.hpp — how a public cluster trace is turned into sovsim jobs: which
// reader, how times and sizes are rescaled, which slice is kept and how trace users map to
// tenants; plus what an import returns. Plain value types; the formats are in docs/traces.md.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "sim/workload/job_spec.hpp"

namespace sovsim::sim {

struct TraceOptions {
  // Reader: "swf" | "philly" | "helios" | "alibaba-pai" | "itp" | "csv" (docs/traces.md).
  std::string format;
  // Multiplies submit times, durations and estimates (after windowing). < 1 compresses the trace
  // in time, which raises the offered load on the same fleet.
  double time_scale = 1.0;
  // Multiplies submit times only (after windowing and time_scale): < 1 packs arrivals closer
  // with unchanged run times, the usual way to raise the offered load of a log (e.g. 0.8 gives
  // 1.25x the load).
  double arrival_scale = 1.0;
  // Multiplies GPU/processor counts, rounded to nearest, at least 1. Maps e.g. a 128-processor
  // HPC log onto a bigger GPU fleet; rounding distorts small jobs when the factor is < 1.
  double size_scale = 1.0;
  // Keep jobs whose submit time, as in the file (before scaling), is in [start, end); kept
  // times become "file time - window_start_s". Formats with calendar timestamps (philly, helios)
  // count file time from the earliest submission in the file.
  double window_start_s = 0;
  double window_end_s = std::numeric_limits<double>::infinity();
  // Keep only the first max_jobs jobs (in submit order) of the window; 0 = all.
  int64_t max_jobs = 0;
  // "<field>:<value>" -> tenant, first match wins, e.g. {"user:12", "physics"},
  // {"vc:ee9e8c", "vision"}. The fields each format offers are listed in docs/traces.md.
  std::vector<std::pair<std::string, std::string>> tenant_map;
  // Tenant for jobs no tenant_map entry matches.
  std::string default_tenant = "default";
  // JobSpec.kind of every imported job (the csv format may override it per row).
  std::string kind = "batch";
};

struct ImportedTrace {
  std::vector<JobSpec> jobs;       // sorted by submit time, ties in trace order
  int64_t max_procs = 0;           // SWF MaxProcs (MaxNodes if MaxProcs absent); 0 if none
  int64_t skipped = 0;             // records the format's rules skip (never ran, no size, ...)
  std::vector<std::string> notes;  // human-readable counts of what was skipped/adjusted and why
};

}  // namespace sovsim::sim
