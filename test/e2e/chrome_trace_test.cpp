// test/e2e/chrome_trace_test.cpp — `sovsim run --trace FILE` as a user runs it: the trace is
// Chrome trace-event JSON whose job slices agree with jobs.csv (one per node a job held, its run
// time, its site as the process), counters agree with utilisation.csv, it is byte-identical
// across runs and changes nothing else; a fleet above the track limit is drawn per leaf; a path
// that cannot be written is refused before the run (exit 2) and nothing is left behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

using Json = nlohmann::json;

const std::string kQuickstart = source_path("scenarios/quickstart.yaml");
// Every quickstart node (HGX H100, B200, H200) holds 8 GPUs (models/catalog/hardware.yaml).
constexpr int kGpusPerNode = 8;

ProcessResult run_traced(const TempDir& dir, const std::string& out, const std::string& trace,
                         const std::string& extra = "") {
  return run_sovsim("run " + kQuickstart + " -q -o " + (dir / out).string() + " --trace " +
                        (dir / trace).string() + " " + extra,
                    dir.path());
}

struct Trace {
  Json json;
  std::map<int, std::string> process;             // pid -> name
  std::map<std::pair<int, int>, std::string> thread;  // (pid, tid) -> name
  std::map<std::string, std::vector<Json>> slices;    // job id -> its X events
  std::map<std::pair<int, std::string>, std::vector<std::pair<double, double>>> counters;
};

Trace read_trace(const std::filesystem::path& path) {
  Trace t;
  t.json = Json::parse(read_file(path));
  for (const Json& e : t.json["traceEvents"]) {
    const std::string ph = e["ph"];
    if (ph == "M" && e["name"] == "process_name") t.process[e["pid"]] = e["args"]["name"];
    if (ph == "M" && e["name"] == "thread_name") t.thread[{e["pid"], e["tid"]}] = e["args"]["name"];
    if (ph == "X") t.slices[std::to_string(e["args"]["job"].get<int64_t>())].push_back(e);
    if (ph == "C") {
      for (const auto& [key, value] : e["args"].items()) {
        t.counters[{e["pid"], e["name"].get<std::string>() + " " + key}].emplace_back(e["ts"], value);
      }
    }
  }
  return t;
}

