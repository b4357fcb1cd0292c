// sim/output/account_fields.cpp — see account_fields.hpp.
#include "sim/output/account_fields.hpp"

#include <cmath>
#include <limits>

namespace sovsim::sim {
namespace {

constexpr double kSecondsPerHour = 3600;
constexpr double kJoulesPerMwh = 3.6e9;

const std::vector<AccountField> kFields = {
    {"gpu_hours", "/gpu_hours", "GPU-h", "Busy GPU-hours: GPUs held × time.",
     [](const Account& a) { return a.busy_gpu_s / kSecondsPerHour; }},
    {"preemption_lost_gpu_hours", "/preemption_lost_gpu_hours", "GPU-h",
     "Work redone after preemptions (since the last checkpoint; nothing without checkpoints).",
     [](const Account& a) { return a.preemption_lost_gpu_s / kSecondsPerHour; }},
    {"lost_gpu_hours", "/lost_gpu_hours", "GPU-h",
     "Same as `preemption_lost_gpu_hours` (the older, ambiguous name; kept for one release).",
     [](const Account& a) { return a.preemption_lost_gpu_s / kSecondsPerHour; }},
    {"failure_lost_gpu_hours", "/failures/lost_gpu_hours", "GPU-h",
     "Work redone after failures (since the last checkpoint, all of it without checkpoints) and "
     "restarts spent ([failures.md](failures.md)).",
     [](const Account& a) { return a.failure_lost_gpu_s / kSecondsPerHour; }},
    {"checkpoint_gpu_hours", "/checkpoint_gpu_hours", "GPU-h",
     "Held while writing checkpoints on the site's shared storage ([engine.md](engine.md)).",
     [](const Account& a) { return a.checkpoint_gpu_s / kSecondsPerHour; }},
    {"network_stretch_gpu_hours", "/network/stretch_gpu_hours", "GPU-h",
     "Communication beyond its time at NIC speed, waiting on shared or oversubscribed uplinks: what "
     "the fabric costs ([engine.md](engine.md#segments-the-fluid-job-model)).",
     [](const Account& a) { return a.stretch_gpu_s / kSecondsPerHour; }},
    {"hbm_stretch_gpu_hours", "/gpu_sharing/hbm_stretch_gpu_hours", "GPU-h",
     "Computing slower than alone on a `shared` GPU whose HBM bandwidth its neighbours contend for "
     "([gpu-sharing.md](gpu-sharing.md)).",
     [](const Account& a) { return a.hbm_stretch_gpu_s / kSecondsPerHour; }},
    {"goodput_gpu_hours", "/goodput_gpu_hours", "GPU-h",
     "Undisturbed work kept: `gpu_hours` less the five losses above.",
     [](const Account& a) { return a.goodput_gpu_s() / kSecondsPerHour; }},
    {"owned_gpu_hours", "/capacity/owned_gpu_hours", "GPU-h",
     "Capacity in service that the tenant owns (deliveries' `owner`, a group's `owner`, a site's "
     "`operator`), busy or idle; the fleet's is the sum over tenants ([fleet.md](fleet.md)).",
     [](const Account& a) { return a.owned_gpu_s / kSecondsPerHour; }},
    {"it_energy_mwh", "/energy/it_mwh", "MWh",
     "Energy at the nodes ([energy.md](energy.md)): the idle draw of capacity to its owner, the extra "
     "draw of running jobs to their tenant.",
     [](const Account& a) { return a.it_energy_j / kJoulesPerMwh; }, true},
    {"energy_mwh", "/energy/facility_mwh", "MWh", "Energy at the meter: IT energy × the site's PUE.",
     [](const Account& a) { return a.facility_energy_j / kJoulesPerMwh; }, true},
    {"emissions_tco2", "/emissions/tco2", "tCO₂", "Facility energy × the grid's carbon intensity.",
     [](const Account& a) { return a.co2_t; }, true},
    {"energy_krw", "/cost/energy_krw", "KRW", "Facility energy × the electricity price.",
     [](const Account& a) { return a.energy_krw; }, true},
    {"capex_krw", "/cost/capex_krw", "KRW",
     "The hardware price of owned capacity, amortised straight-line over `economics.capex_years`.",
     [](const Account& a) { return a.capex_krw; }, true},
    {"opex_krw", "/cost/opex_krw", "KRW", "Operating cost of owned capacity (`opex_krw_per_node_year`).",
     [](const Account& a) { return a.opex_krw; }, true},
    {"cost_krw", "/cost/total_krw", "KRW", "`energy_krw` + `capex_krw` + `opex_krw`.",
     [](const Account& a) { return a.cost_krw(); }, true},
    {"cost_per_gpu_hour_krw", "/cost/per_gpu_hour_krw", "KRW/GPU-h",
     "`cost_krw` / `gpu_hours` (null when nothing ran): what a used GPU-hour cost, idle capacity "
     "included.",
     [](const Account& a) {
       return a.busy_gpu_s > 0 ? a.cost_krw() / (a.busy_gpu_s / kSecondsPerHour)
                               : std::numeric_limits<double>::quiet_NaN();
     }},
    {"goodput_fraction", "/goodput_fraction", "",
     "`goodput_gpu_hours` / `gpu_hours` (0 when nothing ran): what failures, checkpoints, "
     "preemptions and fabric contention cost.",
     [](const Account& a) { return a.busy_gpu_s > 0 ? a.goodput_gpu_s() / a.busy_gpu_s : 0.0; }},
};

}  // namespace

const std::vector<AccountField>& account_fields() { return kFields; }

std::vector<DocRow> account_field_docs() { return doc_rows(kFields); }

namespace {
// NaN marks "undefined" (a ratio over nothing): null in JSON.
nlohmann::ordered_json value_or_null(double v) {
  return std::isnan(v) ? nlohmann::ordered_json() : nlohmann::ordered_json(v);
}
}  // namespace

void add_account_fields(nlohmann::ordered_json& object, const Account& account, bool capacity_only) {
  for (const AccountField& f : kFields) {
    if (!capacity_only || f.of_capacity) object[std::string(f.name)] = value_or_null(f.value(account));
  }
}

void set_fleet_fields(nlohmann::ordered_json& summary, const Account& fleet) {
  for (const AccountField& f : kFields) {
    summary[nlohmann::ordered_json::json_pointer(std::string(f.fleet_key))] = value_or_null(f.value(fleet));
  }
}

}  // namespace sovsim::sim
