// test/sim/scenario/failure_reader_test.cpp — the top-level `failures:` schema: absent means
// disabled, present means enabled with every key optional, and each kind of error reported with
// its full key path and line:column.
#include "sim/scenario/failure_reader.hpp"

#include <gtest/gtest.h>

#include "models/common/yaml_reader.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/scenario_schema.hpp"

namespace sovsim::sim {
namespace {

struct Read {
  Diagnostics diagnostics;
  models::FailureRates rates;
};

// Reads `text` as a whole top-level document, then checks the top level's keys as the loader does.
Read read(const std::string& text, std::initializer_list<std::string_view> other_keys = {}) {
  Read r;
  YamlContext ctx{"s.yaml", &r.diagnostics};
  YAML::Node root = parse_yaml(text, ctx);
  MapReader top(root, "", ctx, scenario_schema::kTop);
  top.allow(other_keys);
  r.rates = read_failures(top);
  top.finish();
  return r;
}

TEST(FailureReader, AbsentSectionIsDisabled) {
  const Read r = read("name: x\n", {"name"});
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_FALSE(r.rates.enabled);
  EXPECT_DOUBLE_EQ(r.rates.gpu_per_year, models::FailureRates{}.gpu_per_year);
}

TEST(FailureReader, EmptySectionIsEnabledWithTheDefaults) {
  for (const char* text : {"failures: {}\n", "failures:\n"}) {
    const Read r = read(text);
    EXPECT_TRUE(r.diagnostics.empty()) << text;
    EXPECT_TRUE(r.rates.enabled) << text;
    const models::FailureRates d;
    EXPECT_DOUBLE_EQ(r.rates.gpu_per_year, d.gpu_per_year);
    EXPECT_DOUBLE_EQ(r.rates.hbm_per_year, d.hbm_per_year);
    EXPECT_DOUBLE_EQ(r.rates.network_per_year, d.network_per_year);
    EXPECT_DOUBLE_EQ(r.rates.host_per_year, d.host_per_year);
    EXPECT_DOUBLE_EQ(r.rates.domain_per_year, d.domain_per_year);
    EXPECT_DOUBLE_EQ(r.rates.repair_median_s, 4 * 3600.0);
    EXPECT_DOUBLE_EQ(r.rates.domain_repair_median_s, 24 * 3600.0);
  }
}

TEST(FailureReader, ReadsEveryKeyWithItsUnit) {
  const Read r = read(
      "failures:\n  gpu_per_year: 0.1\n  hbm_per_year: 0.02\n  network_per_year: 0.01\n"
      "  host_per_year: 0.05\n  domain_per_year: 2\n  repair: {median: 2h, sigma: 0.5}\n"
      "  domain_repair: {median: 2d, sigma: 0}\n");
  ASSERT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].to_string();
  EXPECT_TRUE(r.rates.enabled);
  EXPECT_DOUBLE_EQ(r.rates.gpu_per_year, 0.1);
  EXPECT_DOUBLE_EQ(r.rates.hbm_per_year, 0.02);
  EXPECT_DOUBLE_EQ(r.rates.network_per_year, 0.01);
  EXPECT_DOUBLE_EQ(r.rates.host_per_year, 0.05);
  EXPECT_DOUBLE_EQ(r.rates.domain_per_year, 2);
  EXPECT_DOUBLE_EQ(r.rates.repair_median_s, 7200);
  EXPECT_DOUBLE_EQ(r.rates.repair_sigma, 0.5);
  EXPECT_DOUBLE_EQ(r.rates.domain_repair_median_s, 2 * 86400.0);
  EXPECT_DOUBLE_EQ(r.rates.domain_repair_sigma, 0);
}

TEST(FailureReader, EnabledFalseSwitchesAPresentSectionOff) {
  const Read r = read("failures:\n  enabled: false\n  gpu_per_year: 1\n");
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_FALSE(r.rates.enabled);
  EXPECT_DOUBLE_EQ(r.rates.gpu_per_year, 1);
}

TEST(FailureReader, EachErrorNamesItsKeyPathAndPosition) {
  struct Case {
    std::string body, key, message;
    int column;
  };
  // Each body is the value of line 2, "  <body>", inside "failures:".
  const std::vector<Case> cases = {
      {"gpu_per_year: -1", "failures.gpu_per_year", "found -1", 17},
      {"hbm_per_year: lots", "failures.hbm_per_year", "expected a number", 17},
      {"domain_per_year: -0.5", "failures.domain_per_year", "found -0.5", 20},
      {"enabled: maybe", "failures.enabled", "expected true or false", 12},
      {"repair: {median: -1h}", "failures.repair.median", "at least 0 s", 20},
      {"repair: {median: soon}", "failures.repair.median", "expected a duration", 20},
      {"domain_repair: {sigma: -1}", "failures.domain_repair.sigma", "found -1", 26},
      {"repair: {medain: 1h}", "failures.repair.medain", "did you mean 'median'?", 12},
      {"gpu_per_yer: 0.1", "failures.gpu_per_yer", "did you mean 'gpu_per_year'?", 3},
  };
  for (const auto& c : cases) {
    const Read r = read("failures:\n  " + c.body + "\n");
    ASSERT_EQ(r.diagnostics.size(), 1u) << c.body;
    const Diagnostic& d = r.diagnostics[0];
    EXPECT_EQ(d.key, c.key) << c.body;
    EXPECT_EQ(d.file, "s.yaml");
    EXPECT_EQ(d.line, 2) << c.body;
    EXPECT_EQ(d.column, c.column) << c.body << ": " << d.to_string();
    EXPECT_NE(d.message.find(c.message), std::string::npos) << c.body << ": " << d.message;
  }
}

TEST(FailureReader, NotAMapAndMisspeltSection) {
  const Read scalar = read("failures: 3\n");
  ASSERT_EQ(scalar.diagnostics.size(), 1u);
  EXPECT_EQ(scalar.diagnostics[0].key, "failures");
  EXPECT_NE(scalar.diagnostics[0].message.find("expected a map"), std::string::npos);

  const Read typo = read("failure: {}\n");
  ASSERT_EQ(typo.diagnostics.size(), 1u);
  EXPECT_EQ(typo.diagnostics[0].to_string(),
            "s.yaml:1:1: failure: unknown key; did you mean 'failures'?");
  EXPECT_FALSE(typo.rates.enabled);
}

// Through the scenario loader, which calls read_failures on the top level.
TEST(FailureReader, ScenarioLoaderReadsTheSection) {
  static const auto catalog = models::Catalogs::builtin();
  const std::string base =
      "name: f\nhorizon: 1d\nsites:\n  - name: a\n    nodes:\n      - {hardware: H100, count: 4}\n"
      "tenants:\n  - name: t\nworkload:\n  jobs:\n    - {tenant: t, gpus: 8, duration: 1h}\n";
  auto absent = parse_scenario(base, "s.yaml", {}, catalog.value());
  ASSERT_TRUE(absent.ok()) << absent.diagnostics()[0].to_string();
  EXPECT_FALSE(absent.value().failures.enabled);

  auto present =
      parse_scenario(base + "failures:\n  hbm_per_year: 0.5\n", "s.yaml", {}, catalog.value());
  ASSERT_TRUE(present.ok()) << present.diagnostics()[0].to_string();
  EXPECT_TRUE(present.value().failures.enabled);
  EXPECT_DOUBLE_EQ(present.value().failures.hbm_per_year, 0.5);

  auto bad =
      parse_scenario(base + "failures:\n  gpu_per_year: -1\n", "s.yaml", {}, catalog.value());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.diagnostics()[0].key, "failures.gpu_per_year");
  EXPECT_EQ(bad.diagnostics()[0].line, 13);
  EXPECT_EQ(bad.diagnostics()[0].column, 17);
}

}  // namespace
}  // namespace sovsim::sim
