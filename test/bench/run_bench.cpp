// test/bench/run_bench.cpp — Google Benchmark timings of whole runs, reported per job and per
// event: SWF replay (the classic batch-simulator comparison) and the Korea fleet-year. SimGrid
// allows one engine per process, so every iteration runs in a forked child; the fork costs
// ~1 ms, negligible next to the runs. Not part of ctest; run:
//   build/test/sovsim_bench --benchmark_filter=Swf
// Results and how to reproduce them: docs/performance.md.
#include <benchmark/benchmark.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/run/run.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace {

using sovsim::sim::Scenario;

Scenario load(const std::string& relative, const std::vector<std::string>& overrides) {
  static const auto catalog = sovsim::models::HardwareCatalog::builtin();
  auto s = sovsim::sim::load_scenario(std::string(SOVSIM_SOURCE_DIR) + "/" + relative, overrides,
                                      catalog.value());
  if (!s.ok()) throw std::runtime_error(s.diagnostics()[0].to_string());
  return s.value();
}

// Runs the scenario in a child process; returns the number of jobs it simulated.
void run_forked(benchmark::State& state, const std::string& scenario,
                const std::vector<std::string>& overrides, double jobs, double events) {
  const Scenario s = load(scenario, overrides);
  const auto out = std::filesystem::temp_directory_path() / ("sovsim-bench-" + std::to_string(getpid()));
  for (auto _ : state) {
    const pid_t child = fork();
    if (child == 0) {
      static const auto catalog = sovsim::models::HardwareCatalog::builtin();
      auto r = sovsim::sim::run_scenario(s, catalog.value(), out);
      _exit(r.ok() ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("run failed");
  }
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
  run_forked(state, "scenarios/korea_fleet.yaml", {"output.utilisation_csv=false"}, 230753,
             2 * 230753);
}
BENCHMARK(BM_KoreaFleetYear)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
