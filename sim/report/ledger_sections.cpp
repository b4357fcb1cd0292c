// sim/report/ledger_sections.cpp — the sections drawn from the ledger's figures in summary.json:
// each tenant's use against its entitlement, the GPU-hours lost per tenant by cause, and what the
// fabric cost per site and tenant.
#include <fmt/format.h>

#include <algorithm>

#include "sim/report/report_format.hpp"
#include "sim/report/report_sections.hpp"

namespace sovsim::sim {
namespace {

double value_of(const nlohmann::json& o, const char* key) {
  return number_at(o, std::string("/") + key).value_or(0);
}

std::string optional_percent(const nlohmann::json& o, const char* key) {
  const auto v = number_at(o, std::string("/") + key);
  return v ? format_percent(*v) : "–";
}

// The five ways busy GPU-hours are lost (busy = goodput + these), in the ledger's order.
struct Loss {
  const char* key;
  const char* name;
};
constexpr Loss kLosses[] = {
    {"failure_lost_gpu_hours", "failures (work redone, restarts)"},
    {"preemption_lost_gpu_hours", "preemptions (work redone)"},
    {"checkpoint_gpu_hours", "writing checkpoints"},
    {"network_stretch_gpu_hours", "network stretch"},
    {"hbm_stretch_gpu_hours", "HBM stretch"},
};

}  // namespace

std::string entitlement_section(const RunOutputs& run) {
  const nlohmann::json& tenants = summary_list(run.summary, "tenants");
  const std::string about =
      "A tenant's entitlement is the capacity it owns plus its share of the capacity no tenant "
      "owns (<code>tenants[].entitled_gpu_hours</code>); its use of it is "
      "<code>tenants[].utilisation_of_share</code>: 100% is exactly its entitlement, more means "
      "it borrowed capacity others left idle. Fleet utilisation is its busy GPU-hours over the "
      "whole fleet's capacity (<code>tenants[].utilisation</code>; tenants add up to the fleet's).";
  BarChart chart("utilisation-of-entitlement", "Busy GPU-hours as a share of entitlement",
                 "busy GPU-hours / entitled GPU-hours (%)", "%", {"used"});
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : tenants) {
    const std::string name = text_of(t, "name");
    if (const auto of_share = number_at(t, "/utilisation_of_share")) {
      chart.add_row({name, {100 * *of_share}, {}});
    }
    rows.push_back(
        {name, optional_percent(t, "share"), format_quantity(value_of(t, "owned_gpu_hours")),
         format_quantity(value_of(t, "entitled_gpu_hours")),
         format_quantity(value_of(t, "gpu_hours")), optional_percent(t, "utilisation_of_share"),
         optional_percent(t, "utilisation")});
  }
  chart.reference_line(100, "entitlement");
  std::string body = chart.rows() > 0 ? chart.svg()
                                      : missing_note(
                                            "No tenant has a share or owns capacity: there is no "
                                            "entitlement to compare with.");
  body += table_html({"tenant", "share", "owned GPU-h", "entitled GPU-h", "busy GPU-h",
                      "of entitlement", "of the fleet"},
                     rows);
  return section_html("entitlement", "Use against entitlement, per tenant", about, body);
}

std::string losses_section(const RunOutputs& run) {
  const nlohmann::json& tenants = summary_list(run.summary, "tenants");
  const std::string about = fmt::format(
      "GPU-hours held but not kept as work, per tenant and cause, from the ledger fields of "
      "<code>tenants[]</code> (busy GPU-hours = goodput + these). Fleet: {} node failures, {} job "
      "interruptions, {} GPU-hours lost to failures (<code>failures.lost_gpu_hours</code>).",
      format_quantity(number_at(run.summary, "/failures/node_failures").value_or(0)),
      format_quantity(number_at(run.summary, "/failures/job_interruptions").value_or(0)),
      format_quantity(number_at(run.summary, "/failures/lost_gpu_hours").value_or(0)));
  std::vector<std::string> causes;
  for (const Loss& l : kLosses) causes.emplace_back(l.name);
  BarChart chart("lost-gpu-hours", "GPU-hours lost, per tenant and cause", "GPU-hours", "GPU-h",
                 causes);
  std::vector<std::vector<std::string>> rows;
  double lost = 0;
  for (const auto& t : tenants) {
    BarRow row{text_of(t, "name"), {}, {}};
    std::vector<std::string> cells{row.name, format_quantity(value_of(t, "gpu_hours")),
                                   optional_percent(t, "goodput_fraction")};
    for (const Loss& l : kLosses) {
      row.segments.push_back(value_of(t, l.key));
      cells.push_back(format_quantity(row.segments.back()));
      lost += row.segments.back();
    }
    chart.add_row(std::move(row));
    rows.push_back(std::move(cells));
  }
  std::vector<std::string> header{"tenant", "busy GPU-h", "goodput"};
  for (const Loss& l : kLosses) header.emplace_back(l.name);
  std::string body = lost > 0 ? chart.svg() : missing_note("No GPU-hour was lost in this run.");
  return section_html("losses", "Failures and lost GPU-hours", about,
                      body + table_html(header, rows));
}

std::string fabric_section(const RunOutputs& run) {
  const double stretch = number_at(run.summary, "/network/stretch_gpu_hours").value_or(0);
  const double busy = number_at(run.summary, "/gpu_hours").value_or(0);
  const std::string about = fmt::format(
      "GPU-hours jobs spent communicating beyond their time at NIC speed, waiting on shared or "
      "oversubscribed uplinks (<code>network_stretch_gpu_hours</code> of <code>sites[]</code> and "
      "<code>tenants[]</code>), as a share of their busy GPU-hours. Fleet: {} GPU-hours "
      "(<code>network.stretch_gpu_hours</code>), {} of busy GPU-hours.",
      format_quantity(stretch), busy > 0 ? format_percent(stretch / busy) : "–");
  BarChart chart("network-stretch", "Network stretch, per site and tenant",
                 "network stretch / busy GPU-hours (%)", "%", {"stretch"});
  for (const char* list : {"sites", "tenants"}) {
    for (const auto& o : summary_list(run.summary, list)) {
      const double gpu_hours = value_of(o, "gpu_hours");
      if (gpu_hours <= 0) continue;
      chart.add_row({fmt::format("{} {}", list == std::string_view("sites") ? "site" : "tenant",
                                 text_of(o, "name")),
                     {100 * value_of(o, "network_stretch_gpu_hours") / gpu_hours},
                     {}});
    }
  }
  std::string body = stretch > 0 ? chart.svg()
                                 : missing_note(
                                       "No job waited on the fabric in this run (no "
                                       "shared or oversubscribed link was contended).");
  return section_html("fabric", "Fabric: network stretch", about, body);
}

}  // namespace sovsim::sim
