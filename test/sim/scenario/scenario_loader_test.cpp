// test/sim/scenario/scenario_loader_test.cpp — the scenario schema: a valid scenario resolves
// with its defaults; each kind of error is reported with file:line:col and the dotted key.
#include "sim/scenario/scenario_loader.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

const models::Catalogs& catalog() {
  static const auto c = models::Catalogs::builtin();
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

TEST(ScenarioLoader, EmptyOrCommentOnlyFileNamesTheFile) {
  for (const std::string text : {"", "# nothing yet\n\n", "---\n"}) {
    const Diagnostic d = only_error(text);
    EXPECT_EQ(d.file, "s.yaml");
    EXPECT_EQ(d.to_string().rfind("s.yaml: empty scenario", 0), 0u) << d.to_string();
  }
}

TEST(ScenarioLoader, BadBytesAnywhereAreRefusedWithTheirPosition) {
  // In a comment, a description and a kind: yaml-cpp accepts all three.
  const Diagnostic comment = only_error(with(kValid, "seed: 7", "seed: 7 # \x1b[31mred"));
  EXPECT_EQ(comment.to_string(), "s.yaml:2:11: expected printable text, found control character U+001B");
  const Diagnostic latin1 = only_error(with(kValid, "name: demo", "name: demo\ndescription: caf\xe9"));
  EXPECT_EQ(latin1.line, 2);
  EXPECT_EQ(latin1.column, 17);
  const Diagnostic kind = only_error(with(kValid, "tenant: uni", "tenant: uni\n      kind: a\x7f"));
  EXPECT_EQ(kind.line, 20);
  const Diagnostic set = only_error(kValid, {"name=a\x02"});
  EXPECT_TRUE(set.file.empty());
  EXPECT_EQ(set.key, "name");
  EXPECT_NE(set.message.find("control character U+0002 at character 7"), std::string::npos);
}

TEST(ScenarioLoader, NoSitesOrNoTenantsIsAnError) {
  auto r = parse(with(with(kValid, "sites:\n", "sites: []\nx:\n"), "tenants:\n", "tenants: []\ny:\n"));
  ASSERT_FALSE(r.ok());
  bool sites = false, tenants = false;
  for (const auto& d : r.diagnostics()) {
    if (d.key == "sites" && d.message == "expected at least one site, found an empty list") {
      sites = d.line == 4;
    }
    if (d.key == "tenants" && d.message == "expected at least one tenant, found an empty list") {
      tenants = d.line > 4;
    }
  }
  EXPECT_TRUE(sites && tenants);
}

TEST(ScenarioLoader, WorkloadFragmentIsRecognised) {
  const Diagnostic d = only_error("# Imported by `sovsim import-trace`\nworkload:\n  jobs:\n"
                                  "    - {id: 1, tenant: default, gpus: 1, duration: 10}\n");
  EXPECT_EQ(d.line, 2);
  EXPECT_NE(d.message.find("looks like a workload fragment"), std::string::npos);
}

TEST(ScenarioLoader, ValuesWithoutUpperBoundsAreBounded) {
  EXPECT_EQ(only_error(kValid, {"horizon=1e308"}).key, "horizon");
  EXPECT_EQ(only_error(with(kValid, "horizon: 30d", "horizon: 1e308y")).to_string(),
            "s.yaml:3:10: horizon: expected a duration such as 30d, 8760h, 90m or 45s, up to "
            "36500d, found '1e308y'");
  EXPECT_NE(only_error(kValid, {"horizon=101y"}).message.find("at most 3153600000 s"),
            std::string::npos);
  EXPECT_TRUE(parse(kValid, {"horizon=100y"}).ok());
  const Diagnostic rate = only_error(with(kValid, "rate_per_hour: 2", "rate_per_hour: 100000"));
  EXPECT_EQ(rate.key, "workload.generators[0].rate_per_hour");
  EXPECT_NE(rate.message.find("[1e-09, 10000]"), std::string::npos);
  const Diagnostic interval =
      only_error(with(kValid, "duration: 2d}", "duration: 2d, checkpoint_interval: 1ms}"));
  EXPECT_EQ(interval.key, "workload.jobs[0].checkpoint_interval");
  EXPECT_NE(interval.message.find("at least 60 s, found 1ms"), std::string::npos);
  EXPECT_TRUE(parse(with(kValid, "duration: 2d}", "duration: 2d, checkpoint_interval: 0}")).ok());
  EXPECT_TRUE(parse(with(kValid, "duration: 2d}", "duration: 2d, checkpoint_interval: 1m}")).ok());
}

// A malformed node read through an alias keeps its file position at every use: reading it must
// not overwrite the node (and so its aliases) with a position-less null.
TEST(ScenarioLoader, AliasOfAMalformedNodeKeepsItsFilePosition) {
  auto r = parse(with(kValid,
                      "  jobs:\n    - {id: 10, tenant: naver, submit: 1h, gpus: 16, duration: 2d}",
                      "  jobs: [&bad [1], *bad, *bad]"));
  ASSERT_FALSE(r.ok());
  for (const Diagnostic& d : r.diagnostics()) {
    EXPECT_EQ(d.file, "s.yaml") << d.to_string();
    EXPECT_EQ(d.line, 16) << d.to_string();
  }
}

TEST(ScenarioLoader, EmptyProfileIsAnError) {
  const Diagnostic d =
      only_error(kValid + "economics: {electricity_krw_per_kwh: {values: [], step: 1h}}\n");
  EXPECT_EQ(d.to_string(),
            "s.yaml:23:47: economics.electricity_krw_per_kwh.values: expected at least one value, "
            "found an empty list");
}

// What the importer would refuse before reading the trace is reported at the scenario's line.
TEST(ScenarioLoader, TraceOptionErrorsAreAtTheirScenarioLine) {
  const std::string trace = "  trace: {format: swf, path: log.swf";
  const std::string jobs =
      "  jobs:\n    - {id: 10, tenant: naver, submit: 1h, gpus: 16, duration: 2d}";
  EXPECT_EQ(only_error(with(kValid, jobs, "  trace: {format: swf, path: ''}")).to_string(),
            "s.yaml:16:30: workload.trace.path: expected a trace file path, found an empty string");
  EXPECT_EQ(
      only_error(with(kValid, jobs, trace + ", window_start: 2d, window_end: 1d}")).to_string(),
      "s.yaml:16:69: workload.trace.window_end: expected a time after window_start (172800 "
      "s), found 86400 s");
  const Diagnostic field =
      only_error(with(kValid, jobs, trace + ", tenant_map: {\"usr:1\": naver}}"));
  EXPECT_EQ(field.key, "workload.trace.tenant_map.usr:1");
  EXPECT_EQ(field.line, 16);
  EXPECT_NE(field.message.find("expected a key of the form user:<value>"), std::string::npos);
}

}  // namespace
}  // namespace sovsim::sim
