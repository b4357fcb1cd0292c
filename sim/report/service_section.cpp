// sim/report/service_section.cpp — living services: SLO attainment per service from
// summary.json's services[], and the requests offered and served within the SLOs over time from
// services.csv. Left out ("") for runs without living services.
#include <fmt/format.h>

#include <algorithm>

#include "sim/report/report_format.hpp"
#include "sim/report/report_sections.hpp"

namespace sovsim::sim {

std::string services_section(const RunOutputs& run) {
  const nlohmann::json& services = summary_list(run.summary, "services");
  if (services.empty()) return "";
  BarChart attainment("slo-attainment", "SLO attainment per service",
                      "requests served within the SLO / requests offered (%)", "%", {"served"});
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : services) {
    const std::string name =
        fmt::format("{} {} {}", number_at(s, "/id") ? format_grouped(*number_at(s, "/id"), 0) : "?",
                    text_of(s, "tenant"), text_of(s, "model"));
    const auto slo = number_at(s, "/slo_attainment");
    if (slo) attainment.add_row({name, {100 * *slo}, {}});
    rows.push_back({name, text_of(s, "hardware"),
                    format_quantity(number_at(s, "/mean_replicas").value_or(0)),
                    format_quantity(number_at(s, "/offered_requests").value_or(0)),
                    format_quantity(number_at(s, "/served_requests").value_or(0)),
                    slo ? format_percent(*slo) : "–"});
  }
  attainment.reference_line(100, "SLO met for every request");
  std::string body = attainment.svg();
  if (run.services && run.grid.size() > 0) {
    const ServiceSeries& load = *run.services;
    const std::vector<double> offered = load.offered_rps.means(run.grid);
    const std::vector<double> served = load.served_rps.means(run.grid);
    double top = 0;
    for (double v : offered) top = std::max(top, v);
    XyChart chart("service-load", "Requests offered and served within the SLOs, all services",
                  run_time_axis(run), linear_axis("requests per second", 0, top > 0 ? top : 1));
    const std::vector<double> x = bucket_x(run);
    chart.line("served within the SLO", x, served, palette_colour(0));
    chart.line("offered", x, offered, kInk, Mark::kDashed);  // on top: visible where all is served
    body += chart.svg();
  }
  body += table_html({"service (id tenant model)", "hardware", "mean replicas", "offered requests",
                      "served in SLO", "SLO attainment"},
                     rows);
  return section_html(
      "services", "Services",
      "Living services (<code>services[]</code> in summary.json): the share of requests served "
      "within their latency SLOs, and, from <code>services.csv</code>, the request rates of all "
      "services together over time (time averages per bucket).",
      body);
}

}  // namespace sovsim::sim
