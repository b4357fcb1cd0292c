// sim/sweep/sweep_check.cpp — load_sweep (sweep_loader.hpp): the sweep file read, then checked
// against its scenario with the scenario loader itself, so a sweep that would fail in every run
// (or in every run with one value) is refused before anything starts. Each check loads the
// scenario with the fixed overrides plus at most one parameter value, so an error points at the
// value in the sweep file that caused it; a last check loads the first whole combination.
#include <fmt/format.h>

#include "models/common/input_file.hpp"
#include "models/common/yaml_reader.hpp"
#include "sim/scenario/run_size.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/sweep/sweep_loader.hpp"

namespace sovsim::sim {
namespace {

std::vector<std::string> assignments(const std::vector<SweepOverride>& overrides) {
  std::vector<std::string> out;
  for (const auto& o : overrides) out.push_back(o.path + "=" + o.value);
  return out;
}

// A scenario diagnostic re-told at `where` in the sweep file: "with PATH=VALUE: what the
// scenario loader said" (its own file:line:col kept when the problem is in the scenario file).
void report_at(const YamlContext& ctx, const YAML::Mark& where, const std::string& key,
               const std::string& with, const Diagnostics& found) {
  for (Diagnostic d : found) {
    static const std::string kSuffix = " (value set on the command line)";
    if (d.message.ends_with(kSuffix)) d.message.resize(d.message.size() - kSuffix.size());
    std::string what =
        d.file.empty() ? (d.key.empty() ? "" : d.key + ": ") + d.message : d.to_string();
    ctx.error(where, key, with.empty() ? what : with + ": " + what);
  }
}

}  // namespace

Result<SweepSpec> load_sweep(const std::filesystem::path& file, const models::Catalogs& catalogs) {
  auto text = read_input_file(file, "sweep file", kMaxScenarioFileBytes);
  if (!text.ok()) return text.diagnostics();
  auto read = read_sweep(text.value(), file);
  if (!read.ok()) return read;
  SweepSpec spec = std::move(read).value();
  Diagnostics diagnostics;
  const YamlContext ctx{file.string(), &diagnostics};

  if (auto scenario = read_input_file(spec.scenario, "scenario file", kMaxScenarioFileBytes);
      !scenario.ok()) {
    report_at(ctx, spec.scenario_mark, "scenario", "", scenario.diagnostics());
    return diagnostics;
  }
  const std::vector<std::string> fixed = assignments(spec.set);
  auto base = load_scenario(spec.scenario, fixed, catalogs);
  if (!base.ok()) {
    // Which fixed override breaks it? Try each alone; if none does alone, blame them together
    // (or the scenario itself, whose diagnostics carry its own file and line).
    bool blamed = false;
    for (const auto& o : spec.set) {
      auto alone = load_scenario(spec.scenario, {o.path + "=" + o.value}, catalogs);
      if (alone.ok()) continue;
      report_at(ctx, o.mark, o.key, fmt::format("with {}={}", o.path, o.value),
                alone.diagnostics());
      blamed = true;
    }
    if (!blamed) report_at(ctx, spec.scenario_mark, "scenario", "", base.diagnostics());
    return diagnostics;
  }
  if (base->workload.trace) spec.inputs.push_back(base->workload.trace->path);

  auto check_axis = [&](const SweepAxis& axis) {
    for (const auto& value : axis.values) {
      std::vector<std::string> overrides = fixed;
      overrides.push_back(value.path + "=" + value.value);
      auto loaded = load_scenario(spec.scenario, overrides, catalogs);
      if (!loaded.ok()) {
        report_at(ctx, value.mark, value.key, fmt::format("with {}={}", value.path, value.value),
                  loaded.diagnostics());
      }
    }
  };
  for (const auto& axis : spec.grid) check_axis(axis);
  for (const auto& group : spec.zips) {
    for (const auto& axis : group) check_axis(axis);
  }
  if (!diagnostics.empty()) return diagnostics;

  std::vector<std::string> first = fixed;
  for (const auto& axis : spec.grid) first.push_back(axis.path + "=" + axis.values.front().value);
  for (const auto& group : spec.zips) {
    for (const auto& axis : group) first.push_back(axis.path + "=" + axis.values.front().value);
  }
  first.push_back(fmt::format("seed={}", spec.seeds.front()));
  auto combined = load_scenario(spec.scenario, first, catalogs);
  if (!combined.ok()) {
    report_at(ctx, spec.parameters_mark, "parameters", "with the first combination of values",
              combined.diagnostics());
  } else {
    report_at(ctx, spec.scenario_mark, "scenario", "", check_run_size(combined.value()));
  }
  if (!diagnostics.empty()) return diagnostics;
  return spec;
}

}  // namespace sovsim::sim
