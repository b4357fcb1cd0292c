// test/sim/scenario/run_options_reader_test.cpp — the keys that say how jobs communicate,
// checkpoint and are spared (checkpoint_interval with young/daly, checkpoint_gb,
// network_fraction, node-group spares) and the engine: section, with their errors.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.hpp"

namespace sovsim::sim {
namespace {

Result<Scenario> parse(const std::string& job_keys, const std::string& extra = "",
                       const std::string& group_keys = "") {
  static const auto catalog = models::Catalogs::builtin();
  return parse_scenario("name: r\nhorizon: 1d\n" + extra +
                            "sites:\n  - name: s\n    nodes:\n      - {hardware: B200, count: 4" +
                            group_keys + "}\ntenants:\n  - name: t\nworkload:\n  jobs:\n"
                            "    - {tenant: t, gpus: 16, duration: 1h" + job_keys + "}\n",
                        "r.yaml", {}, catalog.value());
}

TEST(RunOptionsReader, ReadsCheckpointAndNetworkKeys) {
  auto r = parse(", checkpoint_interval: daly, checkpoint_gb: 500, network_fraction: 0.25");
  ASSERT_TRUE(r.ok()) << r.diagnostics()[0].to_string();
  const RunOptions& run = r.value().workload.jobs[0].run;
  EXPECT_EQ(run.checkpoint_rule, CheckpointRule::kDaly);
  EXPECT_DOUBLE_EQ(run.checkpoint_bytes, 500e9);
  EXPECT_DOUBLE_EQ(run.network_fraction, 0.25);
  auto fixed = parse(", checkpoint_interval: 30m");
  ASSERT_TRUE(fixed.ok());
  EXPECT_EQ(fixed.value().workload.jobs[0].run.checkpoint_rule, CheckpointRule::kFixed);
  EXPECT_DOUBLE_EQ(fixed.value().workload.jobs[0].run.checkpoint_interval_s, 1800);
}

TEST(RunOptionsReader, YoungWithoutACheckpointSizeIsAnError) {
  auto r = parse(", checkpoint_interval: young");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics()[0].key, "workload.jobs[0].checkpoint_interval");
  EXPECT_EQ(r.diagnostics()[0].line, 11);
  EXPECT_NE(r.diagnostics()[0].message.find("checkpoint_gb"), std::string::npos);
}

TEST(RunOptionsReader, NetworkFractionOutOfRange) {
  auto r = parse(", network_fraction: 1.5");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics()[0].key, "workload.jobs[0].network_fraction");
}

TEST(RunOptionsReader, SparesAtMostTheGroupsCount) {
  auto ok = parse("", "", ", spares: 2");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().sites[0].nodes[0].spares, 2);
  auto r = parse("", "", ", spares: 5");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics()[0].key, "sites[0].nodes[0].spares");
  EXPECT_NE(r.diagnostics()[0].message.find("at most count (4)"), std::string::npos);
}

TEST(RunOptionsReader, EngineSection) {
  auto r = parse("", "engine: {flow_segment: 10m, detail: true, detail_iteration: 5s}\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics()[0].to_string();
  EXPECT_DOUBLE_EQ(r.value().engine.flow_segment_s, 600);
  EXPECT_TRUE(r.value().engine.detail);
  EXPECT_DOUBLE_EQ(r.value().engine.detail_iteration_s, 5);
  auto typo = parse("", "engine: {flow_segmnt: 10m}\n");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.diagnostics()[0].message.find("did you mean 'flow_segment'"), std::string::npos);
}

}  // namespace
}  // namespace sovsim::sim
