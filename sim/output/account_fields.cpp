// sim/output/account_fields.cpp — see account_fields.hpp.
#include "sim/output/account_fields.hpp"

namespace sovsim::sim {
namespace {

constexpr double kSecondsPerHour = 3600;

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
    {"goodput_gpu_hours", "/goodput_gpu_hours", "GPU-h",
     "Undisturbed work kept: `gpu_hours` less the four losses above.",
     [](const Account& a) { return a.goodput_gpu_s() / kSecondsPerHour; }},
    {"owned_gpu_hours", "/capacity/owned_gpu_hours", "GPU-h",
     "Capacity in service that the tenant owns (deliveries' `owner`, a group's `owner`, a site's "
     "`operator`), busy or idle; the fleet's is the sum over tenants ([fleet.md](fleet.md)).",
     [](const Account& a) { return a.owned_gpu_s / kSecondsPerHour; }},
    {"goodput_fraction", "/goodput_fraction", "",
     "`goodput_gpu_hours` / `gpu_hours` (0 when nothing ran): what failures, checkpoints, "
     "preemptions and fabric contention cost.",
     [](const Account& a) { return a.busy_gpu_s > 0 ? a.goodput_gpu_s() / a.busy_gpu_s : 0.0; }},
};

}  // namespace

const std::vector<AccountField>& account_fields() { return kFields; }

std::vector<DocRow> account_field_docs() { return doc_rows(kFields); }

void add_account_fields(nlohmann::ordered_json& object, const Account& account) {
  for (const AccountField& f : kFields) object[std::string(f.name)] = f.value(account);
}

void set_fleet_fields(nlohmann::ordered_json& summary, const Account& fleet) {
  for (const AccountField& f : kFields) {
    summary[nlohmann::ordered_json::json_pointer(std::string(f.fleet_key))] = f.value(fleet);
  }
}

}  // namespace sovsim::sim
