// test/sim/scenario/fabric_reader_test.cpp — the `sites[i].fabric` schema: defaults when absent,
// every key read with its unit, and each kind of error reported with its full key path.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.hpp"

namespace sovsim::sim {
namespace {

const models::Catalogs& catalog() {
  static const auto c = models::Catalogs::builtin();
  return c.value();
}

std::string scenario(const std::string& fabric) {
  return "name: f\nhorizon: 1d\nsites:\n  - name: a\n" + fabric +
         "    nodes:\n      - {hardware: H100, count: 4}\ntenants:\n  - name: t\n"
         "workload:\n  jobs:\n    - {tenant: t, gpus: 8, duration: 1h}\n";
}

Result<Scenario> parse(const std::string& text, const std::vector<std::string>& overrides = {}) {
  return parse_scenario(text, "s.yaml", overrides, catalog());
}

Diagnostic only_error(const std::string& fabric) {
  auto r = parse(scenario(fabric));
  EXPECT_FALSE(r.ok());
  if (r.ok()) return {};
  for (size_t i = 1; i < r.diagnostics().size(); ++i) {
    ADD_FAILURE() << "extra diagnostic: " << r.diagnostics()[i].to_string();
  }
  return r.diagnostics()[0];
}

TEST(FabricReader, DefaultsWhenAbsent) {
  auto r = parse(scenario(""));
  ASSERT_TRUE(r.ok()) << r.diagnostics()[0].to_string();
  const Fabric& f = r.value().sites[0].fabric;
  EXPECT_EQ(f.nodes_per_leaf, 32);
  EXPECT_EQ(f.leaves_per_pod, 16);
  EXPECT_DOUBLE_EQ(f.leaf_uplink_oversubscription, 1);
  EXPECT_DOUBLE_EQ(f.pod_uplink_oversubscription, 1);
  EXPECT_DOUBLE_EQ(f.leaf_latency_s, 1e-6);
  EXPECT_DOUBLE_EQ(f.pod_latency_s, 2e-6);
  EXPECT_DOUBLE_EQ(f.core_latency_s, 5e-6);
  EXPECT_DOUBLE_EQ(f.storage_bw_bytes_per_s, 125e9);
  EXPECT_DOUBLE_EQ(f.storage_bytes, 0);
}

TEST(FabricReader, ReadsEveryKeyWithItsUnit) {
  auto r = parse(
      scenario("    fabric:\n      nodes_per_leaf: 18\n      leaves_per_pod: 8\n"
               "      leaf_uplink_oversubscription: 4\n      pod_uplink_oversubscription: 1.5\n"
               "      link_latency_us: {leaf: 0.5, pod: 3, core: 10}\n"
               "      storage_gbps: 3200\n      storage_pb: 20\n"));
  ASSERT_TRUE(r.ok()) << r.diagnostics()[0].to_string();
  const Fabric& f = r.value().sites[0].fabric;
  EXPECT_EQ(f.nodes_per_leaf, 18);
  EXPECT_EQ(f.leaves_per_pod, 8);
  EXPECT_DOUBLE_EQ(f.leaf_uplink_oversubscription, 4);
  EXPECT_DOUBLE_EQ(f.pod_uplink_oversubscription, 1.5);
  EXPECT_DOUBLE_EQ(f.leaf_latency_s, 0.5e-6);
  EXPECT_DOUBLE_EQ(f.pod_latency_s, 3e-6);
  EXPECT_DOUBLE_EQ(f.core_latency_s, 10e-6);
  EXPECT_DOUBLE_EQ(f.storage_bw_bytes_per_s, 400e9);
  EXPECT_DOUBLE_EQ(f.storage_bytes, 20e15);
}

TEST(FabricReader, SetOverridesAFabricKey) {
  auto r = parse(scenario(""), {"sites[0].fabric.nodes_per_leaf=64"});
  ASSERT_TRUE(r.ok()) << r.diagnostics()[0].to_string();
  EXPECT_EQ(r.value().sites[0].fabric.nodes_per_leaf, 64);
}

TEST(FabricReader, EachErrorNamesItsKeyPath) {
  struct Case {
    std::string fabric, key, message;
  };
  const std::vector<Case> cases = {
      {"{nodes_per_leaf: 0}", "sites[0].fabric.nodes_per_leaf", "in [1, 1000000], found 0"},
      {"{leaves_per_pod: 2.5}", "sites[0].fabric.leaves_per_pod", "integer"},
      {"{leaf_uplink_oversubscription: 0.5}", "sites[0].fabric.leaf_uplink_oversubscription",
       "in [1, 1000000], found 0.5"},
      {"{pod_uplink_oversubscription: x}", "sites[0].fabric.pod_uplink_oversubscription", "number"},
      {"{link_latency_us: {pod: -1}}", "sites[0].fabric.link_latency_us.pod", "found -1"},
      {"{link_latency_us: {spine: 1}}", "sites[0].fabric.link_latency_us.spine", "unknown key"},
      {"{storage_gbps: 0}", "sites[0].fabric.storage_gbps", "found 0"},
      {"{storage_pb: -2}", "sites[0].fabric.storage_pb", "found -2"},
      {"{nodes_per_lef: 4}", "sites[0].fabric.nodes_per_lef", "did you mean 'nodes_per_leaf'?"},
      {"32", "sites[0].fabric", "expected a map"},
  };
  for (const auto& c : cases) {
    const Diagnostic d = only_error("    fabric: " + c.fabric + "\n");
    EXPECT_EQ(d.key, c.key) << c.fabric;
    EXPECT_EQ(d.line, 5) << c.fabric;
    EXPECT_NE(d.message.find(c.message), std::string::npos) << c.fabric << ": " << d.message;
  }
}

}  // namespace
}  // namespace sovsim::sim
