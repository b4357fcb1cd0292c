// sim/sweep/sweep_spec.hpp — a sweep file once read (sweep_loader.hpp): the scenario, the fixed
// overrides, the parameter axes (grid and zip groups), the seeds and the metrics. Values are kept
// as the YAML text `--set path=value` receives. Expanding it into runs is sweep_plan.hpp's job.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "sim/sweep/metric_path.hpp"

namespace sovsim::sim {

// One `path=value` override and where in the sweep file it came from (for diagnostics).
struct SweepOverride {
  std::string path, value;
  YAML::Mark mark;
  std::string key;  // dotted key in the sweep file, e.g. "parameters.scheduler.policy"
};

// One parameter: a scenario path and its values, in order.
struct SweepAxis {
  std::string path;
  std::vector<SweepOverride> values;  // each with this path
};

struct SweepSpec {
  std::filesystem::path file;      // the sweep file
  std::filesystem::path scenario;  // as written, resolved against the sweep file's directory
  YAML::Mark scenario_mark, parameters_mark;
  std::string description;
  std::string outputs = "all";               // `sovsim run --outputs` of every run
  std::vector<SweepOverride> set;            // applied to every run, in file order
  std::vector<SweepAxis> grid;               // `parameters`, in file order
  std::vector<std::vector<SweepAxis>> zips;  // each group's axes have equally many values
  std::vector<uint64_t> seeds;               // distinct, in file order
  std::vector<std::pair<std::string, MetricPath>> metrics;  // name -> path, in file order
  // Files the scenario reads besides itself (its trace), with the fixed overrides applied: their
  // contents are part of the plan, so a changed trace is not mixed with results of the old one.
  std::vector<std::filesystem::path> inputs;
};

}  // namespace sovsim::sim
