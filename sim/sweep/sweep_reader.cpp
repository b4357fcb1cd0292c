// sim/sweep/sweep_reader.cpp — read_sweep (sweep_loader.hpp): the sweep file's keys through the
// schema tables of sweep_schema.cpp and MapReader, values turned into the YAML text `--set`
// takes, ranges expanded. Checks against the scenario are in sweep_check.cpp.
#include <fmt/format.h>

#include <cmath>
#include <set>

#include "models/common/yaml_reader.hpp"
#include "sim/sweep/sweep_loader.hpp"
#include "sim/sweep/sweep_schema.hpp"
#include "sim/trace/csv.hpp"

namespace sovsim::sim {
namespace {

namespace ss = sweep_schema;

// A value as the text `--set path=TEXT` parses back to the same YAML: a scalar as written
// (quoted if it would not read back as itself, e.g. "a: b"), a list or map in flow style.
std::string value_text(const YAML::Node& node) {
  if (node.IsScalar()) {
    try {
      const YAML::Node back = YAML::Load(node.Scalar());
      if (back.IsScalar() && back.Scalar() == node.Scalar()) {
        return node.Scalar();
      }
    } catch (const YAML::Exception&) {
    }
  }
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  if (node.IsScalar()) {
    out << YAML::DoubleQuoted << node.Scalar();
  } else {
    out << node;
  }
  return out.c_str();
}

// The entries of a map whose keys are free (scenario paths, metric names), in file order, each
// key once (finish() reports duplicates and non-scalar keys).
std::vector<std::pair<std::string, YAML::Node>> free_entries(MapReader& m) {
  std::vector<std::pair<std::string, YAML::Node>> out;
  if (!m.node().IsMap()) return out;
  std::set<std::string> seen;
  for (const auto& kv : m.node()) {
    if (!kv.first.IsScalar() || !seen.insert(kv.first.Scalar()).second) continue;
    out.emplace_back(kv.first.Scalar(), m.raw(kv.first.Scalar()));
  }
  m.finish();
  return out;
}

// "0.1" -> 0.1 for range ends; diagnostic otherwise.
std::optional<double> number_of(const YAML::Node& node, const std::string& key,
                                const YamlContext& ctx) {
  const auto v = node.IsScalar() ? parse_double(node.Scalar()) : std::nullopt;
  if (!v) ctx.error(node, key, "expected a number, found " + describe_node(node));
  return v;
}

// `{range: [lo, hi], steps: N, scale: linear|log, round: bool}` -> the values.
std::vector<SweepOverride> range_values(const YAML::Node& node, const std::string& path,
                                        const std::string& key, const YamlContext& ctx) {
  MapReader r(node, key, ctx, ss::kRange);
  const YAML::Node range = r.raw("range");
  const int64_t steps = r.integer("steps");
  const std::string scale = r.choice("scale");
  const bool round = r.boolean("round");
  r.required("range");
  r.finish();
  if (!range.IsDefined()) return {};
  if (!range.IsSequence() || range.size() != 2) {
    ctx.error(range, r.key_path("range"), "expected [lo, hi], found " + describe_node(range));
    return {};
  }
  const auto lo = number_of(range[0], r.key_path("range") + "[0]", ctx);
  const auto hi = number_of(range[1], r.key_path("range") + "[1]", ctx);
  if (!lo || !hi || steps < 2) return {};
  if (scale == "log" && (*lo <= 0 || *hi <= 0)) {
    ctx.error(range, r.key_path("range"),
              fmt::format("a log scale needs lo and hi > 0, found [{}, {}]", *lo, *hi));
    return {};
  }
  if (*lo == *hi) {
    ctx.error(range, r.key_path("range"),
              fmt::format("expected lo != hi, found [{}, {}]", *lo, *hi));
    return {};
  }
  std::vector<SweepOverride> out;
  std::set<double> seen;
  for (int64_t i = 0; i < steps; ++i) {
    const double f = static_cast<double>(i) / static_cast<double>(steps - 1);
    double v = i == 0           ? *lo
               : i == steps - 1 ? *hi
               : scale == "log" ? *lo * std::pow(*hi / *lo, f)
                                : *lo + (*hi - *lo) * f;
    if (round) v = std::round(v);
    if (!seen.insert(v).second) {
      ctx.error(node, key,
                fmt::format("values repeat after rounding ({} twice); use fewer steps", v));
      return {};
    }
    out.push_back({path, fmt::format("{}", v), node.Mark(), key});
  }
  return out;
}

// A parameter's values: a non-empty list of distinct values, or a range.
SweepAxis read_axis(const std::string& path, const YAML::Node& node, const std::string& key,
                    const YamlContext& ctx) {
  SweepAxis axis{path, {}};
  if (node.IsMap()) {
    axis.values = range_values(node, path, key, ctx);
  } else if (node.IsSequence() && node.size() > 0) {
    std::set<std::string> seen;
    for (size_t i = 0; i < node.size(); ++i) {
      const std::string text = value_text(node[i]);
      if (!seen.insert(text).second) {
        ctx.error(node[i], fmt::format("{}[{}]", key, i),
                  fmt::format("value {} appears twice", text));
      }
      axis.values.push_back({path, text, node[i].Mark(), key});
    }
  } else {
    ctx.error(node, key,
              "expected a non-empty list of values or {range: [lo, hi], steps: N}, found " +
                  describe_node(node));
  }
  return axis;
}

std::vector<SweepAxis> read_axes(MapReader m, const YamlContext& ctx) {
  std::vector<SweepAxis> axes;
  for (const auto& [path, node] : free_entries(m)) {
    axes.push_back(read_axis(path, node, m.key_path(path), ctx));
  }
  return axes;
}

std::vector<uint64_t> read_seeds(MapReader& top, const YamlContext& ctx) {
  const YAML::Node node = top.raw("seeds");
  if (!node.IsSequence()) {
    const int64_t count = top.integer("seeds");
    std::vector<uint64_t> seeds;
    for (int64_t s = 1; s <= count; ++s) seeds.push_back(static_cast<uint64_t>(s));
    return seeds;
  }
  std::vector<uint64_t> seeds;
  std::set<int64_t> seen;
  if (node.size() == 0) ctx.error(node, "seeds", "expected at least one seed, found an empty list");
  for (size_t i = 0; i < node.size(); ++i) {
    const std::string key = fmt::format("seeds[{}]", i);
    const auto v = node[i].IsScalar() ? parse_integer(node[i].Scalar()) : std::nullopt;
    if (!v || *v < 0) {
      ctx.error(node[i], key,
                "expected a seed (an integer 0…2⁵³), found " + describe_node(node[i]));
    } else if (!seen.insert(*v).second) {
      ctx.error(node[i], key, fmt::format("seed {} appears twice", *v));
    } else {
      seeds.push_back(static_cast<uint64_t>(*v));
    }
  }
  return seeds;
}

bool column_name(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

std::vector<std::pair<std::string, MetricPath>> read_metrics(MapReader m, const YamlContext& ctx) {
  std::vector<std::pair<std::string, MetricPath>> metrics;
  const bool present = m.node().IsMap();
  for (const auto& [name, node] : free_entries(m)) {
    const std::string key = m.key_path(name);
    if (!column_name(name)) {
      ctx.error(node, key, "expected a metric name of letters, digits and '_' (a column name)");
      continue;
    }
    if (name == "run_id" || name == "status" || name == "error" || name == "seed") {
      ctx.error(node, key, "is a column of every sweep's results; choose another metric name");
      continue;
    }
    if (!node.IsScalar()) {
      ctx.error(node, key, "expected a summary.json path, found " + describe_node(node));
      continue;
    }
    std::string error;
    if (auto path = MetricPath::parse(node.Scalar(), error)) {
      metrics.emplace_back(name, std::move(*path));
    } else {
      ctx.error(node, key, error);
    }
  }
  if (present && metrics.empty() && m.node().size() == 0) {
    ctx.error(m.node(), "metrics", "expected at least one metric, found an empty map");
  }
  return metrics;
}

// Every path is set by one key only: `set`, a parameter or a zip entry.
void check_paths_unique(const SweepSpec& spec, const YamlContext& ctx) {
  std::set<std::string> seen;
  auto check = [&](const std::string& path, const SweepOverride& where) {
    if (path == "seed") {
      ctx.error(where.mark, where.key, "the seed is set by `seeds`, not as a parameter");
    } else if (!seen.insert(path).second) {
      ctx.error(where.mark, where.key,
                fmt::format("'{}' is already set elsewhere in this sweep", path));
    }
  };
  for (const auto& o : spec.set) check(o.path, o);
  for (const auto& axis : spec.grid) {
    if (!axis.values.empty()) check(axis.path, axis.values.front());
  }
  for (const auto& group : spec.zips) {
    for (const auto& axis : group) {
      if (!axis.values.empty()) check(axis.path, axis.values.front());
    }
  }
}

}  // namespace

Result<SweepSpec> read_sweep(const std::string& text, const std::filesystem::path& file) {
  Diagnostics diagnostics;
  const YamlContext ctx{file.string(), &diagnostics};
  const YAML::Node root = parse_yaml(text, ctx);
  if (!diagnostics.empty()) return diagnostics;
  if (!root.IsDefined() || root.IsNull()) {  // nothing but comments or blank lines: no position
    return Diagnostics{Diagnostic{file.string(), 0, 0, "",
                                  "empty sweep file (expected a map with scenario, parameters "
                                  "and metrics; docs/sweeps.md)"}};
  }
  if (!root.IsMap()) {
    ctx.error(root, "",
              "expected a sweep file (a map of scenario, parameters, metrics...), found " +
                  describe_node(root));
    return diagnostics;
  }
  SweepSpec spec;
  spec.file = file;
  MapReader top(root, "", ctx, ss::kSweep);
  const std::string scenario = top.string("scenario");
  spec.scenario_mark = top.raw("scenario").IsDefined() ? top.raw("scenario").Mark() : YAML::Mark();
  if (!scenario.empty()) spec.scenario = file.parent_path() / scenario;
  spec.description = top.string("description");
  spec.outputs = top.choice("outputs", "all", {"all", "summary"});
  MapReader set = top.map("set");
  for (const auto& [path, node] : free_entries(set)) {
    if (!node.IsScalar() && !node.IsSequence() && !node.IsMap()) {
      ctx.error(node, set.key_path(path), "expected a value, found " + describe_node(node));
      continue;
    }
    spec.set.push_back({path, value_text(node), node.Mark(), set.key_path(path)});
  }
  const YAML::Node parameters = top.raw("parameters");
  spec.parameters_mark = parameters.IsDefined() ? parameters.Mark() : root.Mark();
  spec.grid = read_axes(top.map("parameters"), ctx);
  for (auto& [node, path] : top.list("zip")) {
    MapReader group(node, path, ctx);
    auto axes = read_axes(group, ctx);
    if (node.IsMap() && node.size() == 0) ctx.error(node, path, "expected at least one parameter");
    for (const auto& axis : axes) {
      if (!axis.values.empty() && axis.values.size() != axes.front().values.size()) {
        ctx.error(node, path,
                  fmt::format("the lists of a zip group advance together and must be of one "
                              "length; '{}' has {} values, '{}' has {}",
                              axes.front().path, axes.front().values.size(), axis.path,
                              axis.values.size()));
        break;
      }
    }
    spec.zips.push_back(std::move(axes));
  }
  spec.seeds = read_seeds(top, ctx);
  spec.metrics = read_metrics(top.map("metrics"), ctx);
  top.required("metrics");
  top.finish();
  check_paths_unique(spec, ctx);
  double runs = static_cast<double>(spec.seeds.size());
  for (const auto& axis : spec.grid) runs *= static_cast<double>(axis.values.size());
  for (const auto& group : spec.zips) {
    if (!group.empty()) runs *= static_cast<double>(group.front().values.size());
  }
  if (runs > ss::kMaxRuns) {
    ctx.error(
        root, "",
        fmt::format("the sweep has {:.0f} runs; at most {:.0f} are allowed", runs, ss::kMaxRuns));
  }
  if (!diagnostics.empty()) return diagnostics;
  return spec;
}

}  // namespace sovsim::sim
