// test/sim/scenario/scenario_loader_test.cpp — the scenario schema: a valid scenario resolves
// with its defaults; each kind of error is reported with file:line:col and the dotted key.
#include "sim/scenario/scenario_loader.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

const models::HardwareCatalog& catalog() {
  static const auto c = models::HardwareCatalog::builtin();
  return c.value();
}

const std::string kValid = R"(name: demo
seed: 7
horizon: 30d
sites:
  - name: a
    nodes:
      - {hardware: H100, count: 4}
      - {hardware: B200, count: 2, gpus_per_node: 8}
  - name: b
    nodes:
      - {hardware: H200, count: 1}
tenants:
  - {name: naver, share: 0.6, sites: [a]}
  - {name: uni, share: 0.4}
workload:
  jobs:
    - {id: 10, tenant: naver, submit: 1h, gpus: 16, duration: 2d}
  generators:
    - tenant: uni
      rate_per_hour: 2
      gpus: {dist: choice, values: [1, 2, 4], weights: [1, 1, 1]}
      duration: {dist: lognormal, median: 1h, sigma: 0.5, max: 1d}
)";

Result<Scenario> parse(const std::string& text, const std::vector<std::string>& overrides = {}) {
  return parse_scenario(text, "s.yaml", overrides, catalog());
}

// The single diagnostic of a scenario expected to have exactly one error.
Diagnostic only_error(const std::string& text, const std::vector<std::string>& overrides = {}) {
  auto r = parse(text, overrides);
  EXPECT_FALSE(r.ok());
  if (r.diagnostics().size() != 1) {
    for (const auto& d : r.diagnostics()) ADD_FAILURE() << "diagnostic: " << d.to_string();
  }
  return r.diagnostics().empty() ? Diagnostic{} : r.diagnostics()[0];
}

std::string with(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(ScenarioLoader, ValidScenarioResolvesWithDefaults) {
  auto r = parse(kValid);
  ASSERT_TRUE(r.ok()) << r.diagnostics()[0].to_string();
  const Scenario& s = r.value();
  EXPECT_EQ(s.name, "demo");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_DOUBLE_EQ(s.horizon_s, 30 * 86400.0);
  ASSERT_EQ(s.sites.size(), 2u);
  EXPECT_EQ(s.sites[0].nodes[0].gpus_per_node, 8);  // from the catalog
  EXPECT_EQ(s.tenants[0].sites, std::vector<std::string>{"a"});
  EXPECT_DOUBLE_EQ(s.workload.jobs[0].submit_s, 3600);
  EXPECT_DOUBLE_EQ(s.workload.generators[0].rate_per_s, 2.0 / 3600);
  EXPECT_EQ(s.scheduler.policy, "fcfs");
  EXPECT_EQ(s.output.dir, "out");
}

TEST(ScenarioLoader, UnknownKeySuggestsClosest) {
  auto d = only_error(with(kValid, "seed: 7", "sede: 7"));
  EXPECT_EQ(d.to_string(), "s.yaml:2:1: sede: unknown key; did you mean 'seed'?");
}

TEST(ScenarioLoader, WrongType) {
  auto d = only_error(with(kValid, "count: 4", "count: four"));
  EXPECT_EQ(d.key, "sites[0].nodes[0].count");
  EXPECT_EQ(d.line, 7);
  EXPECT_EQ(d.column, 33);
  EXPECT_NE(d.message.find("expected an integer, found 'four'"), std::string::npos);
}

TEST(ScenarioLoader, MissingRequiredKey) {
  auto d = only_error(with(kValid, "horizon: 30d\n", ""));
  EXPECT_EQ(d.key, "horizon");
  EXPECT_EQ(d.line, 1);
  EXPECT_NE(d.message.find("missing required key"), std::string::npos);
}

TEST(ScenarioLoader, OutOfRange) {
  auto d = only_error(with(kValid, "share: 0.6", "share: 1.6"));
  EXPECT_EQ(d.key, "tenants[0].share");
  EXPECT_EQ(d.line, 13);
}

TEST(ScenarioLoader, DuplicateKey) {
  auto d = only_error(with(kValid, "seed: 7\n", "seed: 7\nseed: 8\n"));
  EXPECT_EQ(d.to_string(), "s.yaml:3:1: seed: duplicate key (first defined at line 2)");
}

TEST(ScenarioLoader, UnknownHardwareAndTenantAreNamed) {
  auto d = only_error(with(kValid, "hardware: H200", "hardware: H20"));
  EXPECT_NE(d.message.find("unknown hardware type 'H20'"), std::string::npos);
  auto t = only_error(with(kValid, "tenant: naver,", "tenant: navr,"));
  EXPECT_EQ(t.key, "workload.jobs[0].tenant");
  EXPECT_NE(t.message.find("did you mean 'naver'"), std::string::npos);
}

TEST(ScenarioLoader, DuplicateNames) {
  auto d = only_error(with(kValid, "name: b\n", "name: a\n"));
  EXPECT_NE(d.message.find("duplicate site name 'a'"), std::string::npos);
}

TEST(ScenarioLoader, SharesMustNotExceedOne) {
  auto d = only_error(with(kValid, "share: 0.4", "share: 0.5"));
  EXPECT_EQ(d.key, "tenants");
}

TEST(ScenarioLoader, BadDistribution) {
  auto d = only_error(with(kValid, "sigma: 0.5", "sigma: -1"));
  EXPECT_EQ(d.key, "workload.generators[0].duration.sigma");
  auto w = only_error(with(kValid, "weights: [1, 1, 1]", "weights: [1, 1]"));
  EXPECT_EQ(w.key, "workload.generators[0].gpus.weights");
}

TEST(ScenarioLoader, ReportsEveryErrorInOnePass) {
  std::string text = with(with(kValid, "seed: 7", "seed: x"), "count: 4", "count: -1");
  auto r = parse(text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics().size(), 2u);
}

TEST(ScenarioLoader, OverridesAreValidatedLikeTheFile) {
  auto ok = parse(kValid, {"sites[0].nodes[0].count=64", "scheduler.policy=fcfs"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->sites[0].nodes[0].count, 64);
  auto d = only_error(kValid, {"seed=-5"});
  EXPECT_EQ(d.key, "seed");
  EXPECT_TRUE(d.file.empty());
  EXPECT_NE(d.message.find("command line"), std::string::npos);
  auto p = only_error(kValid, {"scheduler.policy=fcsf"});
  EXPECT_NE(p.message.find("did you mean 'fcfs'"), std::string::npos);
}

TEST(ScenarioLoader, NotAMap) {
  auto d = only_error("- 1\n- 2\n");
  EXPECT_EQ(d.line, 1);
}

}  // namespace
}  // namespace sovsim::sim
