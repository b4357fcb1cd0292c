// sim/sweep/sweep_dir.cpp — see sweep_dir.hpp.
#include "sim/sweep/sweep_dir.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "sim/output/output_file.hpp"

namespace sovsim::sim::sweep_dir {
namespace {

// Everything a sweep writes at the top of its directory (temporary files of the tables start
// with one of these names too).
constexpr std::string_view kEntries[] = {"plan.json",      "runs",        "results",
                                         "results.sqlite", "results.csv", "aggregate.csv",
                                         "tornado.csv",    "report.html",
                                         "slurm"};

bool ours(const std::string& name) {
  for (std::string_view e : kEntries) {
    if (name == e || name.starts_with(std::string(e) + ".tmp-")) return true;
  }
  return false;
}

// The pid in a temporary name "....tmp-PID" or "....old-PID", or 0.
pid_t temporary_owner(const std::string& name) {
  for (std::string_view role : {".tmp-", ".old-"}) {
    const size_t at = name.rfind(role);
    if (at == std::string::npos) continue;
    pid_t pid = 0;
    const char* begin = name.data() + at + role.size();
    const char* end = name.data() + name.size();
    const auto [stop, ec] = std::from_chars(begin, end, pid);
    if (ec == std::errc() && stop == end && pid > 0) return pid;
  }
  return 0;
}

}  // namespace

std::optional<std::string> problem(const fs::path& dir) {
  if (dir.empty()) return "expected a directory path, found an empty string";
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(dir, ec);
  if (status.type() == fs::file_type::not_found) return std::nullopt;
  if (status.type() != fs::file_type::directory) {
    return "exists and is not a directory; choose another -o";
  }
  if (fs::is_empty(dir, ec)) return std::nullopt;
  if (!fs::exists(plan_file(dir), ec)) {
    return "exists and is not a sweep directory (no plan.json); choose another -o or remove it";
  }
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!ours(name)) {
      return "holds '" + name + "', which a sweep does not write; choose another -o or remove it";
    }
  }
  return std::nullopt;
}

std::optional<SweepPlan> read_plan(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(plan_file(dir), ec)) return std::nullopt;
  std::ifstream in(plan_file(dir), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::string error;
  try {
    if (auto plan = plan_from_json(nlohmann::ordered_json::parse(text.str()), error)) return plan;
  } catch (const nlohmann::json::exception& e) {
    error = e.what();
  }
  throw std::runtime_error(plan_file(dir).string() + ": " + error);
}

void start(const fs::path& dir, const SweepPlan& plan) {
  fs::create_directories(runs_dir(dir));
  fs::create_directories(results_dir(dir));
  write_file_atomically(plan_file(dir), plan_json(plan).dump(1) + "\n");
}

void remove_stale_temporaries(const fs::path& dir) {
  for (const fs::path& where : {dir, runs_dir(dir), results_dir(dir)}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(where, ec)) {
      const pid_t pid = temporary_owner(entry.path().filename().string());
      if (pid == 0 || pid == ::getpid() || process_running(pid)) continue;
      std::error_code ignored;
      fs::remove_all(entry.path(), ignored);
    }
  }
}

void clear(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (ours(entry.path().filename().string())) fs::remove_all(entry.path());
  }
}

}  // namespace sovsim::sim::sweep_dir
