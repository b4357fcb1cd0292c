// sim/trace/alibaba_pai_reader.cpp — Alibaba PAI v2020 reader. A job's GPUs are the sum over its
// tasks of ceil(plan_gpu / 100) x inst_num (plan_gpu is a percentage of one GPU; a fractional
// share still occupies a whole device in sovsim). Its run time spans its GPU tasks, first start
// to last end. Tasks are not contiguous per job, so jobs are indexed by name in a std::map.
#include "sim/trace/alibaba_pai_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <span>

#include "sim/trace/csv.hpp"
#include "sim/trace/reader_support.hpp"
#include "sim/trace/tenant_mapper.hpp"

namespace sovsim::sim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Column layouts from cluster-trace-gpu-v2020/data/pai_{job,task}_table.header.
enum JobColumn { kJobName, kInstId, kUser, kJobStatus, kJobStart, kJobEnd };
constexpr std::array<ColumnSpec, 6> kJobColumns = {
    ColumnSpec{"job_name", true}, ColumnSpec{"inst_id", true},    ColumnSpec{"user", true},
    ColumnSpec{"status", true},   ColumnSpec{"start_time", true}, ColumnSpec{"end_time", true}};
enum TaskColumn {
  kTaskJob,
  kTaskName,
  kInstNum,
  kTaskStatus,
  kTaskStart,
  kTaskEnd,
  kPlanCpu,
  kPlanMem,
  kPlanGpu,
  kGpuType
};
constexpr std::array<ColumnSpec, 10> kTaskColumns = {
    ColumnSpec{"job_name", true}, ColumnSpec{"task_name", true},  ColumnSpec{"inst_num", true},
    ColumnSpec{"status", true},   ColumnSpec{"start_time", true}, ColumnSpec{"end_time", true},
    ColumnSpec{"plan_cpu", true}, ColumnSpec{"plan_mem", true},   ColumnSpec{"plan_gpu", true},
    ColumnSpec{"gpu_type", true}};

// A PAI table: headerless as published (columns by position), or with its header row first.
class PaiTable {
 public:
  PaiTable(std::string_view content, std::span<const ColumnSpec> specs, DiagnosticSink& sink)
      : reader_(content, sink), sink_(sink), width_(specs.size()) {
    for (size_t i = 0; i < specs.size(); ++i) column_.push_back(static_cast<int>(i));
    if (!reader_.next_row(0, row_, line_)) {
      // As the other formats refuse a file without a header row (a header is optional here).
      if (sink.empty()) {
        sink.error(1, 1, "",
                   fmt::format("expected rows of {} comma-separated fields, found an empty file",
                               specs.size()));
      }
      return;
    }
    if (row_[0].text == specs[0].name) {
      column_ = bind_columns(row_, specs, false, line_, sink);
      width_ = row_.size();
      broken_ = !sink.empty();  // the sink is this table's own, so errors are the header's
    } else {
      pending_ = true;
    }
  }
  // Next data row with the expected number of fields; false at the end.
  bool next() {
    if (pending_) {
      pending_ = false;
      if (row_.size() == width_) return true;
      sink_.error(line_, 1, "",
                  fmt::format("expected {} comma-separated fields, found {}", width_, row_.size()));
    }
    return !broken_ && reader_.next_row(width_, row_, line_);
  }
  const CsvField& field(int spec) const { return row_[column_[spec]]; }
  std::string_view text(int spec) const { return field(spec).text; }
  int line() const { return line_; }

 private:
  CsvReader reader_;
  DiagnosticSink& sink_;
  size_t width_;
  std::vector<int> column_;
  std::vector<CsvField> row_;
  int line_ = 0;
  bool pending_ = false;
  bool broken_ = false;  // the header row is wrong: no row can be read by name
};

struct PaiJob {
  std::string user;
  std::optional<double> submit;
  int64_t gpus = 0;
  double gpu_percent = 0;  // plan_gpu × inst_num summed: below 100, a share of one GPU
  int64_t tasks = 0;
  double first_start = kInf, last_end = -kInf;
  bool unfinished = false;  // a started GPU task has no end_time
};

// A time column: nullopt when missing or malformed (malformed is reported; `bad` set).
std::optional<double> time_field(const PaiTable& table, int spec, std::string_view key,
                                 DiagnosticSink& sink, bool& bad) {
  if (is_missing(table.text(spec))) return std::nullopt;
  const auto t = number_field(table.field(spec), key, table.line(), sink, -kInf, kInf);
  bad = bad || !t;
  return t;
}

}  // namespace

