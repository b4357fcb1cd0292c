// sim/workload/job_table.cpp — see job_table.hpp.
#include "sim/workload/job_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "models/common/rng.hpp"
#include "sim/trace/trace_importer.hpp"

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
    j.gpus = static_cast<int>(std::max(1.0, std::round(g.gpus.sample(rng))));
    j.duration_s = std::max(1.0, g.duration_s.sample(rng));
    j.estimate_s = j.duration_s * g.estimate_factor;
    j.priority = g.priority;
    j.site = g.site;
    j.hardware = g.hardware;
    out.push_back(std::move(j));
  }
  return out;
}

namespace {

// Pools a job may use: its tenant's sites, its own site/hardware constraints.
std::vector<int> eligible(const Scenario& s, const Cluster& cluster, const Tenant& tenant,
                          const JobSpec& spec) {
  std::vector<int> pools;
  for (size_t p = 0; p < cluster.pools().size(); ++p) {
    const Pool& pool = cluster.pools()[p];
    const bool tenant_ok = tenant.sites.empty() ||
        std::find(tenant.sites.begin(), tenant.sites.end(), pool.site_name) != tenant.sites.end();
    if (tenant_ok && (spec.site.empty() || spec.site == pool.site_name) &&
        (spec.hardware.empty() || spec.hardware == pool.hardware)) {
      pools.push_back(static_cast<int>(p));
    }
  }
  return pools;
}

}  // namespace

Result<WorkloadJobs> collect_jobs(const Scenario& s) {
  WorkloadJobs out;
  std::vector<JobSpec>& specs = out.specs;
  specs = s.workload.jobs;
  if (s.workload.trace) {
    auto imported = import_trace(s.workload.trace->path, s.workload.trace->options);
    if (!imported.ok()) return imported.diagnostics();
    out.notes = imported->notes;
    out.trace_max_procs = imported->max_procs;
    specs.insert(specs.end(), imported->jobs.begin(), imported->jobs.end());
  }
  std::set<int64_t> ids;
  Diagnostics diagnostics;
  for (const auto& spec : specs) {
    if (!ids.insert(spec.id).second) {
      diagnostics.push_back({s.file, 0, 0, "workload",
                             fmt::format("job id {} appears twice (explicit jobs and trace)", spec.id)});
    }
  }
  if (!diagnostics.empty()) return diagnostics;
  int64_t next_id = ids.empty() ? 1 : *ids.rbegin() + 1;
  for (size_t g = 0; g < s.workload.generators.size(); ++g) {
    auto generated = generate_jobs(s.workload.generators[g], s.seed, 1000 + g, s.horizon_s, next_id);
    next_id += static_cast<int64_t>(generated.size());
    specs.insert(specs.end(), std::make_move_iterator(generated.begin()),
                 std::make_move_iterator(generated.end()));
  }
  std::stable_sort(specs.begin(), specs.end(),
                   [](const JobSpec& a, const JobSpec& b) { return a.submit_s < b.submit_s; });
  return out;
}

void size_sites_from_trace(Scenario& s, const WorkloadJobs& jobs) {
  int64_t procs = jobs.trace_max_procs;
  if (procs <= 0) {  // no MaxProcs/MaxNodes header: the largest job must fit
    for (const auto& spec : jobs.specs) procs = std::max<int64_t>(procs, spec.gpus);
  }
  for (auto& site : s.sites) {
    for (auto& group : site.nodes) {
      if (group.count_from_trace) group.count = (procs + group.gpus_per_node - 1) / group.gpus_per_node;
    }
  }
}

Result<JobTable> build_job_table(const Scenario& s, const Cluster& cluster, WorkloadJobs input) {
  JobTable table;
  table.notes = std::move(input.notes);
  const std::vector<JobSpec>& specs = input.specs;
  Diagnostics diagnostics;
  std::map<std::string, uint16_t> tenant_index, kind_index;
  for (size_t t = 0; t < s.tenants.size(); ++t) tenant_index[s.tenants[t].name] = t;
  std::map<std::tuple<uint16_t, std::string, std::string>, uint32_t> eligibility_index;
  table.jobs.reserve(specs.size());
  for (const auto& spec : specs) {
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
    Job job;
    job.id = spec.id;
    job.tenant = tenant->second;
    job.kind = kind_index.try_emplace(spec.kind, kind_index.size()).first->second;
    if (job.kind == table.kinds.size()) table.kinds.push_back(spec.kind);
    auto key = std::make_tuple(job.tenant, spec.site, spec.hardware);
    auto [it, added] = eligibility_index.try_emplace(key, table.eligible_pools.size());
    if (added) table.eligible_pools.push_back(eligible(s, cluster, s.tenants[job.tenant], spec));
    job.eligibility = it->second;
    job.gpus = spec.gpus;
    job.priority = spec.priority;
    job.submit_s = spec.submit_s;
    job.duration_s = spec.duration_s;
    job.estimate_s = spec.estimate_s > 0 ? spec.estimate_s : spec.duration_s;
    job.remaining_s = spec.duration_s;
    table.jobs.push_back(std::move(job));
  }
  if (!diagnostics.empty()) return diagnostics;
  return table;
}

Result<PreparedWorkload> prepare_workload(Scenario scenario) {
  auto jobs = collect_jobs(scenario);
  if (!jobs.ok()) return jobs.diagnostics();
  size_sites_from_trace(scenario, jobs.value());
  Cluster cluster(scenario.sites);
  auto table = build_job_table(scenario, cluster, std::move(jobs).value());
  if (!table.ok()) return table.diagnostics();
  return PreparedWorkload{std::move(scenario), std::move(cluster), std::move(table).value()};
}

}  // namespace sovsim::sim
