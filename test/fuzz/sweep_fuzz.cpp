// test/fuzz/sweep_fuzz.cpp — libFuzzer target for the sweep file reader (read_sweep in
// sweep_loader.hpp): the input is a sweep file. Checked: no crash or sanitizer report; a file
// that does not read says why; one that reads expands into a plan (make_plan, against a stand-in
// scenario file) of as many runs as its grid, zips and seeds multiply to, whose plan.json reads
// back (plan_from_json) as the same runs, and whose dry-run lines print.
//   build-fuzz/test/sweep_fuzz -max_len=4096 test/fuzz/corpus/sweep
#include <string>

#include "sim/sweep/sweep_loader.hpp"
#include "sim/sweep/sweep_plan.hpp"
#include "test/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path dir = sovsim::fuzz::scratch_dir("sweep");
  static const std::filesystem::path scenario = [] {
    const auto file = dir / "scenario.yaml";
    sovsim::fuzz::write_file(file, "name: stand-in\n");
    return file;
  }();
  const std::string text(sovsim::fuzz::as_text(data, size));
  auto spec = sovsim::sim::read_sweep(text, dir / "sweep.yaml");
  sovsim::fuzz::check_diagnosed(spec);
  if (!spec.ok()) return 0;

  // The plan, for sweeps small enough to expand quickly (read_sweep allows a million runs).
  double runs = static_cast<double>(spec->seeds.size());
  for (const auto& axis : spec->grid) runs *= static_cast<double>(axis.values.size());
  for (const auto& group : spec->zips) {
    if (!group.empty()) runs *= static_cast<double>(group.front().values.size());
  }
  if (runs > 5000) return 0;
  sovsim::sim::SweepSpec s = std::move(spec).value();
  s.scenario = scenario;
  s.inputs.clear();
  const sovsim::sim::SweepPlan plan = sovsim::sim::make_plan(s);
  if (static_cast<double>(plan.runs.size()) != runs) __builtin_trap();
  std::string error;
  const auto back = sovsim::sim::plan_from_json(sovsim::sim::plan_json(plan), error);
  if (!back || back->runs.size() != plan.runs.size()) __builtin_trap();
  for (size_t i = 0; i < plan.runs.size(); ++i) {
    if (back->runs[i].id != plan.runs[i].id || back->runs[i].seed != plan.runs[i].seed ||
        back->runs[i].parameters != plan.runs[i].parameters) {
      __builtin_trap();
    }
    (void)sovsim::sim::dry_run_line(plan, plan.runs[i]);
  }
  return 0;
}
