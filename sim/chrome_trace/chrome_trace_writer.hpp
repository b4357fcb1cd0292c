// sim/chrome_trace/chrome_trace_writer.hpp — writes what a TraceRecorder holds as Chrome
// trace-event JSON ({"traceEvents": [...], "displayTimeUnit": "ms", "metadata": {...}}), which
// ui.perfetto.dev and chrome://tracing open: a process per site (pid), a thread per track lane
// (tid) with process_name/thread_name metadata events, a complete event ("X") per job slice and
// counter events ("C"). ts and dur are microseconds of simulated time. Streamed through a small
// buffer, never one large string; deterministic (same run → same bytes). docs/trace-view.md.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "sim/chrome_trace/trace_recorder.hpp"

namespace sovsim::sim {

// `recorder` must be finished. Throws std::runtime_error if the file cannot be written.
void write_chrome_trace(std::FILE* out, const TraceRecorder& recorder, const Scenario& scenario,
                        const Cluster& cluster, const JobTable& table);

// One line for each size rule that applied (tracks folded, slices dropped), for stderr.
std::vector<std::string> chrome_trace_notes(const TraceRecorder& recorder, const Cluster& cluster);

}  // namespace sovsim::sim
