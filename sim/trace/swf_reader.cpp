// sim/trace/swf_reader.cpp — Standard Workload Format reader. Every field is checked to be a
// number; the fields sovsim uses are also range-checked. Records the SWF definition says carry no
// runnable job (partial executions, never started, unknown size/run time) are skipped and counted.
#include "sim/trace/swf_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string_view>

#include "sim/trace/csv.hpp"
#include "sim/trace/reader_support.hpp"
#include "sim/trace/tenant_mapper.hpp"

namespace sovsim::sim {
namespace {

// Field names as in the SWF definition, used as diagnostic keys.
// clang-format off
constexpr std::array<std::string_view, 18> kFields = {
    "job_number", "submit_time", "wait_time", "run_time", "allocated_processors",
    "average_cpu_time", "used_memory", "requested_processors", "requested_time",
    "requested_memory", "status", "user_id", "group_id", "executable_number", "queue_number",
    "partition_number", "preceding_job_number", "think_time"};
// clang-format on
enum Field {
  kJob = 0,
  kSubmit = 1,
  kRunTime = 3,
  kAllocProcs = 4,
  kReqProcs = 7,
  kReqTime = 8,
  kStatus = 10,
  kUser = 11,
  kGroup = 12,
  kExecutable = 13,
  kQueue = 14,
  kPartition = 15
};
constexpr std::array<bool, 18> kIntegral = {true,  false, false, false, true, false,
                                            false, true,  false, false, true, true,
                                            true,  true,  true,  true,  true, false};
// SWF status codes (swf.html, field 11).
constexpr int kStatusCancelled = 5;

// One data line split and parsed in a single pass (most of an SWF log's load time): the first 18
// tokens with their columns, each plain integer token ("-1", "3600") already converted; `count`
// is the number of tokens on the line (18 in a well-formed record).
struct SwfRecord {
  std::array<CsvField, 18> fields;
  std::array<double, 18> values{};
  std::array<bool, 18> converted{};
  size_t count = 0;
};

void scan_record(std::string_view line, SwfRecord& r) {
  r.count = 0;
  const char* const begin = line.data();
  const char* const end = begin + line.size();
  const auto separator = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  for (const char* p = begin; p < end;) {
    if (separator(*p)) {
      ++p;
      continue;
    }
    const char* const start = p;
    const bool negative = *p == '-';
    if (negative) ++p;
    const char* const digits = p;
    int64_t whole = 0;
    // Past 15 digits the token is not plain (below) and `whole` is not used: stop adding, so a
    // long run of digits cannot overflow it.
    for (; p < end && static_cast<unsigned char>(*p - '0') < 10; ++p) {
      if (p - digits < 15) whole = whole * 10 + (*p - '0');
    }
    // Plain: digits only, up to 15 of them (exact in a double), the token ending here.
    const bool plain = p > digits && p - digits <= 15 && (p == end || separator(*p));
    while (p < end && !separator(*p)) ++p;
    if (r.count < r.fields.size()) {
      r.fields[r.count] = CsvField{std::string_view(start, static_cast<size_t>(p - start)),
                                   static_cast<int>(start - begin) + 1};
      r.converted[r.count] = plain;
      r.values[r.count] = static_cast<double>(negative ? -whole : whole);
    }
    ++r.count;
  }
}

// "MaxProcs: 128" style header value after the key; nullopt if not such a line.
std::optional<std::string_view> header_value(std::string_view comment, std::string_view key) {
  if (comment.substr(0, key.size()) != key) return std::nullopt;
  std::string_view rest = comment.substr(key.size());
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
  return rest;
}

}  // namespace

Result<ImportedTrace> read_swf_trace(const std::filesystem::path& path, const TraceOptions& options,
                                     TenantMapper& tenants) {
  DiagnosticSink sink(path.string());
  const std::optional<std::string> content = read_text_file(path, sink);
  if (!content) return sink.take();

  ImportedTrace out;
  SkipTally skips;
  int64_t max_procs = -1, max_nodes = -1, over_estimate = 0;
  // About one record per line: reserving spares the vector's regrowth copies of JobSpecs.
  size_t newlines = 0;  // memchr is vectorised; std::count is not, at -O2
  for (const char* p = content->data(), *end = p + content->size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))); ++p) {
    ++newlines;
  }
  out.jobs.reserve(newlines);
  JobIds ids;  // of kept jobs: the partial-execution records skipped share their job's number
  ids.reserve(newlines);
  LineCursor lines(*content);
  TextLine line;
  SwfRecord record;
  const auto& fields = record.fields;
  std::array<double, 18> v{};
  bool any_record = false, any_comment = false;
  while (!sink.full() && lines.next(line)) {
    const size_t lead = line.text.find_first_not_of(" \t\r");
    if (lead == std::string_view::npos) continue;
    if (line.text[lead] == ';') {
      any_comment = true;
      std::string_view comment = line.text.substr(line.text.find(';') + 1);
      while (!comment.empty() && (comment.front() == ' ' || comment.front() == '\t')) {
        comment.remove_prefix(1);
      }
      for (auto [key, target] : {std::pair{std::string_view("MaxProcs:"), &max_procs},
                                 std::pair{std::string_view("MaxNodes:"), &max_nodes}}) {
        const auto value = header_value(comment, key);
        if (!value) continue;
        const auto n = parse_integer(*value);
        if (!n || *n < 0) {
          sink.error(
              line.number, 1, std::string(key.substr(0, key.size() - 1)),
              fmt::format("expected a processor count >= 0, found {}", quote_for_message(*value)));
        } else {
          *target = *n;
        }
      }
      continue;
    }
    any_record = true;
    scan_record(line.text, record);
    if (record.count != kFields.size()) {
      sink.error(line.number, 1, "",
                 fmt::format("expected 18 whitespace-separated fields, found {}", record.count));
      continue;
    }
    bool ok = true;
    for (size_t i = 0; i < kFields.size(); ++i) {
      if (record.converted[i]) {
        v[i] = record.values[i];
        continue;
      }
      // Integral fields parse once as integers (integral decimals such as "4.0" accepted).
      std::optional<double> d;
      if (kIntegral[i]) {
        if (const auto n = parse_integer(fields[i].text)) d = static_cast<double>(*n);
      } else {
        d = parse_double(fields[i].text);
      }
      if (!d) {
        sink.error(line.number, fields[i].column, std::string(kFields[i]),
                   fmt::format("expected {}, found {}", kIntegral[i] ? "an integer" : "a number",
                               quote_for_message(fields[i].text)));
        ok = false;
        continue;
      }
      v[i] = *d;
    }
    if (!ok) continue;
    // -1 means "unknown"; other negative values are not SWF.
    for (int i : {kSubmit, kRunTime, kAllocProcs, kReqProcs, kReqTime}) {
      const bool count = i == kAllocProcs || i == kReqProcs;
      if ((v[i] < 0 && v[i] != -1) || (count && v[i] > kMaxTraceGpus)) {
        sink.error(line.number, fields[i].column, std::string(kFields[i]),
                   fmt::format("expected -1 (unknown) or a value in [0, {}], found {}",
                               count ? fmt::format("{}", kMaxTraceGpus) : std::string("inf)"),
                               quote_for_message(fields[i].text)));
        ok = false;
      }
    }
    if (v[kStatus] < -1 || v[kStatus] > 5) {
      sink.error(line.number, fields[kStatus].column, "status",
                 fmt::format("expected a status in -1..5, found {}",
                             quote_for_message(fields[kStatus].text)));
      ok = false;
    }
    if (!ok) continue;

    const int status = static_cast<int>(v[kStatus]);
    if (status >= 2 && status <= 4) {
      skips.add("partial-execution record (status 2/3/4); the job's summary line is used");
      continue;
    }
    if (v[kSubmit] < 0) {
      skips.add("unknown submit time (field 2 = -1)");
      continue;
    }
    if (status == kStatusCancelled && v[kRunTime] <= 0 && v[kAllocProcs] <= 0) {
      skips.add("cancelled before it started (status 5, run time <= 0, no allocated processors)");
      continue;
    }
    if (v[kRunTime] < 0) {
      skips.add("unknown run time (field 4 = -1)");
      continue;
    }
    const double procs = v[kReqProcs] > 0 ? v[kReqProcs] : v[kAllocProcs];
    if (procs <= 0) {
      skips.add("no processor count (fields 8 and 5 are -1 or 0)");
      continue;
    }

    if (!ids.keep(static_cast<int64_t>(v[kJob]), line.number, fields[kJob].column, "job_number",
                  "job number", sink)) {
      continue;
    }
    JobSpec job;
    job.id = static_cast<int64_t>(v[kJob]);
    job.kind = options.kind;
    job.submit_s = v[kSubmit];
    job.duration_s = v[kRunTime];
    job.gpus = static_cast<int>(procs);
    job.estimate_s = v[kReqTime] > 0 ? v[kReqTime] : v[kRunTime];
    if (job.estimate_s < job.duration_s) ++over_estimate;
    if (!tenants.has_map()) {  // no tenant_map: no owner fields to format
      job.tenant = tenants.tenant({});
      out.jobs.push_back(std::move(job));
      continue;
    }
    const auto user = fmt::format_int(static_cast<int64_t>(v[kUser]));
    const auto group = fmt::format_int(static_cast<int64_t>(v[kGroup]));
    const auto executable = fmt::format_int(static_cast<int64_t>(v[kExecutable]));
    const auto queue = fmt::format_int(static_cast<int64_t>(v[kQueue]));
    const auto partition = fmt::format_int(static_cast<int64_t>(v[kPartition]));
    const std::array<TraceAttribute, 5> attributes = {
        TraceAttribute{"user", {user.data(), user.size()}},
        TraceAttribute{"group", {group.data(), group.size()}},
        TraceAttribute{"executable", {executable.data(), executable.size()}},
        TraceAttribute{"queue", {queue.data(), queue.size()}},
        TraceAttribute{"partition", {partition.data(), partition.size()}}};
    job.tenant = tenants.tenant(attributes);
    out.jobs.push_back(std::move(job));
  }
  if (!any_record && sink.empty()) {  // as the other formats refuse a file without a header
    sink.error(1, 1, "",
               fmt::format("expected job records (18 whitespace-separated fields per line), "
                           "found {}",
                           any_comment ? "only header comments" : "an empty file"));
  }
  if (!sink.empty()) return sink.take();

  out.max_procs = max_procs >= 0 ? max_procs : std::max<int64_t>(max_nodes, 0);
  out.skipped = skips.total();
  skips.append_notes(out.notes);
  if (over_estimate > 0) {
    out.notes.push_back(
        fmt::format("{} job{} ran longer than the requested time (field 9); kept as logged",
                    over_estimate, over_estimate == 1 ? "" : "s"));
  }
  return out;
}

}  // namespace sovsim::sim
