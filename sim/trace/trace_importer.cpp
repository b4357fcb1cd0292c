// sim/trace/trace_importer.cpp — format dispatch (an explicit table, as for scheduler policies)
// and the post-processing every format shares. Readers return jobs in trace order with times as
// in the file; everything that depends on TraceOptions except tenants happens here.
#include "sim/trace/trace_importer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string_view>

#include "sim/trace/alibaba_pai_reader.hpp"
#include "sim/trace/generic_csv_reader.hpp"
#include "sim/trace/helios_reader.hpp"
#include "sim/trace/itp_reader.hpp"
#include "sim/trace/philly_reader.hpp"
#include "sim/trace/reader_support.hpp"
#include "sim/trace/swf_reader.hpp"
#include "sim/trace/tenant_mapper.hpp"

namespace sovsim::sim {
namespace {

// Owner fields each format offers to tenant_map keys ("<field>:<value>").
constexpr std::string_view kSwfFields[] = {"user", "group", "executable", "queue", "partition"};
constexpr std::string_view kUserVcFields[] = {"user", "vc"};
constexpr std::string_view kUserFields[] = {"user"};
constexpr std::string_view kTenantFields[] = {"tenant"};

struct FormatEntry {
  std::string_view name;
  std::span<const std::string_view> tenant_fields;
  TraceReader read;
};

constexpr std::array<FormatEntry, 6> kFormats = {{
    {"swf", kSwfFields, read_swf_trace},
    {"philly", kUserVcFields, read_philly_trace},
    {"helios", kUserVcFields, read_helios_trace},
    {"alibaba-pai", kUserFields, read_alibaba_pai_trace},
    {"itp", {}, read_itp_trace},
    {"csv", kTenantFields, read_generic_csv_trace},
}};

Diagnostics check_options(const std::string& file, const TraceOptions& o) {
  Diagnostics errors;
  const auto error = [&](std::string key, std::string message) {
    errors.push_back(Diagnostic{file, 0, 0, std::move(key), std::move(message)});
  };
  if (std::none_of(kFormats.begin(), kFormats.end(),
                   [&](const FormatEntry& f) { return f.name == o.format; })) {
    error("format", fmt::format("expected one of {}, found '{}'", fmt::join(trace_formats(), ", "),
                                o.format));
  }
  if (!std::isfinite(o.arrival_scale) || o.arrival_scale <= 0) {
    error("arrival_scale", fmt::format("expected a finite number > 0, found {}", o.arrival_scale));
  }
  if (!std::isfinite(o.time_scale) || o.time_scale <= 0) {
    error("time_scale", fmt::format("expected a finite number > 0, found {}", o.time_scale));
  }
  if (!std::isfinite(o.size_scale) || o.size_scale <= 0) {
    error("size_scale", fmt::format("expected a finite number > 0, found {}", o.size_scale));
  }
  if (!std::isfinite(o.window_start_s)) {
    error("window_start", fmt::format("expected a finite time, found {}", o.window_start_s));
  }
  if (std::isnan(o.window_end_s) || !(o.window_end_s > o.window_start_s)) {
    error("window_end", fmt::format("expected a time after window_start ({} s), found {}",
                                    o.window_start_s, o.window_end_s));
  }
  if (o.max_jobs < 0) {
    error("max_jobs", fmt::format("expected 0 (all) or a positive count, found {}", o.max_jobs));
  }
  return errors;
}

}  // namespace

const std::vector<std::string>& trace_formats() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const FormatEntry& f : kFormats) out.emplace_back(f.name);
    return out;
  }();
  return names;
}

std::span<const std::string_view> trace_tenant_fields(std::string_view format) {
  for (const FormatEntry& f : kFormats) {
    if (f.name == format) return f.tenant_fields;
  }
  return {};
}

Result<ImportedTrace> import_trace(const std::filesystem::path& path, const TraceOptions& options) {
  const std::string file = path.string();
  Diagnostics errors = check_options(file, options);
  if (!errors.empty()) return errors;
  const FormatEntry& format =
      *std::find_if(kFormats.begin(), kFormats.end(),
                    [&](const FormatEntry& f) { return f.name == options.format; });
  Result<TenantMapper> tenants =
      TenantMapper::create(options, format.tenant_fields, format.name, file);
  if (!tenants) return tenants.diagnostics();

  Result<ImportedTrace> read = format.read(path, options, tenants.value());
  if (!read) return read;
  ImportedTrace trace = std::move(read).value();
  if (tenants->has_map() && tenants->unmatched() > 0) {
    trace.notes.push_back(fmt::format("{} job{} matched no tenant_map entry: tenant '{}'",
                                      tenants->unmatched(), tenants->unmatched() == 1 ? "" : "s",
                                      options.default_tenant));
  }
  for (const JobSpec& job : trace.jobs) {
    if (std::round(job.gpus * options.size_scale) > static_cast<double>(kMaxTraceGpus)) {
      return Diagnostics{Diagnostic{
          file, 0, 0, "size_scale",
          fmt::format("expected at most {} GPUs per job after scaling, found job {} with {} x {}",
                      kMaxTraceGpus, job.id, job.gpus, options.size_scale)}};
    }
  }
  apply_trace_options(options, trace);
  return trace;
}

void apply_trace_options(const TraceOptions& options, ImportedTrace& trace) {
  std::vector<JobSpec>& jobs = trace.jobs;
  const size_t before = jobs.size();
  std::erase_if(jobs, [&](const JobSpec& j) {
    return !(j.submit_s >= options.window_start_s && j.submit_s < options.window_end_s);
  });
  if (jobs.size() != before) {
    trace.notes.push_back(fmt::format("window [{}, {}) s kept {} of {} jobs",
                                      options.window_start_s, options.window_end_s, jobs.size(),
                                      before));
  }
  int64_t rounded_up = 0;
  for (JobSpec& j : jobs) {
    j.submit_s = (j.submit_s - options.window_start_s) * options.time_scale * options.arrival_scale;
    j.duration_s *= options.time_scale;
    j.estimate_s *= options.time_scale;
    if (options.size_scale != 1.0) {
      const double scaled = std::round(j.gpus * options.size_scale);
      if (scaled < 1) ++rounded_up;
      j.gpus = static_cast<int>(std::clamp(scaled, 1.0, static_cast<double>(kMaxTraceGpus)));
    }
  }
  if (rounded_up > 0) {
    trace.notes.push_back(fmt::format("size_scale {}: {} job{} rounded up to 1 GPU",
                                      options.size_scale, rounded_up, rounded_up == 1 ? "" : "s"));
  }
  sort_by_submit_time(jobs);
  if (options.max_jobs > 0 && static_cast<int64_t>(jobs.size()) > options.max_jobs) {
    trace.notes.push_back(fmt::format("max_jobs {}: dropped the last {} jobs", options.max_jobs,
                                      static_cast<int64_t>(jobs.size()) - options.max_jobs));
    jobs.resize(static_cast<size_t>(options.max_jobs));
  }
}

}  // namespace sovsim::sim