TEST(ChromeTrace, QuickstartSlicesAgreeWithJobsCsv) {
  TempDir dir;
  const auto r = run_traced(dir, "out", "trace.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;  // no size rule applies to 20 nodes
  const Trace t = read_trace(dir / "trace.json");
  EXPECT_EQ(t.json["displayTimeUnit"], "ms");
  EXPECT_EQ(t.json["metadata"]["tracks"]["level"], "node");
  EXPECT_EQ(t.json["metadata"]["slices"]["dropped"], 0);
  size_t started = 0, slices = 0;
  for (auto& job : read_csv(dir / "out/jobs.csv")) {
    const auto it = t.slices.find(job["job_id"]);
    if (job["start_s"].empty()) {
      EXPECT_EQ(it, t.slices.end()) << "job " << job["job_id"] << " never started";
      continue;
    }
    ++started;
    ASSERT_NE(it, t.slices.end()) << "job " << job["job_id"];
    // A job within one node holds one node; a larger one whole nodes, each a track.
    const int alloc = std::stoi(job["alloc_gpus"]);
    const size_t nodes = alloc > kGpusPerNode ? static_cast<size_t>(alloc / kGpusPerNode) : 1;
    ASSERT_EQ(job["preemptions"], "0");  // fcfs, no failures: every job runs once
    ASSERT_EQ(it->second.size(), nodes) << "job " << job["job_id"];
    slices += nodes;
    for (const Json& e : it->second) {
      EXPECT_NEAR(e["ts"].get<double>() / 1e6, std::stod(job["start_s"]), 1e-6);
      EXPECT_NEAR(e["dur"].get<double>() / 1e6, std::stod(job["runtime_s"]), 2e-6);
      EXPECT_EQ(t.process.at(e["pid"]), job["site"]);
      EXPECT_TRUE(t.thread.count({e["pid"], e["tid"]}));
      EXPECT_EQ(e["args"]["tenant"], job["tenant"]);
      EXPECT_EQ(e["args"]["kind"], job["kind"]);
      EXPECT_EQ(e["args"]["gpus"].get<double>(), std::stod(job["gpus"]));
      EXPECT_EQ(e["args"]["end"], job["status"] == "completed" ? "completed" : "running at end");
    }
  }
  EXPECT_GT(started, 100u);
  EXPECT_EQ(t.json["metadata"]["slices"]["total"], slices);
  // Slices on one thread never overlap (the viewers need them nested or disjoint).
  std::map<std::pair<int, int>, std::vector<std::pair<int64_t, int64_t>>> by_thread;
  for (const auto& [job, events] : t.slices) {
    for (const Json& e : events) by_thread[{e["pid"], e["tid"]}].emplace_back(e["ts"], e["dur"]);
  }
  for (auto& [thread, spans] : by_thread) {
    std::sort(spans.begin(), spans.end());
    for (size_t i = 1; i < spans.size(); ++i) {
      EXPECT_LE(spans[i - 1].first + spans[i - 1].second, spans[i].first) << t.thread.at(thread);
    }
  }
}

// Busy GPUs per site: the largest sample of the trace's counter is the largest value of the sum
// of that site's series in utilisation.csv (bucketing keeps each bucket's maximum).
TEST(ChromeTrace, CountersAgreeWithUtilisationCsv) {
  TempDir dir;
  ASSERT_EQ(run_traced(dir, "out", "trace.json").exit_code, 0);
  const Trace t = read_trace(dir / "trace.json");
  std::map<std::string, double> series, peak, capacity;  // by series key / by site
  std::map<std::string, std::map<std::string, double>> at_time;  // site -> series -> busy
  std::string time;
  auto close_instant = [&] {
    for (auto& [site, values] : at_time) {
      double sum = 0;
      for (auto& [key, busy] : values) sum += busy;
      peak[site] = std::max(peak[site], sum);
    }
  };
  for (auto& row : read_csv(dir / "out/utilisation.csv")) {
    if (row["time_s"] != time) close_instant(), time = row["time_s"];
    at_time[row["site"]][row["tenant"] + "|" + row["hw"]] = std::stod(row["busy_gpus"]);
    capacity[row["site"] + "|" + row["hw"]] = std::stod(row["total_gpus"]);
  }
  close_instant();
  ASSERT_EQ(t.process.size(), 2u);
  for (const auto& [pid, site] : t.process) {
    const auto busy = t.counters.find({pid, "busy GPUs"});
    ASSERT_NE(busy, t.counters.end()) << site;
    double most = 0;
    for (const auto& [ts, v] : busy->second) most = std::max(most, v);
    EXPECT_EQ(most, peak[site]) << site;
    double site_capacity = 0;
    for (const auto& [key, gpus] : capacity) site_capacity += key.rfind(site + "|", 0) == 0 ? gpus : 0;
    EXPECT_EQ(t.counters.at({pid, "in service GPUs"}).back().second, site_capacity) << site;
    EXPECT_TRUE(t.counters.count({pid, "IT power kW"})) << site;
  }
  EXPECT_TRUE(t.counters.count({2, "hyundai busy GPUs"}));   // gov-haenam, where hyundai runs
  EXPECT_FALSE(t.counters.count({1, "hyundai busy GPUs"}));  // not at naver-chuncheon
}

TEST(ChromeTrace, SameRunSameBytesAndTheOutputsDoNotChange) {
  TempDir dir;
  ASSERT_EQ(run_traced(dir, "a", "a.json").exit_code, 0);
  ASSERT_EQ(run_traced(dir, "b", "b.json").exit_code, 0);
  const auto plain = run_sovsim("run " + kQuickstart + " -q -o " + (dir / "c").string(), dir.path());
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(read_file(dir / "a.json"), read_file(dir / "b.json"));
  for (const char* file : {"summary.json", "jobs.csv", "utilisation.csv"}) {
    EXPECT_EQ(read_file(dir / "a" / file), read_file(dir / "c" / file)) << file;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

TEST(ChromeTrace, AFleetAboveTheTrackLimitIsDrawnPerLeaf) {
  TempDir dir;
  // 2,100 + 8 + 4 nodes: more than the 2,000-track limit; nodes are HGX (each its own NVLink
  // domain), so the next level that fits is the leaf: 32 nodes per leaf (the fabric default), a
  // group starting a new leaf.
  const auto r = run_traced(dir, "out", "trace.json", "--set sites[0].nodes[0].count=2100");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("one track per leaf"), std::string::npos) << r.err;
  const Trace t = read_trace(dir / "trace.json");
  const Json& tracks = t.json["metadata"]["tracks"];
  EXPECT_EQ(tracks["level"], "leaf");
  auto leaves = [](int nodes) { return (nodes + 31) / 32; };
  EXPECT_EQ(tracks["tracks"], leaves(2100) + leaves(8) + leaves(4));
  EXPECT_LE(tracks["tracks"].get<int>(), tracks["limit"].get<int>());
  for (const auto& [thread, name] : t.thread) EXPECT_EQ(name.rfind("leaf ", 0), 0u) << name;
  std::set<std::string> started;
  for (auto& job : read_csv(dir / "out/jobs.csv")) {
    if (!job["start_s"].empty()) started.insert(job["job_id"]);
  }
  std::set<std::string> drawn;
  for (const auto& [job, events] : t.slices) drawn.insert(job);
  EXPECT_EQ(drawn, started);
}

TEST(ChromeTrace, AnUnwritablePathIsRefusedBeforeTheRun) {
  TempDir dir;
  std::filesystem::create_directories(dir / "a-directory");
  std::filesystem::create_directories(dir / "kept");  // an empty output directory, reusable
  struct Case {
    std::string output, trace, why;
  };
  for (const Case& c : {Case{"out", "missing/trace.json", "does not exist"},
                        Case{"out", "a-directory", "expected a new or regular file"},
                        Case{"kept", "kept/trace.json", "inside the output directory"}}) {
    const auto r = run_sovsim("run " + kQuickstart + " -q -o " + (dir / c.output).string() +
                                  " --trace " + (dir / c.trace).string(),
                              dir.path());
    EXPECT_EQ(r.exit_code, 2) << c.trace;
    EXPECT_NE(r.err.find("--trace: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.why), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nothing was run or written"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
  EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
  EXPECT_TRUE(std::filesystem::is_empty(dir / "kept"));
  EXPECT_TRUE(std::filesystem::is_empty(dir / "a-directory"));
}

}  // namespace
}  // namespace sovsim::test
