// sim/trace/generic_csv_reader.cpp — the "csv" format. Unknown columns are errors (a typo such as
// "duration" for "duration_s" must not silently drop data); job ids must be unique.
#include "sim/trace/generic_csv_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <limits>

#include "models/common/text_check.hpp"
#include "sim/trace/csv.hpp"
#include "sim/trace/reader_support.hpp"
#include "sim/trace/tenant_mapper.hpp"

namespace sovsim::sim {

Result<ImportedTrace> read_generic_csv_trace(const std::filesystem::path& path,
                                             const TraceOptions& options, TenantMapper& tenants) {
  DiagnosticSink sink(path.string());
  const std::optional<std::string> content = read_text_file(path, sink);
  if (!content) return sink.take();

  constexpr double kInf = std::numeric_limits<double>::infinity();
  enum { kSubmit, kGpus, kDuration, kJobId, kTenant, kKind, kEstimate, kPriority, kSite, kHw };
  static constexpr std::array<ColumnSpec, 10> kColumns = {
      ColumnSpec{"submit_s", true},    ColumnSpec{"gpus", true},
      ColumnSpec{"duration_s", true},  ColumnSpec{"job_id", false},
      ColumnSpec{"tenant", false},     ColumnSpec{"kind", false},
      ColumnSpec{"estimate_s", false}, ColumnSpec{"priority", false},
      ColumnSpec{"site", false},       ColumnSpec{"hardware", false}};
  CsvReader reader(*content, sink);
  std::vector<CsvField> header, row;
  int line = 0;
  if (!reader.read_header(header, line)) return sink.take();
  const std::vector<int> col = bind_columns(header, kColumns, false, line, sink);
  if (!sink.empty()) return sink.take();
  // An optional column's text, empty when the column is absent.
  const auto text = [&](int which) {
    return col[which] < 0 ? std::string_view() : row[col[which]].text;
  };

  ImportedTrace out;
  JobIds ids;
  std::string tenant_value;
  int64_t row_number = 0;
  while (reader.next_row(header.size(), row, line)) {
    ++row_number;
    JobSpec job;
    const auto submit = number_field(row[col[kSubmit]], "submit_s", line, sink, 0, kInf);
    const auto gpus = integer_field(row[col[kGpus]], "gpus", line, sink, 1, kMaxTraceGpus);
    const auto duration = number_field(row[col[kDuration]], "duration_s", line, sink, 0, kInf);
    std::optional<int64_t> id = row_number;
    if (!text(kJobId).empty()) {
      id = integer_field(row[col[kJobId]], "job_id", line, sink,
                         std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max());
    }
    std::optional<double> estimate = duration;
    if (!text(kEstimate).empty()) {
      estimate = number_field(row[col[kEstimate]], "estimate_s", line, sink, 0, kInf);
    }
    std::optional<int64_t> priority = 0;
    if (!text(kPriority).empty()) {
      priority = integer_field(row[col[kPriority]], "priority", line, sink, -1000, 1000);
    }
    // Names end up in the outputs and in the YAML import-trace writes: one line of UTF-8 text.
    bool names_ok = true;
    for (const auto& [which, key] : {std::pair{kTenant, "tenant"}, std::pair{kKind, "kind"},
                                     std::pair{kSite, "site"}, std::pair{kHw, "hardware"}}) {
      if (col[which] < 0) continue;
      const CsvField& field = row[col[which]];
      const size_t line_break = field.text.find_first_of("\r\n");
      if (const auto bad = find_bad_text(field.text)) {
        sink.error(line, field.column + bad->column - 1, key, bad->message);
      } else if (line_break != std::string_view::npos) {
        sink.error(line, field.column, key,
                   fmt::format("expected a name on one line, found a line break in {}",
                               quote_for_message(field.text)));
      } else {
        continue;
      }
      names_ok = false;
    }
    if (!submit || !gpus || !duration || !id || !estimate || !priority || !names_ok) continue;
    if (!ids.keep(*id, line, col[kJobId] < 0 ? 1 : row[col[kJobId]].column, "job_id", "job id",
                  sink)) {
      continue;
    }
    job.id = *id;
    job.submit_s = *submit;
    job.gpus = static_cast<int>(*gpus);
    job.duration_s = *duration;
    job.estimate_s = *estimate;
    job.priority = static_cast<int>(*priority);
    job.kind = text(kKind).empty() ? options.kind : std::string(text(kKind));
    job.site = std::string(text(kSite));
    job.hardware = std::string(text(kHw));
    tenant_value.assign(text(kTenant));
    const std::array<TraceAttribute, 1> attributes = {TraceAttribute{"tenant", tenant_value}};
    job.tenant =
        tenant_value.empty() ? tenants.tenant({}) : tenants.tenant(attributes, tenant_value);
    out.jobs.push_back(std::move(job));
  }
  reader.expect_rows();
  if (!sink.empty()) return sink.take();
  return out;
}

}  // namespace sovsim::sim
