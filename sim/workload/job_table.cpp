// sim/workload/job_table.cpp — see job_table.hpp.
#include "sim/workload/job_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "models/common/rng.hpp"
#include "sim/scenario/limits.hpp"
#include "sim/trace/trace_importer.hpp"
#include "sim/workload/service_plan.hpp"
#include "sim/workload/serving_work.hpp"
#include "sim/workload/training_work.hpp"

namespace sovsim::sim {

std::vector<JobSpec> generate_jobs(const JobGenerator& g, uint64_t seed, uint64_t stream,
                                   double horizon_s, int64_t first_id) {
  std::vector<JobSpec> out;
  Rng rng(seed, stream);
  const double end_s = std::min(g.end_s, horizon_s);
  double t = g.start_s;
  while (g.max_jobs == 0 || static_cast<int64_t>(out.size()) < g.max_jobs) {
    t += rng.exponential(1.0 / g.rate_per_s);
    if (t >= end_s) break;
    JobSpec j;
    j.id = first_id + static_cast<int64_t>(out.size());
    j.tenant = g.tenant;
    j.kind = g.kind;
    j.submit_s = t;
    if (g.gpu_share) {  // a fraction of one GPU; a draw of 1 or more is one whole GPU
      const double share = g.gpu_share->sample(rng);
      j.gpu_share = share < 1 ? std::max(share, 1e-3) : 0;
    } else {
      j.gpus = static_cast<int>(std::max(1.0, std::round(g.gpus.sample(rng))));
    }
    j.duration_s = std::max(1.0, g.duration_s.sample(rng));
    j.estimate_s = j.duration_s * g.estimate_factor;
    j.priority = g.priority;
    j.training = g.training;
    j.run = g.run;
    j.serving = g.serving;
    j.site = g.site;
    j.hardware = g.hardware;
    out.push_back(std::move(j));
  }
  return out;
}

namespace {

// Pools a job may use: its tenant's sites, its own site/hardware constraints, and GPU sharing
// (Pool::accepts). A job asking for a share of a GPU tries the partitioned groups first: on a
// whole-GPU group it holds a whole GPU.
std::vector<int> eligible(const Scenario& s, const Cluster& cluster, const Tenant& tenant,
                          const JobSpec& spec) {
  std::vector<int> pools;
  for (size_t p = 0; p < cluster.pools().size(); ++p) {
    const Pool& pool = cluster.pools()[p];
    const bool tenant_ok = tenant.sites.empty() ||
        std::find(tenant.sites.begin(), tenant.sites.end(), pool.site_name) != tenant.sites.end();
    if (tenant_ok && (spec.site.empty() || spec.site == pool.site_name) &&
        (spec.hardware.empty() || spec.hardware == pool.hardware) &&
        pool.accepts(spec.gpu_share)) {
      pools.push_back(static_cast<int>(p));
    }
  }
  std::stable_partition(pools.begin(), pools.end(),
                        [&](int p) { return cluster.pools()[p].partitioned; });
  return pools;
}

}  // namespace

Result<WorkloadJobs> collect_jobs(const Scenario& s) {
  WorkloadJobs out;
  std::vector<JobSpec>& specs = out.specs;
  specs = s.workload.jobs;
  if (s.workload.trace) {
    const TraceSource& trace = *s.workload.trace;
    auto imported = import_trace(trace.path, trace.options);
    if (!imported.ok()) {
      // A trace file that cannot be read has no line of its own: report it at the scenario's
      // `path` (or as a --set value when it came from the command line).
      Diagnostics diagnostics = imported.diagnostics();
      for (Diagnostic& d : diagnostics) {
        if (d.file != trace.path || d.line > 0 || !d.key.empty()) continue;
        d.message = fmt::format("{}: {}{}", d.file, d.message,
                                trace.path_line > 0 ? "" : " (value set on the command line)");
        d.file = trace.path_line > 0 ? s.file : "";
        d.line = trace.path_line;
        d.column = trace.path_column;
        d.key = "workload.trace.path";
      }
      return diagnostics;
    }
    out.notes = imported->notes;
    out.trace_max_procs = imported->max_procs;
    out.trace_jobs = static_cast<int64_t>(imported->jobs.size());
    out.trace_skipped = imported->skipped;
    specs.insert(specs.end(), std::make_move_iterator(imported->jobs.begin()),
                 std::make_move_iterator(imported->jobs.end()));
  }
  std::vector<int64_t> ids;
  ids.reserve(specs.size());
  for (const auto& spec : specs) ids.push_back(spec.id);
  std::sort(ids.begin(), ids.end());
  Diagnostics diagnostics;
  for (size_t i = 1; i < ids.size(); ++i) {
    if (ids[i] == ids[i - 1] && (i < 2 || ids[i - 2] != ids[i])) {
      diagnostics.push_back({s.file, 0, 0, "workload",
                             fmt::format("job id {} appears twice (explicit jobs and trace)", ids[i])});
    }
  }
  if (!diagnostics.empty()) return diagnostics;
  int64_t next_id = ids.empty() ? 1 : ids.back() + 1;
  for (size_t g = 0; g < s.workload.generators.size(); ++g) {
    auto generated = generate_jobs(s.workload.generators[g], s.seed, 1000 + g, s.horizon_s, next_id);
    out.generated_ids.emplace_back(next_id, static_cast<int64_t>(generated.size()));
    next_id += static_cast<int64_t>(generated.size());
    specs.insert(specs.end(), std::make_move_iterator(generated.begin()),
                 std::make_move_iterator(generated.end()));
  }
  sort_by_submit_time(specs);
  return out;
}

Diagnostics size_sites_from_trace(Scenario& s, const WorkloadJobs& jobs) {
  Diagnostics diagnostics;
  int64_t procs = jobs.trace_max_procs;
  const bool from_header = procs > 0;
  if (!from_header) {  // no MaxProcs/MaxNodes header: the largest job must fit
    for (const auto& spec : jobs.specs) procs = std::max<int64_t>(procs, spec.gpus);
  }
  for (size_t i = 0; i < s.sites.size(); ++i) {
    for (size_t j = 0; j < s.sites[i].nodes.size(); ++j) {
      NodeGroup& group = s.sites[i].nodes[j];
      if (!group.count_from_trace) continue;
      group.count = procs / group.gpus_per_node + (procs % group.gpus_per_node != 0);
      if (group.count <= kMaxNodesPerGroup) continue;
      diagnostics.push_back(Diagnostic{
          s.file, 0, 0, fmt::format("sites[{}].nodes[{}].count", i, j),
          fmt::format("'trace' sizes the group from {} ({} {}) to {} nodes of {} GPUs, more than "
                      "the limit of {} nodes per group; give the group an explicit count",
                      s.workload.trace ? s.workload.trace->path : std::string("the trace"), procs,
                      from_header ? "processors in its MaxProcs/MaxNodes header"
                                  : "GPUs in its largest job",
                      group.count, group.gpus_per_node, kMaxNodesPerGroup)});
      group.count = 0;
    }
  }
  return diagnostics;
}

namespace {

// Run time of each model-defined (training, gpus) pair on every pool, computed once per
// hardware type; NaN where the job cannot run.
class RuntimeProfiles {
 public:
  RuntimeProfiles(const Scenario& s, const Cluster& cluster, const models::Catalogs& catalogs)
      : s_(s), cluster_(cluster), catalog_(catalogs.hardware), models_(catalogs.transformers) {}

