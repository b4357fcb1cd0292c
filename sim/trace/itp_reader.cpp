// sim/trace/itp_reader.cpp — ITP CSV reader. Columns are found by header name; all four are
// required and no others are allowed, so a different file passed as "itp" fails loudly.
#include "sim/trace/itp_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <limits>

#include "sim/trace/csv.hpp"
#include "sim/trace/reader_support.hpp"
#include "sim/trace/tenant_mapper.hpp"

namespace sovsim::sim {

Result<ImportedTrace> read_itp_trace(const std::filesystem::path& path, const TraceOptions& options,
                                     TenantMapper& tenants) {
  DiagnosticSink sink(path.string());
  const std::optional<std::string> content = read_text_file(path, sink);
  if (!content) return sink.take();

  constexpr double kInf = std::numeric_limits<double>::infinity();
  enum { kJobId, kSubmit, kDuration, kGpus };
  static constexpr std::array<ColumnSpec, 4> kColumns = {
      ColumnSpec{"job_id", true}, ColumnSpec{"submission_time", true}, ColumnSpec{"duration", true},
      ColumnSpec{"num_gpu", true}};
  CsvReader reader(*content, sink);
  std::vector<CsvField> header, row;
  int line = 0;
  if (!reader.read_header(header, line)) return sink.take();
  const std::vector<int> col = bind_columns(header, kColumns, false, line, sink);
  if (!sink.empty()) return sink.take();

  ImportedTrace out;
  SkipTally skips;
  int64_t row_number = 0;
  while (reader.next_row(header.size(), row, line)) {
    ++row_number;
    const auto submit = number_field(row[col[kSubmit]], "submission_time", line, sink, 0, kInf);
    const auto duration = number_field(row[col[kDuration]], "duration", line, sink, 0, kInf);
    const auto gpus = integer_field(row[col[kGpus]], "num_gpu", line, sink, 0, kMaxTraceGpus);
    if (!submit || !duration || !gpus) continue;
    if (*gpus == 0) {
      skips.add("num_gpu 0 (no GPU to schedule)");
      continue;
    }
    JobSpec job;
    job.id = row_number;
    job.kind = options.kind;
    job.submit_s = *submit;
    job.duration_s = *duration;
    job.estimate_s = *duration;
    job.gpus = static_cast<int>(*gpus);
    job.tenant = tenants.tenant({});
    out.jobs.push_back(std::move(job));
  }
  reader.expect_rows();
  if (!sink.empty()) return sink.take();
  out.skipped = skips.total();
  skips.append_notes(out.notes);
  return out;
}

}  // namespace sovsim::sim