Result<ImportedTrace> read_alibaba_pai_trace(const std::filesystem::path& path,
                                             const TraceOptions& options, TenantMapper& tenants) {
  std::error_code ec;
  const bool is_dir = std::filesystem::is_directory(path, ec);
  const std::filesystem::path dir = is_dir ? path : path.parent_path();
  const std::filesystem::path task_path = is_dir ? path / "pai_task_table.csv" : path;
  const std::filesystem::path job_path = dir / "pai_job_table.csv";
  const bool have_jobs = std::filesystem::is_regular_file(job_path, ec) &&
                         !std::filesystem::equivalent(job_path, task_path, ec);

  ImportedTrace out;
  SkipTally skips;
  std::vector<PaiJob> jobs;
  std::map<std::string, size_t, std::less<>> by_name;
  if (have_jobs) {
    DiagnosticSink sink(job_path.string());
    const std::optional<std::string> content = read_text_file(job_path, sink);
    if (!content) return sink.take();
    PaiTable table(*content, kJobColumns, sink);
    while (table.next()) {
      bool bad = false;
      const auto submit = time_field(table, kJobStart, "start_time", sink, bad);
      if (bad) continue;
      if (!by_name.emplace(std::string(table.text(kJobName)), jobs.size()).second) {
        skips.add("repeated job_name in pai_job_table (first row kept)");
        continue;
      }
      jobs.push_back(PaiJob{std::string(table.text(kUser)), submit});
    }
    if (!sink.empty()) return sink.take();
  } else {
    out.notes.push_back(
        "no pai_job_table.csv beside the task table: submit = first task start (no queueing "
        "delay), all jobs in default_tenant");
  }

  DiagnosticSink sink(task_path.string());
  const std::optional<std::string> content = read_text_file(task_path, sink);
  if (!content) return sink.take();
  PaiTable table(*content, kTaskColumns, sink);
  while (table.next()) {
    bool bad = false;
    const auto start = time_field(table, kTaskStart, "start_time", sink, bad);
    const auto end = time_field(table, kTaskEnd, "end_time", sink, bad);
    std::optional<double> plan_gpu = 0;
    if (!is_missing(table.text(kPlanGpu))) {
      plan_gpu = number_field(table.field(kPlanGpu), "plan_gpu", table.line(), sink, 0,
                              100.0 * kMaxTraceGpus);
    }
    std::optional<int64_t> inst_num;
    if (!is_missing(table.text(kInstNum))) {
      inst_num =
          integer_field(table.field(kInstNum), "inst_num", table.line(), sink, 0, kMaxTraceGpus);
      bad = bad || !inst_num;
    }
    if (bad || !plan_gpu) continue;
    auto it = by_name.find(table.text(kTaskJob));
    if (it == by_name.end()) {
      if (have_jobs) {
        skips.add("task of a job missing from pai_job_table");
        continue;
      }
      it = by_name.emplace(std::string(table.text(kTaskJob)), jobs.size()).first;
      jobs.emplace_back();
    }
    PaiJob& job = jobs[it->second];
    ++job.tasks;
    if (*plan_gpu <= 0) continue;  // CPU task (parameter server, evaluator, ...)
    if (!inst_num) {
      skips.add("GPU task without inst_num");
      continue;
    }
    const int64_t per_instance = static_cast<int64_t>(std::ceil(*plan_gpu / 100.0));
    job.gpus = std::min(job.gpus + per_instance * *inst_num, kMaxTraceGpus + 1);
    job.gpu_percent += *plan_gpu * static_cast<double>(*inst_num);
    if (!start) continue;  // never launched: requested GPUs count, no run time
    job.first_start = std::min(job.first_start, *start);
    if (end) {
      job.last_end = std::max(job.last_end, *end);
    } else {
      job.unfinished = true;
    }
  }
  if (!sink.empty()) return sink.take();

  for (size_t i = 0; i < jobs.size(); ++i) {
    const PaiJob& job = jobs[i];
    if (job.tasks == 0) {
      skips.add("job without tasks in pai_task_table");
    } else if (job.gpus == 0) {
      skips.add("CPU-only job (plan_gpu 0 or empty in every task)");
    } else if (job.first_start == kInf) {
      skips.add("never started (no GPU task has a start_time)");
    } else if (job.unfinished || job.last_end == -kInf) {
      skips.add("a GPU task has no end_time (running when the trace was cut)");
    } else if (job.last_end < job.first_start) {
      skips.add("GPU tasks end before they start");
    } else if (have_jobs && !job.submit) {
      skips.add("no submission time (job start_time empty)");
    } else if (job.gpus > kMaxTraceGpus) {
      sink.error(0, 0, "plan_gpu",
                 fmt::format("expected at most {} GPUs per job, found more in job {}",
                             kMaxTraceGpus, i + 1));
    } else {
      JobSpec spec;
      spec.id = static_cast<int64_t>(i) + 1;
      spec.kind = options.kind;
      spec.submit_s = have_jobs ? *job.submit : job.first_start;
      spec.duration_s = job.last_end - job.first_start;
      spec.estimate_s = spec.duration_s;
      spec.gpus = static_cast<int>(job.gpus);
      // One GPU instance asking for less than the GPU (plan_gpu 25: a quarter) keeps its share:
      // it holds one whole GPU unless the scenario has shared or MIG groups
      // (docs/gpu-sharing.md). Several instances stay whole GPUs, one each.
      if (job.gpus == 1 && job.gpu_percent < 100) spec.gpu_share = job.gpu_percent / 100.0;
      const std::array<TraceAttribute, 1> attributes = {TraceAttribute{"user", job.user}};
      spec.tenant = have_jobs ? tenants.tenant(attributes) : tenants.tenant({});
      out.jobs.push_back(std::move(spec));
    }
  }
  if (!sink.empty()) return sink.take();
  out.skipped = skips.total();
  skips.append_notes(out.notes);
  return out;
}

}  // namespace sovsim::sim