  int32_t profile(int32_t training, int gpus, JobTable& table) {
    auto [it, added] = index_.try_emplace({training, gpus}, table.runtime_profiles.size());
    if (!added) return it->second;
    std::vector<double> per_pool, network;
    std::map<std::string, TrainingRun> by_hardware;
    const TrainingWork& work = s_.workload.trainings[training];
    const models::Transformer* model = models_.find(work.model);
    for (const Pool& pool : cluster_.pools()) {
      auto [hw_it, fresh] = by_hardware.try_emplace(pool.hardware, TrainingRun{std::nan(""), 0});
      if (fresh && model) {
        if (auto run = training_run(work, *model, gpus, *catalog_.find(pool.hardware))) {
          hw_it->second = *run;
        }
      }
      per_pool.push_back(hw_it->second.run_time_s);
      network.push_back(hw_it->second.network_fraction);
    }
    table.runtime_profiles.push_back(std::move(per_pool));
    table.network_profiles.push_back(std::move(network));
    table.profile_checkpoint_bytes.push_back(model ? training_checkpoint_bytes(*model) : 0);
    table.profile_iterations.push_back(std::max<int64_t>(1, work.total_iterations()));
    table.profile_tokens.push_back(static_cast<double>(work.total_iterations()) * work.global_batch *
                                   work.seq_len);
    return it->second;
  }

