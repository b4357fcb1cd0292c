// test/sim/sweep/sweep_reader_test.cpp — bad sweep files are reported at FILE:LINE:COL with
// their key, every problem in one pass.
#include <gtest/gtest.h>

#include "sim/sweep/sweep_loader.hpp"

namespace sovsim::sim {
namespace {

std::vector<std::string> errors_of(const std::string& text) {
  auto spec = read_sweep(text, "s.yaml");
  std::vector<std::string> out;
  if (!spec.ok()) {
    for (const auto& d : spec.diagnostics()) out.push_back(d.to_string());
  }
  return out;
}

TEST(SweepReader, ReportsEveryProblemWithItsPosition) {
  const auto errors = errors_of(
      "scenario: q.yaml\n"
      "parameters:\n"
      "  a: {range: [1, 4], steps: 1}\n"
      "  b: {range: [0, 4], steps: 3, scale: log}\n"
      "  c: 5\n"
      "  d: [1, 1]\n"
      "seeds: 0\n"
      "metrics: {status: x, 'bad name': y, m: 'a[b'}\n"
      "metric: {}\n");
  const std::vector<std::string> expected = {
      "s.yaml:3:29: parameters.a.steps: expected an integer in [2, 10000], found 1",
      "s.yaml:4:14: parameters.b.range: a log scale needs lo and hi > 0, found [0, 4]",
      "s.yaml:5:6: parameters.c: expected a non-empty list of values or {range: [lo, hi], steps: "
      "N}, found '5'",
      "s.yaml:6:10: parameters.d[1]: value 1 appears twice",
      "s.yaml:7:8: seeds: expected an integer in [1, 100000], found 0",
      "s.yaml:8:19: metrics.status: is a column of every sweep's results; choose another metric "
      "name",
      "s.yaml:8:34: metrics.bad name: expected a metric name of letters, digits and '_' (a column "
      "name)",
      "s.yaml:8:40: metrics.m: bad metric path 'a[b': '[' without ']'",
      "s.yaml:9:1: metric: unknown key; did you mean 'metrics'?"};
  EXPECT_EQ(errors, expected);
}

TEST(SweepReader, PathsAreSetOnceAndTheSeedOnlyBySeeds) {
  const auto errors = errors_of(
      "scenario: q.yaml\nset: {horizon: 2d}\nparameters: {horizon: [1d], seed: [1]}\n"
      "zip: [{a: [1, 2], b: [1]}]\nmetrics: {m: x}\n");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[0].find("zip[0]: the lists of a zip group advance together"), std::string::npos);
  EXPECT_EQ(errors[1],
            "s.yaml:3:24: parameters.horizon: 'horizon' is already set elsewhere in this sweep");
  EXPECT_EQ(errors[2],
            "s.yaml:3:36: parameters.seed: the seed is set by `seeds`, not as a parameter");
}

TEST(SweepReader, MetricsAreRequired) {
  EXPECT_EQ(
      errors_of("scenario: q.yaml\n"),
      std::vector<std::string>{"s.yaml:1:1: metrics: missing required key (expected a value)"});
}

TEST(SweepReader, EmptyFileNamesTheFile) {
  for (const std::string text : {"", "# nothing yet\n\n"}) {
    EXPECT_EQ(errors_of(text),
              std::vector<std::string>{"s.yaml: empty sweep file (expected a map with scenario, "
                                       "parameters and metrics; docs/sweeps.md)"});
  }
}

}  // namespace
}  // namespace sovsim::sim
