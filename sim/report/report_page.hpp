// sim/report/report_page.hpp — report.html: one self-contained, deterministic HTML page about a
// finished run (docs/report.md), rendered from the run's output files alone: the headline table,
// a table per tenant, then the charts (inline SVG; no script, no network, no external file).
// Written by every `sovsim run` (not with --outputs summary) and by `sovsim report DIR`.
#pragma once

#include <filesystem>
#include <string>

#include "models/common/result.hpp"
#include "sim/report/run_outputs.hpp"

namespace sovsim::sim {

// A whole page in the report's style: `title`, `heading` and `meta` are HTML already escaped;
// `body` is <section>s (section_html), listed in a table of contents first. Also used by
// `sovsim sweep-report`'s page (sim/sweep/sweep_page.hpp).
std::string html_page(const std::string& title, const std::string& heading,
                      const std::string& meta, const std::string& body);

// The page for outputs already loaded.
std::string report_html(const RunOutputs& run);

// Loads DIR's outputs (load_run_outputs) and renders the page; diagnostics if DIR has no valid
// summary.json or one of its tables is malformed.
Result<std::string> render_report(const std::filesystem::path& dir);

}  // namespace sovsim::sim
