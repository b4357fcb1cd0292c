// sim/report/report_page.cpp — see report_page.hpp: the page skeleton (head, print CSS, title,
// contents), the per-tenant table, and the order of the sections.
#include "sim/report/report_page.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "sim/report/headline.hpp"
#include "sim/report/report_format.hpp"
#include "sim/report/report_sections.hpp"

namespace sovsim::sim {
namespace {

constexpr std::string_view kStyle =
    R"(body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR",sans-serif;color:#111;max-width:920px;margin:0 auto;padding:16px;line-height:1.4}
h1{font-size:1.5em;margin-bottom:.2em}
h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}
p.meta{color:#444}
p.note{color:#333;font-size:.92em}
p.missing{background:#f4f4f4;border-left:4px solid #999;padding:8px 12px}
table{border-collapse:collapse;margin:8px 0 16px;font-size:.9em}
th,td{padding:3px 8px;border-bottom:1px solid #e2e2e2;text-align:left;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}
td{white-space:nowrap}
div.wide{overflow-x:auto}
table.headline th{font-weight:normal}
code{font-size:.9em;color:#333}
svg.chart{display:block;max-width:100%;height:auto;margin:12px 0}
nav ol{columns:2;font-size:.92em}
@media print{body{max-width:none;padding:0;font-size:10pt}div.wide{overflow:visible}nav{display:none}section{break-inside:avoid}svg.chart{break-inside:avoid}a{color:inherit;text-decoration:none}h2{margin-top:1.2em}}
@page{size:A4;margin:12mm}
)";

std::string files_read(const RunOutputs& run) {
  std::string files = "summary.json";
  if (run.jobs) files += ", jobs.csv";
  if (run.usage) files += ", utilisation.csv";
  if (run.services) files += ", services.csv";
  return files;
}

std::string run_line(const RunOutputs& run) {
  const nlohmann::json& s = run.summary;
  const auto gpus = number_at(s, "/total_gpus"), nodes = number_at(s, "/nodes");
  const auto seed = number_at(s, "/seed");
  const std::string span =
      !text_of(s, "start_date").empty()
          ? fmt::format("{} to {}", text_of(s, "start_date"), text_of(s, "end_date"))
          : "horizon " + format_seconds(number_at(s, "/horizon_s").value_or(0));
  const nlohmann::json& scheduler = s.contains("scheduler") ? s["scheduler"] : s;
  return fmt::format(
      "Seed {} · {} · {} GPUs on {} nodes · policy <code>{}</code>, placement <code>{}</code>. "
      "Rendered by sovsim {} from {}.",
      seed ? format_grouped(*seed, 0) : "–", escape_html(span),
      gpus ? format_grouped(*gpus, 0) : "–", nodes ? format_grouped(*nodes, 0) : "–",
      escape_html(text_of(scheduler, "policy")), escape_html(text_of(scheduler, "placement")),
      SOVSIM_VERSION, files_read(run));
}

std::string tenants_section(const RunOutputs& run) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : summary_list(run.summary, "tenants")) {
    auto number = [&](const char* pointer, auto format) {
      const auto v = number_at(t, pointer);
      return v ? format(*v) : std::string("–");
    };
    const auto count = [](double v) { return format_grouped(v, 0); };
    rows.push_back(
        {text_of(t, "name"), number("/jobs_submitted", count), number("/jobs_completed", count),
         number("/jobs_rejected", count), number("/wait/mean_s", format_seconds),
         number("/wait/p95_s", format_seconds), number("/utilisation", format_percent),
         number("/utilisation_of_share", format_percent),
         number("/goodput_fraction", format_percent), number("/slo_attainment", format_percent)});
  }
  return section_html(
      "tenants", "Tenants",
      "Per tenant, from <code>tenants[]</code> in summary.json: utilisation is of the whole "
      "fleet's capacity, \"of entitlement\" of what it owns plus its share "
      "(<code>utilisation_of_share</code>); SLO attainment over its living services.",
      table_html({"tenant", "jobs", "completed", "rejected", "wait mean", "wait p95",
                  "of the fleet", "of entitlement", "goodput", "SLO attainment"},
                 rows));
}

// An ordered list of links to the sections in `body` (their id and <h2>).
std::string contents(const std::string& body) {
  std::string out = "<nav><ol>\n";
  for (size_t at = body.find("<section id=\""); at != std::string::npos;
       at = body.find("<section id=\"", at + 1)) {
    const size_t id0 = at + 13, id1 = body.find('"', id0);
    const size_t h0 = body.find("<h2>", id1) + 4, h1 = body.find("</h2>", h0);
    out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", body.substr(id0, id1 - id0),
                       body.substr(h0, h1 - h0));
  }
  return out + "</ol></nav>\n";
}

}  // namespace

std::string report_html(const RunOutputs& run) {
  std::string body = section_html("headline", "Headline",
                                  "Each figure is read from the summary.json key beside it.",
                                  headline_table(run.summary));
  body += tenants_section(run);
  for (auto section :
       {gpus_over_time_section, gpus_by_site_section, queue_section, wait_cdf_section,
        utilisation_heat_map_section, entitlement_section, losses_section, fabric_section,
        power_section, cost_section, deliveries_section, services_section}) {
    body += section(run);
  }
  const std::string name = escape_html(text_of(run.summary, "scenario"));
  return html_page("sovsim report: " + name, "sovsim run report: " + name, run_line(run), body);
}

std::string html_page(const std::string& title, const std::string& heading,
                      const std::string& meta, const std::string& body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0}</title>\n<style>\n{1}</style>\n</head>\n<body>\n"
      "<header>\n<h1>{2}</h1>\n<p class=\"meta\">{3}</p>\n</header>\n{4}"
      "<main>\n{5}</main>\n</body>\n</html>\n",
      title, kStyle, heading, meta, contents(body), body);
}

Result<std::string> render_report(const std::filesystem::path& dir) {
  auto run = load_run_outputs(dir);
  if (!run.ok()) return run.diagnostics();
  return report_html(run.value());
}

}  // namespace sovsim::sim
