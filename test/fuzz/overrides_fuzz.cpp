// test/fuzz/overrides_fuzz.cpp — libFuzzer target for `--set key.path=value` (overrides.hpp). The
// input is one assignment per line, applied to a small scenario; after a line `%%` the rest of the
// input replaces that scenario. Each assignment goes to apply_override on the YAML tree, then all
// of them through the scenario loader, as `sovsim run --set ...` does. Checked: no crash or
// sanitizer report; a rejected assignment adds a diagnostic and, unless it uses [*], leaves the
// tree as it was (but for nulls on its path turned into empty maps); an accepted one adds none;
// a scenario that does not load says why.
//   build-fuzz/test/overrides_fuzz -max_len=2048 test/fuzz/corpus/overrides
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "models/catalogs.hpp"
#include "sim/scenario/overrides.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "test/fuzz/fuzz_support.hpp"

namespace {

constexpr const char* kBase = R"(name: fuzz
seed: 1
horizon: 2d
sites:
  - name: a
    nodes:
      - {hardware: H100, count: 2}
  - name: b
    nodes:
      - {hardware: B200, count: 2}
      - {hardware: H200, count: 1}
tenants:
  - {name: t1, share: 0.6, sites: [a, b]}
  - {name: t2, share: 0.4, sites: [b]}
workload:
  jobs:
    - {id: 1, tenant: t1, kind: train, submit: 0s, gpus: 8, duration: 1d}
  generators:
    - tenant: t2
      kind: batch
      rate_per_hour: 1
      gpus: {dist: choice, values: [1, 2, 4], weights: [3, 2, 1]}
      duration: {dist: lognormal, median: 2h, sigma: 1.0, min: 5m, max: 1d}
scheduler: {policy: fcfs, placement: first-fit}
)";

// The tree as text, a null value and an empty map alike: a rejected path may have turned a null
// it passed through into an empty map (yaml-cpp's operator[] does), which changes nothing the
// loader reads.
std::string dump(const YAML::Node& node) {
  YAML::Emitter out;
  out << node;
  std::string text = out.c_str();
  for (size_t at = text.find("{}"); at != std::string::npos; at = text.find("{}", at)) {
    text.replace(at, 2, "~");
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto catalogs = sovsim::models::Catalogs::builtin();
  const std::string input(sovsim::fuzz::as_text(data, size));
  std::vector<std::string> assignments;
  std::string base = kBase;
  for (size_t start = 0; start < input.size();) {
    size_t end = input.find('\n', start);
    if (end == std::string::npos) end = input.size();
    std::string line = input.substr(start, end - start);
    start = end + 1;
    if (line == "%%") {
      base = start < input.size() ? input.substr(start) : std::string();
      break;
    }
    if (!line.empty()) assignments.push_back(std::move(line));
  }
  if (assignments.size() > 64) return -1;  // not worth the time; keeps inputs small

  YAML::Node root;
  try {
    root = YAML::Load(base);
  } catch (const YAML::Exception&) {
    return 0;  // the loader's own target covers bad YAML
  }
  for (const std::string& assignment : assignments) {
    sovsim::Diagnostics diagnostics;
    const bool star = assignment.find("[*]") != std::string::npos;
    const std::string before = star ? std::string() : dump(root);
    if (sovsim::sim::apply_override(root, assignment, diagnostics)) {
      if (!diagnostics.empty()) __builtin_trap();
    } else {
      if (diagnostics.empty()) __builtin_trap();
      if (!star && dump(root) != before) __builtin_trap();
    }
  }
  sovsim::fuzz::check_diagnosed(
      sovsim::sim::parse_scenario(base, "fuzz.yaml", assignments, catalogs.value()));
  return 0;
}
