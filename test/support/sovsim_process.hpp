// test/support/sovsim_process.hpp — helpers for tests that run the real `sovsim` binary (SimGrid
// allows one engine per process, so every engine run happens in its own process): temp dirs,
// writing a scenario, running a command line, reading a CSV.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sovsim::test {

// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sovsim-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct ProcessResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `sovsim ARGS` (args are shell-quoted by the caller when needed) and captures its output.
inline ProcessResult run_sovsim(const std::string& args, const std::filesystem::path& scratch) {
  const auto out_file = scratch / "stdout.txt", err_file = scratch / "stderr.txt";
  const std::string cmd = std::string(SOVSIM_BINARY) + " " + args + " >" + out_file.string() +
                          " 2>" + err_file.string();
  const int status = std::system(cmd.c_str());
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out_file);
  r.err = read_file(err_file);
  return r;
}

// A CSV file as rows of named fields (header row gives the names). Minimal: no quoting.
using CsvRow = std::map<std::string, std::string>;
inline std::vector<CsvRow> read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  auto split = [](const std::string& l) {
    std::vector<std::string> fields;
    std::stringstream s(l);
    std::string f;
    while (std::getline(s, f, ',')) fields.push_back(f);
    if (!l.empty() && l.back() == ',') fields.emplace_back();
    return fields;
  };
  if (std::getline(in, line)) header = split(line);
  while (std::getline(in, line)) {
    auto fields = split(line);
    CsvRow row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = i < fields.size() ? fields[i] : "";
    rows.push_back(std::move(row));
  }
  return rows;
}

// The smallest valid scenario: one site of 2 H100 nodes, one tenant `a`, one 8-GPU job of 1 h.
inline const std::string kOneJobScenario =
    "name: t\nhorizon: 1d\nsites:\n  - name: s\n    nodes:\n      - {hardware: H100, count: 2}\n"
    "tenants:\n  - name: a\nworkload:\n  jobs:\n    - {tenant: a, gpus: 8, duration: 1h}\n";

inline std::string source_path(const std::string& relative) {
  return std::string(SOVSIM_SOURCE_DIR) + "/" + relative;
}

// Writes `scenario` into `dir`, runs it (output in dir/out) and returns jobs.csv rows by job_id.
// A failing run is a test failure.
inline std::map<std::string, CsvRow> run_scenario_jobs(const std::string& scenario,
                                                       const TempDir& dir) {
  write_file(dir / "s.yaml", scenario);
  auto r = run_sovsim("run " + (dir / "s.yaml").string() + " -q -o " + (dir / "out").string(),
                      dir.path());
  if (r.exit_code != 0) ADD_FAILURE() << "sovsim run failed: " << r.err;
  std::map<std::string, CsvRow> by_id;
  for (auto& row : read_csv(dir / "out/jobs.csv")) by_id[row["job_id"]] = row;
  return by_id;
}

// GPU-seconds under the step series of utilisation.csv in `out`, each series held from its
// last row up to `end_s` (summary.json's end_s).
inline double utilisation_integral_gpu_s(const std::filesystem::path& out, double end_s) {
  std::map<std::string, std::pair<double, double>> last;  // series -> (time, busy)
  double gpu_s = 0;
  for (auto& row : read_csv(out / "utilisation.csv")) {
    const std::string key = row["site"] + "|" + row["tenant"] + "|" + row["hw"];
    const double t = std::stod(row["time_s"]), busy = std::stod(row["busy_gpus"]);
    auto it = last.find(key);
    if (it != last.end()) gpu_s += it->second.second * (t - it->second.first);
    last[key] = {t, busy};
  }
  for (auto& [key, tb] : last) gpu_s += tb.second * (end_s - tb.first);
  return gpu_s;
}

}  // namespace sovsim::test
