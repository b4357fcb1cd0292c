// sim/trace/helios_reader.cpp — Helios CSV reader. CPU-only jobs (gpu_num 0, about half the
// trace) and jobs that never started are skipped and counted; duration = end_time - start_time.
#include "sim/trace/helios_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <limits>

#include "sim/trace/csv.hpp"
#include "sim/trace/reader_support.hpp"
#include "sim/trace/tenant_mapper.hpp"
#include "sim/trace/timestamp.hpp"

namespace sovsim::sim {
namespace {

// A required timestamp field; reports and returns nullopt if malformed.
std::optional<double> timestamp_field(const CsvField& field, std::string_view key, int line,
                                      DiagnosticSink& sink) {
  const std::optional<double> t = parse_timestamp_s(field.text);
  if (!t) {
    sink.error(line, field.column, std::string(key),
               fmt::format("expected a time 'YYYY-MM-DD HH:MM:SS', found {}",
                           quote_for_message(field.text)));
  }
  return t;
}

}  // namespace

Result<ImportedTrace> read_helios_trace(const std::filesystem::path& path,
                                        const TraceOptions& options, TenantMapper& tenants) {
  DiagnosticSink sink(path.string());
  const std::optional<std::string> content = read_text_file(path, sink);
  if (!content) return sink.take();

  enum { kJobId, kUser, kVc, kGpus, kState, kSubmit, kStart, kEnd };
  static constexpr std::array<ColumnSpec, 8> kColumns = {
      ColumnSpec{"job_id", true},     ColumnSpec{"user", false},   ColumnSpec{"vc", false},
      ColumnSpec{"gpu_num", true},    ColumnSpec{"state", false},  ColumnSpec{"submit_time", true},
      ColumnSpec{"start_time", true}, ColumnSpec{"end_time", true}};
  CsvReader reader(*content, sink);
  std::vector<CsvField> header, row;
  int line = 0;
  if (!reader.read_header(header, line)) return sink.take();
  const std::vector<int> col = bind_columns(header, kColumns, true, line, sink);
  if (!sink.empty()) return sink.take();
  const auto text = [&](int which) {
    return col[which] < 0 ? std::string_view() : row[col[which]].text;
  };

  ImportedTrace out;
  SkipTally skips;
  double origin = std::numeric_limits<double>::infinity();
  JobIds ids;
  while (reader.next_row(header.size(), row, line)) {
    const auto id =
        integer_field(row[col[kJobId]], "job_id", line, sink, std::numeric_limits<int64_t>::min(),
                      std::numeric_limits<int64_t>::max());
    const auto gpus = integer_field(row[col[kGpus]], "gpu_num", line, sink, 0, kMaxTraceGpus);
    const auto submit = timestamp_field(row[col[kSubmit]], "submit_time", line, sink);
    std::optional<double> start, end;
    const bool has_start = !is_missing(text(kStart)), has_end = !is_missing(text(kEnd));
    if (has_start) start = timestamp_field(row[col[kStart]], "start_time", line, sink);
    if (has_end) end = timestamp_field(row[col[kEnd]], "end_time", line, sink);
    if (!id || !gpus || !submit || (has_start && !start) || (has_end && !end)) continue;
    origin = std::min(origin, *submit);
    if (*gpus == 0) {
      skips.add("CPU-only job (gpu_num 0)");
      continue;
    }
    if (!start) {
      skips.add("never started (no start_time)");
      continue;
    }
    if (!end) {
      skips.add("no end_time (still running when the trace was cut)");
      continue;
    }
    if (*end < *start) {
      skips.add("end_time before start_time");
      continue;
    }
    if (*end == *start && text(kState) == "CANCELLED") {
      skips.add("cancelled before it started (state CANCELLED, start_time = end_time)");
      continue;
    }
    if (!ids.keep(*id, line, row[col[kJobId]].column, "job_id", "job id", sink)) continue;
    JobSpec job;
    job.id = *id;
    job.kind = options.kind;
    job.submit_s = *submit;
    job.duration_s = *end - *start;
    job.estimate_s = job.duration_s;
    job.gpus = static_cast<int>(*gpus);
    const std::array<TraceAttribute, 2> attributes = {TraceAttribute{"user", text(kUser)},
                                                      TraceAttribute{"vc", text(kVc)}};
    job.tenant = tenants.tenant(attributes);
    out.jobs.push_back(std::move(job));
  }
  reader.expect_rows();
  if (!sink.empty()) return sink.take();
  for (JobSpec& job : out.jobs) job.submit_s -= origin;
  if (origin < std::numeric_limits<double>::infinity()) {
    out.notes.push_back(
        fmt::format("time 0 is {} (earliest submit_time in the file)", format_timestamp(origin)));
  }
  out.skipped = skips.total();
  skips.append_notes(out.notes);
  return out;
}

}  // namespace sovsim::sim
