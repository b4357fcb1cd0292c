// sim/cli/import_trace_command.cpp — see import_trace_command.hpp.
#include "sim/cli/import_trace_command.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <stdexcept>
#include <ostream>

#include "models/common/units.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/scenario_input.hpp"
#include "sim/output/output_file.hpp"
#include "sim/trace/trace_importer.hpp"

namespace sovsim::cli {
namespace {

// A YAML scalar for a name: plain if safe, else double-quoted.
std::string yaml_name(const std::string& s) {
  const bool plain = !s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") ==
                                       std::string::npos && !std::isdigit(static_cast<unsigned char>(s[0]));
  if (plain) return s;
  std::string out = "\"";
  for (char c : s) out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

}  // namespace

void setup_import_trace_command(CLI::App& app, ImportTraceOptions& o) {
  auto* cmd = app.add_subcommand("import-trace", "Convert a cluster trace into a workload job list");
  cmd->add_option("file", o.file, "Trace file")->required();
  cmd->add_option("--format", o.trace.format, "swf | philly | helios | alibaba-pai | itp | csv")
      ->required()
      ->check(CLI::IsMember(sim::trace_formats()));
  cmd->add_option("-o,--output", o.output, "Workload YAML to write")->required();
  cmd->add_option("--time-scale", o.trace.time_scale, "Multiply submit times and durations");
  cmd->add_option("--arrival-scale", o.trace.arrival_scale,
                  "Multiply submit times only (< 1 raises the load)");
  cmd->add_option("--size-scale", o.trace.size_scale, "Multiply GPU counts (rounded, >= 1)");
  cmd->add_option("--window-start", o.window_start, "Keep jobs submitted from (e.g. 7d)");
  cmd->add_option("--window-end", o.window_end, "... until (exclusive)");
  cmd->add_option("--max-jobs", o.trace.max_jobs, "Keep the first N jobs of the window");
  cmd->add_option("--map", o.mappings, "field:value=tenant (e.g. user:12=physics); repeatable");
  cmd->add_option("--default-tenant", o.trace.default_tenant, "Tenant of unmapped jobs");
  cmd->add_option("--kind", o.trace.kind, "Job kind label");
}

int run_import_trace(const ImportTraceOptions& o, std::ostream& out, std::ostream& err) {
  sim::TraceOptions options = o.trace;
  Diagnostics problems;
  if (const auto problem = sim::output_file_problem(o.output, o.file)) {
    problems.push_back({o.output, 0, 0, "-o", *problem});
  }
  auto duration = [&](const std::string& text, const char* flag, double fallback) {
    if (text.empty()) return fallback;
    auto v = parse_duration_s(text);
    if (!v) problems.push_back({"", 0, 0, flag, "expected a duration such as 7d, found '" + text + "'"});
    return v.value_or(fallback);
  };
  options.window_start_s = duration(o.window_start, "--window-start", options.window_start_s);
  options.window_end_s = duration(o.window_end, "--window-end", options.window_end_s);
  for (const auto& m : o.mappings) {
    const size_t eq = m.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
      problems.push_back({"", 0, 0, "--map", "expected field:value=tenant, found '" + m + "'"});
      continue;
    }
    options.tenant_map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  if (!problems.empty()) {
    print_diagnostics(problems, err);
    return kExitBadInput;
  }
  auto trace = sim::import_trace(o.file, options);
  if (!trace.ok()) {
    print_diagnostics(trace.diagnostics(), err);
    return kExitBadInput;
  }
  std::string text = fmt::format(
      "# Imported by `sovsim import-trace --format {}` from {}: {} jobs, {} records skipped.\n",
      options.format, std::filesystem::path(o.file).filename().string(), trace->jobs.size(),
      trace->skipped);
  if (trace->max_procs > 0) text += fmt::format("# Trace header: MaxProcs/MaxNodes = {}.\n", trace->max_procs);
  for (const auto& note : trace->notes) text += "# " + note + "\n";
  text += "# Paste this section into a scenario (its tenants must be declared there).\nworkload:\n  jobs:\n";
  for (const auto& j : trace->jobs) {
    fmt::format_to(std::back_inserter(text),
                   "    - {{id: {}, tenant: {}, kind: {}, submit: {}, gpus: {}, duration: {}, "
                   "estimate: {}}}\n",
                   j.id, yaml_name(j.tenant), yaml_name(j.kind), j.submit_s,
                   j.gpu_share > 0 ? j.gpu_share : static_cast<double>(j.gpus), j.duration_s,
                   j.estimate_s > 0 ? j.estimate_s : j.duration_s);
  }
  const std::filesystem::path target(o.output);
  try {
    sim::write_file_atomically(target, text);
  } catch (const std::runtime_error& e) {
    err << "sovsim: error: " << e.what() << "\n";
    return kExitFailure;
  }
  out << fmt::format("wrote {} jobs to {}\n", trace->jobs.size(), target.string());
  return kExitOk;
}

}  // namespace sovsim::cli
