// sim/report/report_sections.hpp — the sections of report.html, each a function of the loaded
// outputs returning its HTML (a heading, a line saying what it shows and where the numbers come
// from, then a chart, a table or a note saying why there is none), and the helpers they share.
// Sections that do not apply to a run (no services, no energy figures) return "".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/report/run_outputs.hpp"
#include "sim/report/svg_chart.hpp"

namespace sovsim::sim {

// <section id=ID><h2>HEADING</h2><p class="note">ABOUT</p>BODY</section>; `about` and `body`
// are HTML already (escape names in them).
std::string section_html(std::string_view id, std::string_view heading, std::string_view about,
                         std::string_view body);
// A paragraph saying why a chart is missing.
std::string missing_note(std::string_view text);
// A table: `header` and `rows` are plain text (escaped here); columns after the first are numbers,
// right-aligned.
std::string table_html(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);

// The time axis of the run ([0, end_s] in hours or days) and the x of each bucket's middle.
Axis run_time_axis(const RunOutputs& run);
std::vector<double> bucket_x(const RunOutputs& run);

// Stacked layers for a chart: the `max_named` largest series by integral get their own palette
// colour, in name order; the rest are summed into one grey "other" layer. `values[k]` (means per
// bucket) may be shorter than `names` (a name without data is left out).
struct Layers {
  std::vector<std::string> names, colours;
  std::vector<std::vector<double>> values;
};
Layers top_layers(const std::vector<std::string>& names, const std::vector<BucketedValue>& series,
                  const BucketGrid& grid, size_t max_named = kPaletteColours);

// The objects of summary.json's array `key` ("tenants", "sites", "services"), empty if none.
const nlohmann::json& summary_list(const nlohmann::json& summary, const char* key);
// `o[key]` as a string ("" if absent or not a string).
std::string text_of(const nlohmann::json& o, const char* key);

// Usage: GPUs busy per tenant and per site against GPUs in service, the site × period heat map.
std::string gpus_over_time_section(const RunOutputs& run);
std::string gpus_by_site_section(const RunOutputs& run);
std::string utilisation_heat_map_section(const RunOutputs& run);
// Queue length over time and wait-time CDF per tenant (jobs.csv).
std::string queue_section(const RunOutputs& run);
std::string wait_cdf_section(const RunOutputs& run);
// The ledger's figures per tenant and site (summary.json).
std::string entitlement_section(const RunOutputs& run);
std::string losses_section(const RunOutputs& run);
std::string fabric_section(const RunOutputs& run);
// Fleet plan, power, cost and emissions, services (summary.json, services.csv).
std::string deliveries_section(const RunOutputs& run);
std::string power_section(const RunOutputs& run);
std::string cost_section(const RunOutputs& run);
std::string services_section(const RunOutputs& run);

}  // namespace sovsim::sim
