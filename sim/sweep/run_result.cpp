// sim/sweep/run_result.cpp — see run_result.hpp.
#include "sim/sweep/run_result.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sim/output/output_file.hpp"
#include "sim/sweep/sweep_dir.hpp"

namespace sovsim::sim {
namespace {

namespace fs = std::filesystem;

constexpr size_t kErrorLines = 5;  // of a failed run's stderr
constexpr size_t kErrorChars = 2000;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The last non-empty lines of a log, joined by " | " (one line in a CSV cell).
std::string log_tail(const fs::path& log) {
  std::vector<std::string> lines;
  std::stringstream in(read_text(log));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  std::string out;
  for (size_t i = lines.size() > kErrorLines ? lines.size() - kErrorLines : 0; i < lines.size();
       ++i) {
    out += (out.empty() ? "" : " | ") + lines[i];
  }
  if (out.size() > kErrorChars) out = "..." + out.substr(out.size() - kErrorChars);
  return out;
}

}  // namespace

nlohmann::ordered_json result_json(const RunResult& r) {
  nlohmann::ordered_json parameters = nlohmann::ordered_json::object();
  for (const auto& [path, value] : r.parameters) parameters[path] = value;
  nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
  for (const auto& [name, value] : r.metrics) {
    metrics[name] = value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
  }
  return {{"run_id", r.id},           {"status", r.ok ? "ok" : "failed"},
          {"error", r.error},         {"seed", r.seed},
          {"parameters", parameters}, {"metrics", metrics},
          {"exit_code", r.exit_code}, {"wall_s", r.wall_s}};
}

RunResult collect_result(const fs::path& dir, const SweepPlan& plan, const PlannedRun& run,
                         int wait_status, double wall_s) {
  RunResult r{run.id, false, "", run.seed, run.parameters, {}, -1, wall_s};
  for (const auto& [name, path] : plan.metrics) r.metrics.emplace_back(name, std::nullopt);
  if (WIFSIGNALED(wait_status)) {
    const int sig = WTERMSIG(wait_status);
    r.error = fmt::format("killed by signal {} ({})", sig, strsignal(sig));
    return r;
  }
  r.exit_code = WEXITSTATUS(wait_status);
  if (r.exit_code != 0) {
    const std::string tail = log_tail(sweep_dir::run_log(dir, run.id));
    r.error = fmt::format("sovsim run exited with {}: {}", r.exit_code,
                          tail.empty() ? "(no output)" : tail);
    return r;
  }
  nlohmann::json summary;
  try {
    summary = nlohmann::json::parse(read_text(sweep_dir::run_output(dir, run.id) / "summary.json"));
  } catch (const nlohmann::json::exception& e) {
    r.error = std::string("cannot read summary.json: ") + e.what();
    return r;
  }
  std::vector<std::string> errors;
  for (size_t i = 0; i < plan.metrics.size(); ++i) {
    std::string error, parse_error;
    const auto path = MetricPath::parse(plan.metrics[i].second, parse_error);
    if (!path) {
      errors.push_back(plan.metrics[i].first + ": " + parse_error);
      continue;
    }
    r.metrics[i].second = path->resolve(summary, error);
    if (!error.empty()) errors.push_back(plan.metrics[i].first + ": " + error);
  }
  for (const auto& e : errors) r.error += (r.error.empty() ? "" : "; ") + e;
  r.ok = errors.empty();
  return r;
}

void write_result(const fs::path& dir, const RunResult& result) {
  write_file_atomically(sweep_dir::result_file(dir, result.id), result_json(result).dump(1) + "\n");
}

std::map<size_t, RunResult> read_results(const fs::path& dir, const SweepPlan& plan) {
  std::map<size_t, RunResult> out;
  for (size_t i = 0; i < plan.runs.size(); ++i) {
    const PlannedRun& run = plan.runs[i];
    const fs::path file = sweep_dir::result_file(dir, run.id);
    std::error_code ec;
    if (!fs::exists(file, ec)) continue;
    try {
      const auto j = nlohmann::ordered_json::parse(read_text(file));
      RunResult r;
      r.id = j.at("run_id").get<std::string>();
      r.ok = j.at("status").get<std::string>() == "ok";
      r.error = j.at("error").get<std::string>();
      r.seed = j.at("seed").get<uint64_t>();
      for (const auto& [path, value] : j.at("parameters").items()) {
        r.parameters.emplace_back(path, value.get<std::string>());
      }
      for (const auto& [name, value] : j.at("metrics").items()) {
        r.metrics.emplace_back(
            name, value.is_null() ? std::nullopt : std::optional<double>(value.get<double>()));
      }
      r.exit_code = j.at("exit_code").get<int>();
      r.wall_s = j.at("wall_s").get<double>();
      bool matches = r.id == run.id && r.seed == run.seed && r.parameters == run.parameters &&
                     r.metrics.size() == plan.metrics.size();
      for (size_t m = 0; matches && m < plan.metrics.size(); ++m) {
        matches = r.metrics[m].first == plan.metrics[m].first;
      }
      if (matches) out.emplace(i, std::move(r));
    } catch (const nlohmann::json::exception&) {
      // unreadable (a torn or hand-edited file): the run counts as not done
    }
  }
  return out;
}

}  // namespace sovsim::sim
