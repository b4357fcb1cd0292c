// sim/output/job_columns.cpp — see job_columns.hpp.
#include "sim/output/job_columns.hpp"

#include <fmt/format.h>

#include "sim/trace/csv.hpp"

namespace sovsim::sim {
namespace {

// GPUs held now (the last placement's, once started).
double alloc(const JobRow& r) { return r.job.placement.gpu_equivalent(); }
// Time and GPU-seconds holding GPUs, up to the end of the run for a job still running.
double held_s(const JobRow& r) { return r.job.held_s + (r.holding() ? r.end_s - r.job.run_start_s : 0); }
double held_gpu_s(const JobRow& r) {
  return r.job.service_gpu_s + (r.holding() ? alloc(r) * (r.end_s - r.job.run_start_s) : 0);
}
template <typename F>
CellValue if_started(const JobRow& r, F f) {
  return r.started() ? CellValue{f(r)} : CellValue{};
}

const std::vector<JobColumn> kColumns = {
    {"job_id", "", "The job's id (from the workload, or numbered in arrival order).",
     [](const JobRow& r) -> CellValue { return r.job.id; }},
    {"tenant", "", "Its tenant.",
     [](const JobRow& r) -> CellValue { return r.tenant_names[r.job.tenant]; }},
    {"kind", "", "Its kind (free text from the workload: `train`, `infer`, ...).",
     [](const JobRow& r) -> CellValue { return r.table.kinds[r.job.kind]; }},
    {"gpus", "GPUs", "GPUs requested.", [](const JobRow& r) -> CellValue { return int64_t{r.job.gpus}; }},
    {"alloc_gpus", "GPUs",
     "GPUs held: a multi-node job holds whole nodes; a slot of a partitioned group counts as its "
     "share of a GPU (docs/gpu-sharing.md).",
     [](const JobRow& r) {
       return if_started(r, [](const JobRow& x) {
         const Placement& p = x.job.placement;
         return p.slots_per_gpu == 1 ? CellValue{p.gpus()} : CellValue{p.gpu_equivalent()};
       });
     }},
    {"submit_s", "s", "Arrival.", [](const JobRow& r) -> CellValue { return r.job.submit_s; }},
    {"start_s", "s", "First start.",
     [](const JobRow& r) { return if_started(r, [](const JobRow& x) { return x.job.start_s; }); }},
    {"end_s", "s", "Completion (empty unless completed).",
     [](const JobRow& r) { return r.job.end_s >= 0 ? CellValue{r.job.end_s} : CellValue{}; }},
    {"wait_s", "s", "`start_s` − `submit_s`.",
     [](const JobRow& r) { return if_started(r, [](const JobRow& x) { return x.job.start_s - x.job.submit_s; }); }},
    {"runtime_s", "s",
     "Time spent holding GPUs over all its runs, up to the end of the run for a job still running: "
     "undisturbed run time + lost work + restarts + checkpoint time + network stretch.",
     [](const JobRow& r) { return if_started(r, held_s); }},
    {"status", "", "`completed`, `running` (at the end of the run), `queued` (waiting at the end) or `rejected` (can never fit).",
     [](const JobRow& r) -> CellValue { return std::string_view(to_string(r.job.state)); }},
    {"site", "", "Site of its last placement.",
     [](const JobRow& r) {
       return if_started(r, [](const JobRow& x) -> std::string_view { return x.cluster.pools()[x.job.placement.pool].site_name; });
     }},
    {"hw", "", "Hardware of its last placement.",
     [](const JobRow& r) {
       return if_started(r, [](const JobRow& x) -> std::string_view { return x.cluster.pools()[x.job.placement.pool].hardware; });
     }},
    {"gpu_hours", "GPU-h", "GPU-hours held (GPUs × time, each run at its own GPUs).",
     [](const JobRow& r) { return if_started(r, [](const JobRow& x) { return held_gpu_s(x) / 3600; }); }},
    {"preemptions", "", "Times it was preempted.",
     [](const JobRow& r) -> CellValue { return int64_t{r.job.preemptions}; }},
    {"lost_s", "s", "Run time lost to preemptions: work since its last checkpoint, redone.",
     [](const JobRow& r) -> CellValue { return r.account.preemption_lost_s; }},
    {"domains", "", "Scale-up (NVLink) domains its last placement spans (1 = all its traffic on NVLink; an HGX node is its own domain, an NVL72 rack one domain of 18 nodes).",
     [](const JobRow& r) {
       return if_started(r, [](const JobRow& x) { return int64_t{x.cluster.domains_spanned(x.job.placement)}; });
     }},
    {"interruptions", "", "Failures of a node it ran on.",
     [](const JobRow& r) -> CellValue { return int64_t{r.account.interruptions}; }},
    {"failure_lost_s", "s", "Run time lost to failures: work since its last checkpoint (all of it without checkpoints), and the restarts spent.",
     [](const JobRow& r) -> CellValue { return r.account.failure_lost_s; }},
    {"checkpoint_s", "s", "Time spent writing checkpoints.",
     [](const JobRow& r) -> CellValue { return r.account.checkpoint_s; }},
    {"goodput_gpu_hours", "GPU-h", "Undisturbed work kept: `gpu_hours` less what was lost, restarted, checkpointed or stretched (network or HBM) (a completed job's undisturbed run time × its GPUs). Never negative: a job cut at the horizon is charged only what it lost.",
     [](const JobRow& r) -> CellValue { return std::max(0.0, r.started() ? held_gpu_s(r) - r.account.wasted_gpu_s : 0.0) / 3600; }},
    {"network_stretch_s", "s", "How much longer its communication took than at NIC speed, because its uplinks were shared or oversubscribed.",
     [](const JobRow& r) -> CellValue { return r.account.stretch_s; }},
    {"gpu_share", "GPU", "The share of one GPU it asked for (`gpus` below 1), empty for whole GPUs ([gpu-sharing.md](gpu-sharing.md)).",
     [](const JobRow& r) {
       const JobTable::GpuShare* share = r.table.gpu_share(r.index);
       return share ? CellValue{share->share} : CellValue{};
     }},
    {"hbm_stretch_s", "s", "How much longer it computed than alone because jobs on the same `shared` GPU contended for its HBM bandwidth.",
     [](const JobRow& r) -> CellValue { return double{r.account.hbm_stretch_s}; }},
};

struct AppendCell {
  std::string& out;
  void operator()(std::monostate) const {}
  void operator()(int64_t v) const {
    const fmt::format_int digits(v);
    out.append(digits.data(), digits.size());
  }
  void operator()(double v) const { append_csv_number(out, v); }
  void operator()(std::string_view v) const { append_csv_field(out, v); }
};

}  // namespace

const std::vector<JobColumn>& job_columns() { return kColumns; }

std::vector<DocRow> job_column_docs() { return doc_rows(kColumns); }

void write_jobs_csv(std::FILE* out, const JobTable& table, const Ledger& ledger,
                    const Cluster& cluster, const std::vector<std::string>& tenant_names,
                    double end_s) {
  std::string buffer;
  for (const JobColumn& c : kColumns) {
    if (!buffer.empty()) buffer += ',';
    buffer += c.name;
  }
  buffer += '\n';
  for (size_t i = 0; i < table.jobs.size(); ++i) {
    const Job& job = table.jobs[i];
    if (job.state == JobState::kPending) continue;
    const JobRow row{static_cast<JobIndex>(i), job, ledger.job(static_cast<JobIndex>(i)), table, cluster, tenant_names, end_s};
    bool first = true;
    for (const JobColumn& c : kColumns) {
      if (!first) buffer += ',';
      first = false;
      std::visit(AppendCell{buffer}, c.value(row));
    }
    buffer += '\n';
    if (buffer.size() > (1 << 20)) {
      std::fwrite(buffer.data(), 1, buffer.size(), out);
      buffer.clear();
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), out);
}

}  // namespace sovsim::sim
