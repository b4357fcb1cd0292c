// sim/telemetry/service_summary.hpp — the living services' outputs: `summary.json` → `services[]`
// (layout, replicas, offered and served requests, SLO attainment, tokens) and each tenant's
// `slo_attainment`; `services.csv`, one row per service and decision interval; and the text
// summary's service lines. The figures are the ServiceMeter's (docs/serving.md).
#pragma once

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "sim/scenario/scenario.hpp"
#include "sim/telemetry/service_meter.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

// A living service's identity and layout, the first keys of its summary.json entry (also in
// `sovsim describe --json`): id, tenant, model, hardware, gpus_per_replica, replica_requests_per_s.
nlohmann::ordered_json service_layout(const LivingService& service, const Scenario& scenario);

// Adds `services` (empty without living services) and, per tenant, `slo_attainment` (null when
// the tenant has none). `meter` is null when the run has no living services.
void add_services(nlohmann::ordered_json& summary, const JobTable& table, const ServiceMeter* meter,
                  const Scenario& scenario);

// services.csv: service_id, tenant, model, hardware, interval_start_s, interval_s, offered_rps,
// replicas, capacity_rps, served_rps, slo_attainment.
void write_services_csv(std::FILE* out, const JobTable& table, const ServiceMeter& meter,
                        const Scenario& scenario);

// One text line per service ("" without services).
std::string format_service_lines(const nlohmann::ordered_json& summary);

}  // namespace sovsim::sim
