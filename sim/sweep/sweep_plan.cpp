// sim/sweep/sweep_plan.cpp — see sweep_plan.hpp.
#include "sim/sweep/sweep_plan.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sovsim::sim {
namespace {

constexpr const char* kFormat = "sovsim-sweep-plan/1";

// FNV-1a, 64 bits: a content fingerprint (not a security hash), portable and tiny.
std::string fnv1a64(const std::string& bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

std::string run_id(size_t index, size_t count) {
  const size_t width = std::max<size_t>(4, fmt::format("{}", count == 0 ? 0 : count - 1).size());
  return fmt::format("r{:0{}}", index, width);
}

nlohmann::ordered_json assignments_json(const Assignments& a) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [path, value] : a) j[path] = value;
  return j;
}

}  // namespace

std::vector<std::string> SweepPlan::run_arguments(const PlannedRun& run) const {
  std::vector<std::string> args = {"--seed", std::to_string(run.seed)};
  if (outputs == "summary") args.insert(args.end(), {"--outputs", "summary"});
  for (const auto* list : {&set, &run.parameters}) {
    for (const auto& [path, value] : *list) {
      args.push_back("--set");
      args.push_back(path + "=" + value);
    }
  }
  return args;
}

SweepPlan make_plan(const SweepSpec& spec) {
  SweepPlan plan;
  auto contents = [](const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read " + file.string());
    return text.str();
  };
  plan.scenario = std::filesystem::absolute(spec.scenario).lexically_normal().string();
  plan.scenario_fnv1a64 = fnv1a64(contents(spec.scenario));
  if (!spec.inputs.empty()) {
    std::string all;
    for (const auto& file : spec.inputs) all += fnv1a64(contents(file));
    plan.inputs_fnv1a64 = fnv1a64(all);
  }
  plan.outputs = spec.outputs;
  for (const auto& o : spec.set) plan.set.emplace_back(o.path, o.value);
  for (const auto& [name, path] : spec.metrics) plan.metrics.emplace_back(name, path.text());

  // The axes of the product, slowest first: each grid parameter, then each zip group (whose
  // parameters advance together).
  std::vector<std::vector<const SweepAxis*>> axes;
  for (const auto& axis : spec.grid) axes.push_back({&axis});
  for (const auto& group : spec.zips) {
    std::vector<const SweepAxis*> members;
    for (const auto& axis : group) members.push_back(&axis);
    axes.push_back(members);
  }
  size_t combinations = 1;
  for (const auto& members : axes) {
    combinations *= members.front()->values.size();
    for (const auto* axis : members) plan.parameters.push_back(axis->path);
  }
  const size_t total = combinations * spec.seeds.size();
  std::vector<size_t> position(axes.size(), 0);
  for (size_t c = 0; c < combinations; ++c) {
    size_t rest = c;  // mixed-radix digits of c, the last axis fastest
    for (size_t a = axes.size(); a-- > 0;) {
      const size_t n = axes[a].front()->values.size();
      position[a] = rest % n;
      rest /= n;
    }
    Assignments parameters;
    for (size_t a = 0; a < axes.size(); ++a) {
      for (const auto* axis : axes[a]) {
        parameters.emplace_back(axis->path, axis->values[position[a]].value);
      }
    }
    for (uint64_t seed : spec.seeds) {
      plan.runs.push_back({run_id(plan.runs.size(), total), c, seed, parameters});
    }
  }
  return plan;
}

nlohmann::ordered_json plan_json(const SweepPlan& plan) {
  nlohmann::ordered_json runs = nlohmann::ordered_json::array();
  for (const auto& run : plan.runs) {
    runs.push_back({{"id", run.id},
                    {"combination", run.combination},
                    {"seed", run.seed},
                    {"parameters", assignments_json(run.parameters)}});
  }
  nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
  for (const auto& [name, path] : plan.metrics) metrics[name] = path;
  return {{"format", kFormat},
          {"scenario", plan.scenario},
          {"scenario_fnv1a64", plan.scenario_fnv1a64},
          {"inputs_fnv1a64", plan.inputs_fnv1a64},
          {"outputs", plan.outputs},
          {"set", assignments_json(plan.set)},
          {"parameters", plan.parameters},
          {"metrics", metrics},
          {"runs", runs}};
}

std::optional<SweepPlan> plan_from_json(const nlohmann::ordered_json& j, std::string& error) {
  try {
    if (j.at("format") != kFormat) {
      error = fmt::format("not a plan of this version (format {}, expected {})",
                          j.at("format").dump(), kFormat);
      return std::nullopt;
    }
    SweepPlan plan;
    plan.scenario = j.at("scenario").get<std::string>();
    plan.scenario_fnv1a64 = j.at("scenario_fnv1a64").get<std::string>();
    plan.outputs = j.value("outputs", std::string("all"));  // plans written before the key
    plan.inputs_fnv1a64 = j.value("inputs_fnv1a64", std::string(kInputsUnknown));
    const auto& ordered = j;
    for (const auto& [path, value] : ordered.at("set").items()) {
      plan.set.emplace_back(path, value.get<std::string>());
    }
    plan.parameters = j.at("parameters").get<std::vector<std::string>>();
    for (const auto& [name, path] : ordered.at("metrics").items()) {
      plan.metrics.emplace_back(name, path.get<std::string>());
    }
    for (const auto& r : ordered.at("runs")) {
      PlannedRun run{r.at("id").get<std::string>(),
                     r.at("combination").get<size_t>(),
                     r.at("seed").get<uint64_t>(),
                     {}};
      for (const auto& [path, value] : r.at("parameters").items()) {
        run.parameters.emplace_back(path, value.get<std::string>());
      }
      plan.runs.push_back(std::move(run));
    }
    return plan;
  } catch (const nlohmann::json::exception& e) {
    error = std::string("malformed plan: ") + e.what();
    return std::nullopt;
  }
}

std::string shell_quote(const std::string& text) {
  bool safe = !text.empty();
  for (char c : text) {
    safe = safe && (std::isalnum(static_cast<unsigned char>(c)) ||
                    std::string_view("_-.,:/=+@%").find(c) != std::string_view::npos);
  }
  if (safe) return text;
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string dry_run_line(const SweepPlan& plan, const PlannedRun& run) {
  std::string line = run.id + " ";
  for (const auto& arg : plan.run_arguments(run)) line += " " + shell_quote(arg);
  return line;
}

}  // namespace sovsim::sim
