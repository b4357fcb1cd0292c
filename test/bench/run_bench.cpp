// test/bench/run_bench.cpp — Google Benchmark timings of whole runs, reported per job and per
// event, and of the platform build per node, each with the child's peak RSS: SWF replay (the
// classic batch-simulator comparison), the Korea fleet-year, the fleet-year benchmark of
// scenarios/bench/ (4:1 uplinks, failures) from 10k to 1M jobs, and the SimGrid platform from
// 1k to 262k GPUs. SimGrid allows one engine per process, so every iteration runs in a forked
// child; the fork costs ~1 ms, negligible next to the runs. Also what a sweep pays per run
// besides the simulation: trace parsing throughput (in process) and a whole `sovsim run`
// process (start, load, simulate, write) with every output or --outputs summary. Not part of
// ctest; run:
//   build/test/sovsim_bench --benchmark_filter=Swf
// Results and how to reproduce them: docs/performance.md.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <spawn.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/run/run.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/trace/trace_importer.hpp"

extern char** environ;

namespace {

using sovsim::sim::Scenario;

Scenario load(const std::string& relative, const std::vector<std::string>& overrides) {
  static const auto catalog = sovsim::models::Catalogs::builtin();
  auto s = sovsim::sim::load_scenario(std::string(SOVSIM_SOURCE_DIR) + "/" + relative, overrides,
                                      catalog.value());
  if (!s.ok()) throw std::runtime_error(s.diagnostics()[0].to_string());
  return s.value();
}

// Runs `body` in a child process per iteration; records the largest peak RSS of the children.
template <class Body>
void iterate_forked(benchmark::State& state, Body body) {
  double peak_mib = 0;
  for (auto _ : state) {
    const pid_t child = fork();
    if (child == 0) _exit(body() ? 0 : 1);
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    peak_mib = std::max(peak_mib, static_cast<double>(usage.ru_maxrss) / 1024.0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("run failed");
  }
  state.counters["peak_rss_mib"] = peak_mib;
}

// Runs the scenario in a child process per iteration.
void run_forked(benchmark::State& state, const std::string& scenario,
                const std::vector<std::string>& overrides, double jobs, double events) {
  const Scenario s = load(scenario, overrides);
  const auto out = std::filesystem::temp_directory_path() / ("sovsim-bench-" + std::to_string(getpid()));
  iterate_forked(state, [&] {
    static const auto catalog = sovsim::models::Catalogs::builtin();
    return sovsim::sim::run_scenario(s, catalog.value(), out).ok();
  });
  std::filesystem::remove_all(out);
  state.counters["jobs"] = jobs;
  state.counters["per_job"] = benchmark::Counter(jobs, benchmark::Counter::kIsIterationInvariantRate |
                                                           benchmark::Counter::kInvert);
  state.counters["per_event"] = benchmark::Counter(
      events, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_SwfReplayNasa(benchmark::State& state, const char* policy) {
  run_forked(state, "scenarios/replay/swf.yaml", {std::string("scheduler.policy=") + policy},
             18239, 2 * 18239);
}
BENCHMARK_CAPTURE(BM_SwfReplayNasa, fcfs, "fcfs")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_SwfReplayNasa, easy, "easy")->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_KoreaFleetYear(benchmark::State& state) {
  // 4,190,056 events (arrivals, segment phases, failures, repairs) for 230,753 jobs.
  run_forked(state, "scenarios/korea_fleet.yaml", {"output.utilisation_csv=false"}, 230753,
             4190056);
}
BENCHMARK(BM_KoreaFleetYear)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// scenarios/bench/fleet_year.yaml over a horizon of `days`: ~2,850 jobs per day, 8.4 events per
// job (segments, flows, failures), so 3.65 d is ~10k jobs and 365 d ~1M.
void BM_FleetYearBench(benchmark::State& state) {
  const double days = static_cast<double>(state.range(0)) / 100;
  const double jobs = 1040171 * days / 365;
  run_forked(state, "scenarios/bench/fleet_year.yaml",
             {"horizon=" + std::to_string(days) + "d"}, jobs, 8.43 * jobs);
}
BENCHMARK(BM_FleetYearBench)->Arg(365)->Arg(3650)->Arg(36500)
    ->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// The SimGrid platform (hosts, NIC links, shared links with gateways) and the fabric graph for
// `gpus` B200 GPUs (8 per node) in one site, 32 nodes per leaf, 16 leaves per pod.
void BM_PlatformBuild(benchmark::State& state) {
  const int64_t gpus = state.range(0);
  Scenario s;
  s.name = "platform";
  s.horizon_s = 1;
  sovsim::sim::Site site;
  site.name = "s";
  site.nodes.push_back({"B200", gpus / 8, 8});
  s.sites = {site};
  iterate_forked(state, [&] {
    static const auto catalog = sovsim::models::Catalogs::builtin();
    sovsim::sim::Cluster cluster(s.sites);
    sovsim::sim::Simulation simulation(s.sites, cluster, catalog.value().hardware);
    return simulation.platform().host_count() == static_cast<size_t>(gpus / 8);
  });
  state.counters["nodes"] = static_cast<double>(gpus / 8);
  state.counters["per_node"] = benchmark::Counter(
      static_cast<double>(gpus / 8),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_PlatformBuild)->Arg(1024)->Arg(8192)->Arg(65536)->Arg(262144)
    ->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// Trace parsing throughput (bytes per second) of the shipped SWF and ITP logs, in process: the
// reader, the tenant mapping and the shared post-processing (window, scaling, sort).
void BM_ImportTrace(benchmark::State& state, const char* relative, const char* format) {
  const std::filesystem::path path = std::filesystem::path(SOVSIM_SOURCE_DIR) / relative;
  sovsim::sim::TraceOptions options;
  options.format = format;
  size_t jobs = 0;
  for (auto _ : state) {
    auto trace = sovsim::sim::import_trace(path, options);
    if (!trace.ok()) {
      state.SkipWithError(trace.diagnostics()[0].to_string().c_str());
      return;
    }
    jobs = trace->jobs.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(std::filesystem::file_size(path)));
  state.counters["jobs"] = static_cast<double>(jobs);
}
BENCHMARK_CAPTURE(BM_ImportTrace, swf_nasa, "scenarios/traces/NASA-iPSC-1993-3.1-cln.swf", "swf")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ImportTrace, itp, "scenarios/traces/microsoft-itp-cluster02.csv", "itp")
    ->Unit(benchmark::kMillisecond);

// One whole `sovsim run` process as a sweep starts it (fork + exec, dynamic loading, scenario and
// trace loading, simulation, outputs), on the NASA SWF replay: `outputs` all or summary. The
// difference between the two is what --outputs summary saves a sweep per run; perf.json of a
// single run splits the rest into loading and simulating.
void BM_RunProcess(benchmark::State& state, const char* outputs) {
  const std::string out =
      (std::filesystem::temp_directory_path() / ("sovsim-bench-run-" + std::to_string(getpid())))
          .string();
  const std::string scenario = std::string(SOVSIM_SOURCE_DIR) + "/scenarios/replay/swf.yaml";
  std::vector<std::string> args = {SOVSIM_BINARY, "run", scenario, "-q", "-o", out,
                                   "--outputs", outputs};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto _ : state) {
    pid_t child = 0;
    if (posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
      state.SkipWithError("cannot start sovsim");
      return;
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("run failed");
  }
  std::filesystem::remove_all(out);
}
BENCHMARK_CAPTURE(BM_RunProcess, swf_all, "all")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_RunProcess, swf_summary, "summary")
    ->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
