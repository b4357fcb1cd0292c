// sim/scenario/scenario_schema.cpp — the top level, sites, tenants, scheduler, engine, output and
// failures sections of the scenario format (see scenario_schema.hpp). The workload's sections
// are in workload_schema.cpp.
#include "sim/scenario/scenario_schema.hpp"

#include "models/common/units.hpp"
#include "models/failures.hpp"
#include "sim/scenario/energy_keys.hpp"
#include "sim/scenario/limits.hpp"

namespace sovsim::sim::scenario_schema {

using schema::Key;
using schema::Section;
using schema::Type;


const Section kTop{"", {
  {.name = "name", .type = Type::kString, .required = true,
   .description = "Scenario name, copied to `summary.json`."},
  {.name = "description", .type = Type::kString, .shown_default = "`\"\"`", .description = "Free text."},
  {.name = "seed", .type = Type::kInteger, .fallback = 1, .min = 0, .max = 9007199254740992.0,
   .type_text = "integer 0…2⁵³", .description = "Seed of every random stream of the run. Same scenario + seed → byte-identical "
                  "outputs. `--seed N` overrides it."},
  {.name = "start_date", .type = Type::kString, .shown_default = "none",
   .type_text = "ISO date (UTC)",
   .description = "Calendar date of time 0, e.g. `2026-01-01`. With it, any time key (`submit`, "
                  "`start`, `end`, `horizon`, delivery and event dates) also accepts an ISO date "
                  "(`2026-03-01`, `2026-03-01T06:00`), and outputs add dates (docs/calendar.md)."},
  {.name = "horizon", .type = Type::kTime, .min = 1, .max = kMaxHorizon_s, .required = true,
   .description = "Simulated time span (at most 100 years), or the date the run ends. Jobs submitted at or after it are "
                  "dropped (counted as `beyond_horizon`); jobs still running or queued at the "
                  "horizon are reported as `running` / `queued`."},
  {.name = "sites", .type = Type::kList, .required = true, .section = &kSite,
   .type_text = "list of [sites](#sites)", .description = "Datacenters and their nodes."},
  {.name = "tenants", .type = Type::kList, .required = true, .section = &kTenant,
   .type_text = "list of [tenants](#tenants)",
   .description = "Organisations whose jobs run on the fleet."},
  {.name = "workload", .type = Type::kMap, .required = true, .section = &kWorkload,
   .type_text = "[map](#workload)",
   .description = "Jobs: explicit, generated, or imported from a trace."},
  {.name = "scheduler", .type = Type::kMap, .section = &kScheduler, .shown_default = "fcfs, first-fit",
   .type_text = "[map](#scheduler)", .description = "Scheduling policy and placement."},
  {.name = "engine", .type = Type::kMap, .section = &kEngine, .type_text = "[map](#engine)",
   .description = "How the engine advances jobs (segment length, detailed mode)."},
  {.name = "failures", .type = Type::kMap, .section = &kFailures, .shown_default = "absent: no failures",
   .description = "Node and rack failures, repairs (keys in [failures.md](failures.md#yaml-keys)). "
                  "`failures: {}` turns them on at the Llama 3 rates."},
  {.name = "economics", .type = Type::kMap, .section = &kEconomics, .type_text = "[map](#economics)",
   .description = "Power, electricity price, grid carbon and capital assumptions (docs/energy.md)."},
  {.name = "events", .type = Type::kList, .section = &kEvent, .type_text = "list of [events](#events)",
   .description = "Dated changes to the deliveries still to come: export rules, vendor delays, "
                  "HBM shortages, substitutions, power caps (docs/fleet.md)."},
  {.name = "output", .type = Type::kMap, .section = &kOutput, .type_text = "[map](#output)",
   .description = "Where and what to write."},
}};

const Section kSite{"sites[]", {
  {.name = "name", .type = Type::kString, .required = true,
   .description = "Unique site name (used in `tenants[].sites`, job constraints, outputs)."},
  {.name = "nodes", .type = Type::kList, .required = true, .section = &kNodeGroup,
   .shown_default = "**required**, ≥ 1", .type_text = "list of node groups",
   .description = "Groups of identical nodes (below). A site may mix hardware."},
  {.name = "wan_gbps", .type = Type::kNumber, .unit = "Gb/s", .fallback = 400, .min = 0.001, .max = 1e9,
   .description = "The site's link to the national backbone (inter-site traffic crosses the WAN "
                  "links of both ends)."},
  {.name = "wan_latency_ms", .type = Type::kNumber, .unit = "ms", .fallback = 2, .min = 0, .max = 1e6,
   .description = "Latency of that link."},
  {.name = "fabric", .type = Type::kMap, .section = &kFabric, .shown_default = "non-blocking",
   .type_text = "map (below)", .description = "The site's scale-out network (below)."},
  SOVSIM_ENERGY_PRICE_KEYS("`economics`' value"),
  {.name = "power_cap_mw", .type = Type::kNumber, .unit = "MW", .fallback = 0, .min = 0, .max = 1e6,
   .shown_default = "`0`: none",
   .description = "IT power the site may draw. A job starts only if the site's draw with it stays "
                  "within the cap (idle capacity counts; running jobs are never stopped). "
                  "`power_cap` events change it over time (docs/energy.md#power-cap)."},
  {.name = "operator", .type = Type::kString, .shown_default = "none",
   .description = "Tenant that owns the site's capacity no group or tranche `owner` claims (its "
                  "entitlement, and the idle capacity charged to it)."},
}};

const Section kNodeGroup{"sites[].nodes[]", {
  {.name = "hardware", .type = Type::kString, .required = true,
   .description = "A name from the hardware catalog (`docs/hardware.md`): `A100`, `H100`, `H200`, "
                  "`B200`, `GB200`, `GB300`, `MI300X`, `RNGD`, ..."},
  {.name = "count", .type = Type::kInteger, .unit = "nodes", .min = 0, .max = kMaxNodesPerGroup,
   .choices = {"trace"}, .shown_default = "**required** unless `deliveries` is given",
   .type_text = "integer 0…10,000,000, or `trace`",
   .description = "Number of nodes (SimGrid hosts). `0` is allowed so sweeps can switch a group "
                  "off. `trace` sizes the group to the trace's `MaxProcs` (or `MaxNodes`) header ÷ "
                  "`gpus_per_node`, or to its largest job without such a header — how "
                  "`scenarios/replay/swf.yaml` builds the flat cluster of classic batch simulators."},
  {.name = "gpus_per_node", .type = Type::kInteger, .unit = "GPUs", .fallback = 8, .min = 1, .max = 1024,
   .shown_default = "catalog value",
   .description = "Accelerators per node (8 for HGX, 4 per GB200/GB300 compute tray)."},
  {.name = "spares", .type = Type::kInteger, .unit = "nodes", .fallback = 0, .min = 0, .max = kMaxNodesPerGroup,
   .type_text = "integer 0…`count`",
   .description = "Hot spares among the group's nodes, held out of scheduling. With `failures`, a "
                  "spare replaces a failed node at once (a large job restarts without waiting for "
                  "the repair) and the repaired node goes back to the shelf; idle spares do not fail. "
                  "With `deliveries`, spares come from the nodes installed at time 0."},
  {.name = "owner", .type = Type::kString, .shown_default = "the site's `operator`",
   .description = "Tenant that owns the group's capacity (docs/fleet.md#ownership)."},
  {.name = "deliveries", .type = Type::kList, .section = &kDelivery,
   .shown_default = "none: all `count` nodes at time 0", .type_text = "list of [deliveries](#deliveries)",
   .description = "Tranches that arrive over time. `count` may then be left out (the sum of the "
                  "tranches); if given, nodes beyond the tranches are installed at time 0."},
  {.name = "retire", .type = Type::kTime, .min = 0, .max = kMaxDuration_s, .shown_default = "never",
   .description = "When the group leaves service: jobs still on its nodes are preempted (losing "
                  "the work since their last checkpoint) and rejoin the queue."},
  {.name = "drain", .type = Type::kDuration, .fallback = 0, .min = 0, .max = kMaxDuration_s,
   .description = "For this long before `retire`, its nodes take no new jobs (running ones go on)."},
  {.name = "mig", .type = Type::kString, .shown_default = "none: whole GPUs",
   .description = "Partition every GPU into MIG instances of this profile of the hardware's "
                  "`mig_profiles` (`1g.18gb` on H200: 7 per GPU). The group then runs only jobs "
                  "asking for a fraction of a GPU that fits one instance; each instance has its own "
                  "SMs and HBM bandwidth, so neighbours never slow it ([gpu-sharing.md](gpu-sharing.md))."},
  {.name = "shared", .type = Type::kInteger, .unit = "slots", .fallback = 0, .min = 2, .max = 64,
   .shown_default = "none: whole GPUs",
   .description = "Share every GPU among this many jobs (time-slicing or MPS: each slot has "
                  "1/`shared` of the SMs, HBM bandwidth is contended). The group runs only jobs "
                  "asking for at most 1/`shared` of a GPU; jobs on one GPU whose `hbm_demand` adds "
                  "up to more than 1 slow each other ([gpu-sharing.md](gpu-sharing.md))."},
}};

const Section kFabric{"sites[].fabric", {
  {.name = "nodes_per_leaf", .type = Type::kInteger, .unit = "nodes", .fallback = 32, .min = 1, .max = 1'000'000,
   .description = "Hosts under one leaf (top-of-rack) switch. Each node group starts a new leaf and "
                  "fills leaves in node order; make it a multiple of the rack's nodes per NVLink "
                  "domain (18 for GB200 NVL72) so racks never straddle a leaf."},
  {.name = "leaves_per_pod", .type = Type::kInteger, .unit = "leaves", .fallback = 16, .min = 1, .max = 1'000'000,
   .description = "Leaves under one pod (spine group); a site's leaves fill pods in order."},
  {.name = "leaf_uplink_oversubscription", .type = Type::kNumber, .unit = "ratio", .fallback = 1, .min = 1, .max = 1e6,
   .description = "Leaf downlink : uplink capacity. `1` is non-blocking (1:1), `4` means 4:1: a "
                  "leaf's uplinks carry a quarter of its hosts' NIC bandwidth."},
  {.name = "pod_uplink_oversubscription", .type = Type::kNumber, .unit = "ratio", .fallback = 1, .min = 1, .max = 1e6,
   .description = "The same for a pod's uplinks to the site core."},
  {.name = "link_latency_us", .type = Type::kMap, .unit = "µs", .section = &kLinkLatency,
   .shown_default = "`{leaf: 1, pod: 2, core: 5}`", .type_text = "map `{leaf, pod, core}` of numbers ≥ 0",
   .description = "Latency of a NIC-to-leaf link, a leaf uplink and a pod uplink."},
  {.name = "storage_gbps", .type = Type::kNumber, .unit = "Gb/s", .fallback = 1000, .min = 0.001, .max = 1e9,
   .description = "Bandwidth of the site's shared storage, attached to the core."},
  {.name = "storage_pb", .type = Type::kNumber, .unit = "PB", .fallback = 0, .min = 0, .max = 1e9,
   .shown_default = "`0` (not given)",
   .description = "Capacity of that storage (described, not simulated: checkpoints overwrite)."},
}};

const Section kLinkLatency{"sites[].fabric.link_latency_us", {
  {.name = "leaf", .type = Type::kNumber, .unit = "µs", .fallback = 1, .min = 0, .max = 1e6,
   .description = "NIC to leaf."},
  {.name = "pod", .type = Type::kNumber, .unit = "µs", .fallback = 2, .min = 0, .max = 1e6,
   .description = "Leaf uplink."},
  {.name = "core", .type = Type::kNumber, .unit = "µs", .fallback = 5, .min = 0, .max = 1e6,
   .description = "Pod uplink."},
}};

const Section kTenant{"tenants[]", {
  {.name = "name", .type = Type::kString, .required = true, .description = "Unique tenant name."},
  {.name = "description", .type = Type::kString, .shown_default = "`\"\"`", .description = "Free text."},
  {.name = "share", .type = Type::kNumber, .unit = "fraction", .fallback = 0, .min = 0, .max = 1,
   .description = "Entitled fraction of the fleet (used by fair-share policies; reported beside "
                  "usage). Shares must add up to at most 1."},
  {.name = "priority", .type = Type::kInteger, .fallback = 0, .min = -1000, .max = 1000,
   .description = "Larger is more important (priority policies)."},
  {.name = "sites", .type = Type::kStringList, .shown_default = "all sites", .type_text = "list of site names",
   .description = "Sites this tenant's jobs may run on."},
}};

const Section kScheduler{"scheduler", {
  {.name = "policy", .type = Type::kChoice, .text_fallback = "fcfs",
   .choices = {"conservative", "easy", "fair-share", "fcfs", "las", "priority", "sjf"},
   .description = "`fcfs`: strict first-come first-served; a job that does not fit blocks every job "
                  "behind it. `easy`, `conservative`: backfilling on user estimates. `sjf`: shortest "
                  "true duration first (oracle). `fair-share`: tenants served by usage ÷ share, idle "
                  "GPUs lent, lent GPUs reclaimed by preemption. `priority`: tenant then job "
                  "priority, preempting lower priority by least checkpoint loss. `las`: "
                  "Tiresias-style least attained GPU-time with demotion thresholds. Semantics: "
                  "`docs/scheduling.md`, `docs/scheduling-multitenant.md`. Each policy accepts only "
                  "its own keys below."},
  {.name = "placement", .type = Type::kChoice, .text_fallback = "first-fit",
   .choices = {"first-fit", "pack", "topology"},
   .description = "`first-fit`: the lowest-numbered node with enough free GPUs (small jobs), or the "
                  "lowest-numbered idle nodes (multi-node jobs), in the first eligible node group "
                  "that has room. `pack`: best fit — a small job goes to the node with the fewest "
                  "free GPUs that still fits it, keeping idle nodes whole for multi-node jobs. "
                  "`topology`: small jobs best fit; a multi-node job takes idle nodes from as few "
                  "placement groups as possible — NVLink domains in NVL72 node groups, leaves "
                  "elsewhere, then pods ([engine.md](engine.md#cluster-state-and-placement))."},
  {.name = "max_queue_scan", .type = Type::kInteger, .unit = "jobs", .fallback = 1000, .min = 1, .max = 1e9,
   .description = "`conservative` only: queued jobs given a reservation at each call."},
  {.name = "blocking", .type = Type::kBoolean, .fallback = 0,
   .description = "`sjf` only: `true` makes the shortest job block the queue until it fits."},
  {.name = "reclaim", .type = Type::kBoolean, .fallback = 1,
   .description = "`fair-share` only: an under-share tenant takes lent GPUs back by preemption."},
  {.name = "min_runtime_before_preempt", .type = Type::kDuration, .fallback = 0, .min = 0, .max = kMaxDuration_s,
   .description = "`fair-share` only: jobs whose current run is younger are not reclaimed."},
  {.name = "preempt", .type = Type::kBoolean, .fallback = 1,
   .description = "`priority` only: preempt lower-priority jobs when that makes a job fit."},
  {.name = "backfill", .type = Type::kBoolean, .fallback = 0,
   .description = "`priority` only: start lower-priority jobs that fit while a higher one waits."},
  {.name = "queue_thresholds_gpu_h", .type = Type::kNumberList, .unit = "GPU-h",
   .shown_default = "`[1, 10, 100]`",
   .description = "`las` only: queue boundaries in attained GPU-hours, strictly increasing, > 0."},
  {.name = "starvation_promote_after", .type = Type::kDuration, .fallback = 0, .min = 0, .max = kMaxDuration_s,
   .shown_default = "`0` = off",
   .description = "`las` only: a job waiting longer goes back to the top queue."},
}};

const Section kEngine{"engine", {
  {.name = "flow_segment", .type = Type::kDuration, .fallback = 3600, .min = 1, .max = kMaxDuration_s,
   .description = "Longest segment of a job whose traffic crosses shared links (and that has no "
                  "shorter checkpoint interval): the grain at which its computation and its "
                  "communication alternate in the fluid model. Shorter is closer to detailed mode, "
                  "and slower."},
  {.name = "detail", .type = Type::kBoolean, .fallback = 0,
   .description = "Detailed mode: each iteration's collective steps as individual SimGrid comms "
                  "(`sovsim run --detail`). For small scenarios and for checking the fluid model."},
  {.name = "detail_iteration", .type = Type::kDuration, .fallback = 60, .min = 0.001, .max = kMaxDuration_s,
   .description = "Progress per iteration in detailed mode for duration-defined jobs (a `train:` "
                  "job's iteration is its training step)."},
  {.name = "detail_max_steps", .type = Type::kInteger, .unit = "steps", .fallback = 16, .min = 1, .max = 100000,
   .description = "Ring steps per iteration in detailed mode: min(2 (N − 1), this) for a job on N nodes."},
}};

const Section kOutput{"output", {
  {.name = "dir", .type = Type::kString, .text_fallback = "out",
   .description = "Output directory (relative to the working directory); `-o DIR` overrides it."},
  {.name = "utilisation_csv", .type = Type::kBoolean, .fallback = 1,
   .description = "Write `utilisation.csv` (can be large for fleet-years with many tenants)."},
}};

constexpr double kMaxRatePerYear = 1e6;  // far beyond any real part; catches unit mistakes only

const Section kFailures{"failures", {
  {.name = "enabled", .type = Type::kBoolean, .fallback = 1, .shown_default = "`true` when the section is present",
   .description = "`false` turns failures off but keeps the section (handy for `--set failures.enabled=false`)."},
  {.name = "gpu_per_year", .type = Type::kNumber, .unit = "failures per GPU per year",
   .fallback = models::FailureRates{}.gpu_per_year, .min = 0, .max = kMaxRatePerYear,
   .shown_default = "`0.08086` (196 / 2,424 GPU-years)",
   .description = "GPU die, SRAM, system processor, silent data corruption, thermal."},
  {.name = "hbm_per_year", .type = Type::kNumber, .unit = "failures per GPU per year",
   .fallback = models::FailureRates{}.hbm_per_year, .min = 0, .max = kMaxRatePerYear,
   .shown_default = "`0.02970` (72 / 2,424)", .description = "HBM stacks."},
  {.name = "network_per_year", .type = Type::kNumber, .unit = "failures per GPU per year",
   .fallback = models::FailureRates{}.network_per_year, .min = 0, .max = kMaxRatePerYear,
   .shown_default = "`0.01733` (42 / 2,424)", .description = "NIC, switch port, cable."},
  {.name = "host_per_year", .type = Type::kNumber, .unit = "failures per GPU per year",
   .fallback = models::FailureRates{}.host_per_year, .min = 0, .max = kMaxRatePerYear,
   .shown_default = "`0.04497` (109 / 2,424)",
   .description = "Software, host maintenance, CPU, DRAM, PSU, SSD, chassis."},
  {.name = "domain_per_year", .type = Type::kNumber, .unit = "failures per domain per year", .fallback = 1,
   .min = 0, .max = kMaxRatePerYear,
   .description = "Whole-domain failures of each multi-node scale-up domain (NVL72 rack); all its "
                  "nodes go down together."},
  {.name = "repair", .type = Type::kMap, .unit = "duration, ln-σ", .section = &kRepair,
   .shown_default = "`{median: 4h, sigma: 1.0}`", .type_text = "map `{median, sigma}`",
   .description = "Time a failed node stays out of service: log-normal with this median and σ of ln (σ 0…10)."},
  {.name = "domain_repair", .type = Type::kMap, .unit = "duration, ln-σ", .section = &kRepair,
   .shown_default = "`{median: 24h, sigma: 1.0}`", .type_text = "map `{median, sigma}`",
   .description = "The same for a failed domain."},
  {.name = "restart", .type = Type::kDuration, .fallback = 600, .min = 0, .max = kMaxDuration_s,
   .description = "Time an interrupted job spends, once it has GPUs again, before it makes "
                  "progress: relaunch, communicator set-up, reading its checkpoint. Counted in "
                  "`failure_lost_s` as it is spent."},
}};

// Defaults differ between `repair` and `domain_repair`: the reader passes them.
const Section kRepair{"failures.repair", {
  {.name = "median", .type = Type::kDuration, .min = 0, .max = kMaxDuration_s, .description = "Median repair time."},
  {.name = "sigma", .type = Type::kNumber, .min = 0, .max = 10, .description = "σ of ln(repair time)."},
}};

}  // namespace sovsim::sim::scenario_schema