 private:
  const Scenario& s_;
  const Cluster& cluster_;
  const models::HardwareCatalog& catalog_;
  const models::TransformerCatalog& models_;
  std::map<std::pair<int32_t, int>, int32_t> index_;
};

// Sizes model-defined services (serve:) once per (service, hardware type).
class ServiceSizer {
 public:
  explicit ServiceSizer(const models::Catalogs& catalogs)
      : catalog_(catalogs.hardware), models_(catalogs.transformers) {}

  // The hardware among `pools` that serves it with the fewest GPUs (ties: pool order), with
  // that GPU count; nullopt if none can.
  std::optional<std::pair<std::string, int>> choose(int32_t serving, const ServingWork& work,
                                                    const Cluster& cluster,
                                                    const std::vector<int>& pools) {
    std::optional<std::pair<std::string, int>> best;
    for (int p : pools) {
      const Pool& pool = cluster.pools()[p];
      auto [it, fresh] = sizes_.try_emplace({serving, pool.hardware});
      const models::Transformer* model = models_.find(work.model);
      if (fresh && model) {
        const int max_gpus = static_cast<int>(std::min<int64_t>(pool.total_gpus(), 1 << 20));
        if (auto size = size_service(work, *model, *catalog_.find(pool.hardware), max_gpus)) {
          it->second = size->gpus();
        }
      }
      if (it->second > 0 && (!best || it->second < best->second)) best.emplace(pool.hardware, it->second);
    }
    return best;
  }

