// sim/telemetry/service_summary.cpp — see service_summary.hpp.
#include "sim/telemetry/service_summary.hpp"

#include <fmt/format.h>

#include <vector>

#include "sim/trace/csv.hpp"

namespace sovsim::sim {
namespace {

using json = nlohmann::ordered_json;

json ratio_or_null(double part, double whole) { return whole > 0 ? json(part / whole) : json(); }

}  // namespace

json service_layout(const LivingService& svc, const Scenario& scenario) {
  return {{"id", svc.id},
          {"tenant", scenario.tenants[svc.tenant].name},
          {"model", svc.work.model},
          {"hardware", svc.hardware},
          {"gpus_per_replica", svc.tp},
          {"replica_requests_per_s", svc.replica_requests_per_s}};
}

void add_services(json& summary, const JobTable& table, const ServiceMeter* meter,
                  const Scenario& scenario) {
  json list = json::array();
  std::vector<double> tenant_offered(scenario.tenants.size()), tenant_served(scenario.tenants.size());
  std::vector<double> tokens(table.services.size());
  for (const auto& [index, served] : table.replica_tokens_served) {
    tokens[table.replicas.at(index).service] += served;
  }
  for (size_t s = 0; meter && s < table.services.size(); ++s) {
    const LivingService& svc = table.services[s];
    const ServiceMeter::Totals& t = meter->totals()[s];
    const double life_s = svc.end_s - svc.begin_s;
    tenant_offered[svc.tenant] += t.offered_requests;
    tenant_served[svc.tenant] += t.served_requests;
    json o = service_layout(svc, scenario);
    o.update(json{{"ttft_s", svc.ttft_s},
                  {"tpot_s", svc.tpot_s},
                  {"ttft_slo_s", svc.work.ttft_slo_s},
                  {"tpot_slo_s", svc.work.tpot_slo_s},
                  {"begin_s", svc.begin_s},
                  {"end_s", svc.end_s},
                  {"peak_replicas_planned", svc.peak_replicas},
                  {"mean_replicas", life_s > 0 ? t.ready_replica_s / life_s : 0.0},
                  {"offered_requests", t.offered_requests},
                  {"served_requests", t.served_requests},
                  {"slo_attainment", ratio_or_null(t.served_requests, t.offered_requests)},
                  {"tokens_served", tokens[s]}});
    list.push_back(std::move(o));
  }
  summary["services"] = std::move(list);
  for (auto& tenant : summary["tenants"]) {
    for (size_t i = 0; i < scenario.tenants.size(); ++i) {
      if (tenant["name"] == scenario.tenants[i].name) {
        tenant["slo_attainment"] = ratio_or_null(tenant_served[i], tenant_offered[i]);
      }
    }
  }
}

void write_services_csv(std::FILE* out, const JobTable& table, const ServiceMeter& meter,
                        const Scenario& scenario) {
  std::fputs("service_id,tenant,model,hardware,interval_start_s,interval_s,offered_rps,replicas,"
             "capacity_rps,served_rps,slo_attainment\n",
             out);
  for (size_t s = 0; s < table.services.size(); ++s) {
    const LivingService& svc = table.services[s];
    std::string names;  // tenant, model, hardware: RFC 4180-quoted as jobs.csv's are
    for (std::string_view name :
         {std::string_view(scenario.tenants[svc.tenant].name), std::string_view(svc.work.model),
          std::string_view(svc.hardware)}) {
      names += ',';
      append_csv_field(names, name);
    }
    for (const ServiceMeter::Interval& row : meter.totals()[s].intervals) {
      const double len = row.length_s;
      const double replicas = row.ready_replica_s / len;
      const std::string attainment =
          row.offered_requests > 0 ? fmt::format("{:.6g}", row.served_requests / row.offered_requests)
                                   : "";
      fmt::print(out, "{}{},{:.0f},{:.0f},{:.6g},{:.6g},{:.6g},{:.6g},{}\n", svc.id, names,
                 row.start_s, len,
                 row.offered_requests / len, replicas, replicas * svc.replica_requests_per_s,
                 row.served_requests / len, attainment);
    }
  }
}

std::string format_service_lines(const json& summary) {
  std::string out;
  if (!summary.contains("services")) return out;
  for (const auto& s : summary["services"]) {
    const auto& a = s["slo_attainment"];
    out += fmt::format(
        "service   {} ({} for {}) on {} x {} per replica: {:.1f} replicas on average (peak {}), "
        "{} of requests within the SLO, {:.3g} tokens served\n",
        s["id"].get<int64_t>(), s["model"].get<std::string>(), s["tenant"].get<std::string>(),
        s["gpus_per_replica"].get<int>(), s["hardware"].get<std::string>(),
        s["mean_replicas"].get<double>(), s["peak_replicas_planned"].get<int>(),
        a.is_number() ? fmt::format("{:.1f}%", 100 * a.get<double>()) : "–",
        s["tokens_served"].get<double>());
  }
  return out;
}

}  // namespace sovsim::sim
