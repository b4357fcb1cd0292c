// sim/scenario/scenario.hpp — the resolved, validated scenario: what a run simulates. Plain value
// types filled by scenario_loader.cpp from YAML; every key, its default and range are in
// scenario_schema.cpp (docs/scenario.md is generated from it).
// Nothing here touches SimGrid; units are in the names.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "models/common/distribution.hpp"
#include "models/failures.hpp"
#include "models/time_profile.hpp"
#include "sim/fabric/fabric.hpp"
#include "sim/sched/policy_params.hpp"
#include "sim/trace/trace_options.hpp"
#include "sim/workload/job_spec.hpp"
#include "sim/workload/serving_work.hpp"
#include "sim/workload/training_work.hpp"

namespace sovsim::sim {

// One tranche of a node group's deliveries (docs/fleet.md): `count` nodes due at `date_s`, late
// by a sampled vendor delay, in service after a burn-in.
struct Delivery {
  double date_s = 0;       // scheduled arrival
  int64_t count = 0;       // nodes
  std::string owner;       // tenant owning the tranche ("" = the group's owner)
  Distribution delay_s;    // slip added to the date (fixed 0: on time)
  double burn_in_s = 0;    // from arrival to service
};

// A homogeneous group of nodes at a site: `count` hosts of one catalog hardware type.
struct NodeGroup {
  std::string hardware;   // catalog name, e.g. "B200"
  int64_t count = 0;      // nodes (hosts)
  int gpus_per_node = 0;  // devices per node (catalog default if not given)
  bool count_from_trace = false;  // `count: trace`: sized to the trace's MaxProcs at run time
  int scaleup_domain = 0;  // GPUs per NVLink/scale-up domain (catalog); 0 = one node
  int64_t spares = 0;      // of `count`, hot spares held out of service for failed nodes
  std::string owner;       // tenant owning the group's capacity ("" = the site's operator)
  std::vector<Delivery> deliveries;  // tranches; `count` less their sum is installed at time 0
  double retire_s = std::numeric_limits<double>::infinity();  // the group leaves service then
  double drain_s = 0;      // before retire_s its nodes take no new jobs
  // GPU sharing (docs/gpu-sharing.md): every GPU of the group offers `slots_per_gpu` slots to
  // jobs asking for a fraction of a GPU — isolated MIG instances of one profile (`mig`), or
  // `shared` time-sliced/MPS slots that split the SMs but contend for HBM bandwidth. Such a
  // group runs only jobs of `gpus` below 1 whose share fits in a slot.
  std::string mig;              // MIG profile name ("" = none)
  int slots_per_gpu = 1;        // 1: whole GPUs
  double slot_fraction = 1;     // share of the GPU's SMs one slot has
  bool isolated = false;        // MIG: a slot's HBM bandwidth is its own
  bool partitioned() const { return slots_per_gpu > 1 || !mig.empty(); }
};

struct Site {
  std::string name;
  std::vector<NodeGroup> nodes;
  double wan_bw_bytes_per_s = 100e9 / 8 * 4;  // site uplink to the national backbone: 400 Gb/s
  double wan_latency_s = 2e-3;
  Fabric fabric;  // leaves, pods, oversubscription (docs/fabric.md)
  std::string operator_tenant;  // owns the site's capacity no group or tranche owner claims
  // Power and prices (docs/energy.md); unset: the scenario's `economics`.
  double power_cap_mw = 0;  // IT power the site may draw: admission holds jobs beyond it (0: none)
  std::optional<double> pue;
  std::optional<models::TimeProfile> electricity_krw_per_kwh, carbon_t_per_mwh;
};

// `economics:` — fleet-wide power, price and cost assumptions (docs/energy.md has each default
// and its public source); sites may override PUE, price and carbon.
struct Economics {
  double pue = 1.3;
  models::TimeProfile electricity_krw_per_kwh = models::TimeProfile::constant(182.7);
  models::TimeProfile carbon_t_per_mwh = models::TimeProfile::constant(0.4173);
  double krw_per_usd = 1400;
  double capex_years = 5;
  double opex_krw_per_node_year = 20e6;
  double busy_fraction_of_tdp = 0.85;
};

struct Tenant {
  std::string name;
  std::string description;
  double share = 0;                // entitled fraction of the fleet (fair-share policies)
  int priority = 0;                // larger first (priority policies)
  std::vector<std::string> sites;  // sites its jobs may run on; empty = all
};

// Poisson job stream of one tenant.
struct JobGenerator {
  std::string tenant;
  std::string kind = "batch";
  double rate_per_s = 0;         // mean arrivals per second
  double start_s = 0;            // first possible arrival
  double end_s = 0;              // no arrivals at or after this (default: horizon)
  int64_t max_jobs = 0;          // 0 = unlimited (until end_s)
  Distribution gpus;             // sampled, rounded to an integer >= 1
  std::optional<Distribution> gpu_share;  // sampled in (0, 1): jobs of a fraction of one GPU
  Distribution duration_s;       // sampled, >= 1 s
  double estimate_factor = 1.0;  // user estimate = factor x duration (>= 1: users overestimate)
  int priority = 0;
  std::string site, hardware;    // optional constraints copied to every job
  int32_t training = -1;         // index into Workload::trainings (then duration is unused)
  int32_t serving = -1;          // index into Workload::servings (then gpus is unused)
  RunOptions run;                // copied to every job
};

struct TraceSource {
  std::string path;  // resolved relative to the scenario file
  TraceOptions options;
  int path_line = 0, path_column = 0;  // of `path` in the scenario file; 0 if set by --set
};

struct Workload {
  std::vector<JobSpec> jobs;               // explicit list
  std::vector<JobGenerator> generators;    // synthetic streams
  std::optional<TraceSource> trace;        // imported trace
  std::vector<TrainingWork> trainings;     // `train:` blocks of jobs and generators
  std::vector<ServingWork> servings;       // `serve:` blocks of jobs and generators
};

struct SchedulerConfig {
  std::string policy = "fcfs";
  std::string placement = "first-fit";
  PolicyParams params;  // the policy's own keys, read at load
};

struct OutputConfig {
  std::string dir = "out";       // -o overrides
  bool utilisation_csv = true;   // utilisation.csv can be large for fleet-years
};

// How the engine advances jobs (docs/engine.md); `sovsim run --detail` turns on detailed mode.
struct EngineConfig {
  double flow_segment_s = 3600;  // longest segment of a job with shared traffic, no checkpoints
  bool detail = false;           // collective steps as individual SimGrid comms (small runs)
  double detail_iteration_s = 60;  // progress per iteration in detailed mode
  int detail_max_steps = 16;       // ring steps per iteration: min(2 (N - 1), this)
};

// A dated event that changes the fleet's future (docs/fleet.md#events). Each applies to the
// tranches that match its filters and have not arrived by its date.
struct FleetEvent {
  enum class Kind { kExportRule, kVendorDelay, kHbmShortage, kSubstitution, kPowerCap };
  Kind kind = Kind::kExportRule;
  std::string name;       // label in outputs (default: type and date)
  double date_s = 0;
  std::string hardware, site, owner;  // filters ("" = any)
  std::string hbm;        // kHbmShortage: HBM generation of the hardware it hits
  double keep = 0;        // kExportRule, kHbmShortage: fraction of the nodes still delivered
  Distribution delay_s;   // kVendorDelay: slip added to each matching tranche
  std::string to_hardware;  // kSubstitution: what arrives instead
  double ratio = 1;       // kSubstitution: devices of `to_hardware` per device replaced
  double power_cap_mw = 0;  // kPowerCap: the site's new cap (0 = none)
};

struct Scenario {
  std::string file;  // where it was loaded from
  std::string name;
  std::string description;
  uint64_t seed = 1;
  std::optional<double> start_unix_s;  // `start_date` (UTC): the calendar date of time 0
  double horizon_s = 0;
  std::vector<Site> sites;
  std::vector<Tenant> tenants;
  Workload workload;
  SchedulerConfig scheduler;
  models::FailureRates failures;  // `failures:` (docs/failures.md); disabled when absent
  std::vector<FleetEvent> events;  // `events:` in date order (docs/fleet.md)
  Economics economics;
  EngineConfig engine;
  OutputConfig output;
};

}  // namespace sovsim::sim