 private:
  const models::HardwareCatalog& catalog_;
  const models::TransformerCatalog& models_;
  std::map<std::pair<int32_t, std::string>, int> sizes_;  // 0: cannot serve
};

// Replaces each living service's spec by its replica jobs, sized on the hardware the sizer picks
// for it (service_plan.hpp); appends the services to `services` and returns the replicas by job
// id. A service no hardware can serve within its SLOs stays one spec (then rejected as before).
std::map<int64_t, ReplicaOf> expand_living_services(const Scenario& s, const Cluster& cluster,
                                                    const models::Catalogs& catalogs,
                                                    ServiceSizer& sizer, std::vector<JobSpec>& specs,
                                                    std::vector<LivingService>& services) {
  std::map<int64_t, ReplicaOf> replicas;
  auto living = [&](const JobSpec& spec) {
    return spec.serving >= 0 && s.workload.servings[spec.serving].autoscale.enabled;
  };
  if (std::none_of(specs.begin(), specs.end(), living)) return replicas;  // most runs
  int64_t next_id = 1;
  for (const JobSpec& spec : specs) next_id = std::max(next_id, spec.id + 1);
  std::vector<JobSpec> out;
  out.reserve(specs.size());
  bool expanded = false;
  for (JobSpec& spec : specs) {
    const ServingWork* work = spec.serving >= 0 ? &s.workload.servings[spec.serving] : nullptr;
    const auto tenant = std::find_if(s.tenants.begin(), s.tenants.end(),
                                     [&](const Tenant& t) { return t.name == spec.tenant; });
    if (!work || !work->autoscale.enabled || tenant == s.tenants.end() ||
        spec.submit_s >= s.horizon_s) {
      out.push_back(std::move(spec));
      continue;
    }
    const auto choice =
        sizer.choose(spec.serving, *work, cluster, eligible(s, cluster, *tenant, spec));
    const models::Transformer* model = catalogs.transformers.find(work->model);
    const auto point = choice && model ? replica_point(*work, *model,
                                                       *catalogs.hardware.find(choice->first))
                                       : std::nullopt;
    if (!point) {
      out.push_back(std::move(spec));
      continue;
    }
    LivingService svc{spec.id, static_cast<uint16_t>(tenant - s.tenants.begin()), choice->first,
                      point->tp, point->requests_per_s, point->ttft_s, point->tpot_s,
                      spec.submit_s, std::min(s.horizon_s, spec.submit_s + spec.duration_s), 0,
                      *work};
    const auto wanted = replicas_wanted(*work, point->requests_per_s, svc.begin_s, svc.end_s);
    svc.peak_replicas = wanted.empty() ? 0 : *std::max_element(wanted.begin(), wanted.end());
    for (const ReplicaRun& run :
         plan_replicas(*work, point->requests_per_s, svc.begin_s, svc.end_s)) {
      JobSpec r = spec;
      r.id = next_id++;
      r.serving = -1;
      r.gpus = point->tp;
      r.hardware = choice->first;
      r.submit_s = run.start_s;
      r.duration_s = r.estimate_s = run.end_s - run.start_s;
      replicas[r.id] = {static_cast<int32_t>(services.size()), run.end_s};
      out.push_back(std::move(r));
    }
    services.push_back(std::move(svc));
    expanded = true;
  }
  specs = std::move(out);
  if (expanded) sort_by_submit_time(specs);
  return replicas;
}

}  // namespace

Result<JobTable> build_job_table(const Scenario& s, const Cluster& cluster,
                                 const models::Catalogs& catalogs, WorkloadJobs input) {
  RuntimeProfiles profiles(s, cluster, catalogs);
  ServiceSizer sizer(catalogs);
  int64_t fit_nowhere = 0;
  JobTable table;
  table.notes = std::move(input.notes);
  table.generated_ids = std::move(input.generated_ids);
  table.trace_jobs = input.trace_jobs;
  table.trace_skipped = input.trace_skipped;
  std::vector<JobSpec>& specs = input.specs;
  const std::map<int64_t, ReplicaOf> replica_by_id =
      expand_living_services(s, cluster, catalogs, sizer, specs, table.services);
  Diagnostics diagnostics;
  std::map<std::string, uint16_t> tenant_index, kind_index;
  for (size_t t = 0; t < s.tenants.size(); ++t) tenant_index[s.tenants[t].name] = t;
  std::map<std::tuple<uint16_t, std::string, std::string, int32_t, double>, uint32_t> eligibility_index;
  table.jobs.reserve(specs.size());
  for (auto& spec : specs) {
    if (spec.submit_s >= s.horizon_s) {
      ++table.beyond_horizon;
      continue;
    }
    auto tenant = tenant_index.find(spec.tenant);
    if (tenant == tenant_index.end()) {
      diagnostics.push_back({s.file, 0, 0, "workload",
                             fmt::format("job {}: tenant '{}' is not declared in tenants", spec.id,
                                         spec.tenant)});
      continue;
    }
    if (spec.serving >= 0) {
      // Sized on the hardware that needs the fewest GPUs, and pinned to it.
      auto choice = sizer.choose(spec.serving, s.workload.servings[spec.serving], cluster,
                                 eligible(s, cluster, s.tenants[tenant->second], spec));
      spec.gpus = choice ? choice->second : 1;
      spec.hardware = choice ? choice->first : "(none meets the SLO)";
      fit_nowhere += !choice;
    }
    Job job;
    job.id = spec.id;
    job.tenant = tenant->second;
    job.kind = kind_index.try_emplace(spec.kind, kind_index.size()).first->second;
    if (job.kind == table.kinds.size()) table.kinds.push_back(spec.kind);
    job.profile = spec.training >= 0 ? profiles.profile(spec.training, spec.gpus, table) : -1;
    auto key = std::make_tuple(job.tenant, spec.site, spec.hardware, job.profile, spec.gpu_share);
    auto [it, added] = eligibility_index.try_emplace(key, table.eligible_pools.size());
    if (added) {
      std::vector<int> pools = eligible(s, cluster, s.tenants[job.tenant], spec);
      if (job.profile >= 0) {  // only where the model says it can run
        const auto& runtime = table.runtime_profiles[job.profile];
        std::erase_if(pools, [&](int p) { return std::isnan(runtime[p]); });
      }
      table.eligible_pools.push_back(std::move(pools));
    }
    job.eligibility = it->second;
    job.gpus = spec.gpus;
    // A service (serve:, or kind infer) keeps no state worth losing: after a failure its replica
    // restarts and goes on; it loses availability, not work.
    job.service = spec.serving >= 0 || spec.kind == "infer";
    job.priority = spec.priority;
    job.submit_s = spec.submit_s;
    job.duration_s = spec.duration_s;
    job.estimate_s = spec.estimate_s > 0 ? spec.estimate_s : spec.duration_s;
    if (job.profile >= 0) {
      // Fastest pool as the nominal duration; the slowest as the user's estimate (unless given).
      double fastest = 0, slowest = 0;
      for (int p : table.eligible_pools[job.eligibility]) {
        const double t = table.runtime_profiles[job.profile][p];
        fastest = fastest > 0 ? std::min(fastest, t) : t;
        slowest = std::max(slowest, t);
      }
      fit_nowhere += table.eligible_pools[job.eligibility].empty();
      job.duration_s = fastest;
      job.estimate_s = spec.estimate_s > 0 ? spec.estimate_s : slowest;
    }
    job.remaining_s = spec.duration_s;
    job.checkpoint_interval_s = spec.run.checkpoint_interval_s;
    job.checkpoint_rule = spec.run.checkpoint_rule;
    job.network_fraction = static_cast<float>(spec.run.network_fraction);
    if (spec.gpu_share > 0) {
      table.gpu_shares[static_cast<JobIndex>(table.jobs.size())] = {
          spec.gpu_share, spec.run.hbm_demand >= 0 ? spec.run.hbm_demand : spec.gpu_share};
    }
    job.checkpoint_bytes = job.profile >= 0 && spec.run.checkpoint_bytes <= 0
                               ? table.profile_checkpoint_bytes[job.profile]
                               : spec.run.checkpoint_bytes;
    if (!replica_by_id.empty()) {
      if (auto r = replica_by_id.find(spec.id); r != replica_by_id.end()) {
        table.replicas[static_cast<JobIndex>(table.jobs.size())] = r->second;
      }
    }
    if (spec.serving >= 0) {
      const ServingWork& work = s.workload.servings[spec.serving];
      table.service_tokens_per_s[static_cast<JobIndex>(table.jobs.size())] =
          work.requests_per_s * work.rate_profile.mean() * (work.input_tokens + work.output_tokens);
    }
    table.jobs.push_back(std::move(job));
  }
  if (!diagnostics.empty()) return diagnostics;
  if (fit_nowhere > 0) {
    table.notes.push_back(fmt::format(
        "{} model-defined jobs (train/serve) fit on no hardware their tenant may use, or meet "
        "no SLO there (rejected at arrival)",
        fit_nowhere));
  }
  return table;
}

Result<PreparedWorkload> prepare_workload(Scenario scenario,
                                          const models::Catalogs& catalogs) {
  auto jobs = collect_jobs(scenario);
  if (!jobs.ok()) return jobs.diagnostics();
  if (auto too_large = size_sites_from_trace(scenario, jobs.value()); !too_large.empty()) {
    return too_large;
  }
  CapacityPlan capacity = plan_capacity(scenario, catalogs.hardware);
  Cluster cluster(scenario.sites);
  auto table = build_job_table(scenario, cluster, catalogs, std::move(jobs).value());
  if (!table.ok()) return table.diagnostics();
  return PreparedWorkload{std::move(scenario), std::move(capacity), std::move(cluster),
                          std::move(table).value()};
}

}  // namespace sovsim::sim
