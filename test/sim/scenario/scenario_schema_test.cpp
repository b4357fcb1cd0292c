// test/sim/scenario/scenario_schema_test.cpp — the schema tables agree with the code around them:
// a scenario that gives no optional key loads with the same values as default-constructed
// structs (so a default cannot drift between the table and the struct), the policy choices are
// the registered policies, and the JSON Schema mirrors the tables.
#include "sim/scenario/scenario_schema.hpp"

#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.hpp"
#include "sim/sched/policy_registry.hpp"

namespace sovsim::sim {
namespace {

Scenario load_minimal(const std::string& extra) {
  static const auto catalog = models::Catalogs::builtin();
  const std::string text =
      "name: m\nhorizon: 1d\nsites: [{name: s, nodes: [{hardware: H100, count: 2}]}]\n"
      "tenants: [{name: t}]\n" + extra;
  auto r = parse_scenario(text, "m.yaml", {}, catalog.value());
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.diagnostics()[0].message);
  return r.ok() ? r.value() : Scenario{};
}

TEST(ScenarioSchema, OmittedKeysLoadAsTheStructDefaults) {
  const Scenario s = load_minimal(
      "failures: {}\nworkload:\n  jobs:\n"
      "    - {tenant: t, gpus: 8, train: {model: llama3-8b, iterations: 10}}\n"
      "    - {tenant: t, duration: 1h, serve: {model: llama3-8b, requests_per_s: 1}}\n"
      "  trace: {format: swf, path: x.swf}\n");
  const Scenario d;
  EXPECT_EQ(s.seed, d.seed);
  const Site site;
  EXPECT_EQ(s.sites[0].wan_bw_bytes_per_s, site.wan_bw_bytes_per_s);
  EXPECT_EQ(s.sites[0].wan_latency_s, site.wan_latency_s);
  const Fabric f;
  const Fabric& g = s.sites[0].fabric;
  EXPECT_EQ(g.nodes_per_leaf, f.nodes_per_leaf);
  EXPECT_EQ(g.leaves_per_pod, f.leaves_per_pod);
  EXPECT_EQ(g.leaf_uplink_oversubscription, f.leaf_uplink_oversubscription);
  EXPECT_EQ(g.pod_uplink_oversubscription, f.pod_uplink_oversubscription);
  EXPECT_DOUBLE_EQ(g.leaf_latency_s, f.leaf_latency_s);
  EXPECT_DOUBLE_EQ(g.pod_latency_s, f.pod_latency_s);
  EXPECT_DOUBLE_EQ(g.core_latency_s, f.core_latency_s);
  EXPECT_EQ(g.storage_bw_bytes_per_s, f.storage_bw_bytes_per_s);
  EXPECT_EQ(g.storage_bytes, f.storage_bytes);
  const models::FailureRates r;
  EXPECT_TRUE(s.failures.enabled);
  EXPECT_EQ(s.failures.gpu_per_year, r.gpu_per_year);
  EXPECT_EQ(s.failures.hbm_per_year, r.hbm_per_year);
  EXPECT_EQ(s.failures.network_per_year, r.network_per_year);
  EXPECT_EQ(s.failures.host_per_year, r.host_per_year);
  EXPECT_EQ(s.failures.domain_per_year, r.domain_per_year);
  EXPECT_EQ(s.failures.repair_median_s, r.repair_median_s);
  EXPECT_EQ(s.failures.domain_repair_median_s, r.domain_repair_median_s);
  EXPECT_EQ(s.failures.restart_s, r.restart_s);
  EXPECT_EQ(s.engine.flow_segment_s, d.engine.flow_segment_s);
  EXPECT_EQ(s.engine.detail, d.engine.detail);
  EXPECT_EQ(s.engine.detail_iteration_s, d.engine.detail_iteration_s);
  EXPECT_EQ(s.engine.detail_max_steps, d.engine.detail_max_steps);
  EXPECT_EQ(s.output.dir, d.output.dir);
  EXPECT_EQ(s.output.utilisation_csv, d.output.utilisation_csv);
  EXPECT_EQ(s.scheduler.policy, d.scheduler.policy);
  EXPECT_EQ(s.scheduler.placement, d.scheduler.placement);
  const TrainingWork tw;
  const TrainingWork& t = s.workload.trainings.at(0);
  EXPECT_EQ(t.global_batch, tw.global_batch);
  EXPECT_EQ(t.seq_len, tw.seq_len);
  EXPECT_EQ(t.precision, tw.precision);
  EXPECT_EQ(t.cp, tw.cp);
  EXPECT_EQ(t.ep, tw.ep);
  EXPECT_EQ(t.zero_stage, tw.zero_stage);
  EXPECT_EQ(t.recompute, tw.recompute);
  EXPECT_EQ(t.dp_overlap, tw.dp_overlap);
  const ServingWork sw;
  const ServingWork& v = s.workload.servings.at(0);
  EXPECT_EQ(v.ttft_slo_s, sw.ttft_slo_s);
  EXPECT_EQ(v.tpot_slo_s, sw.tpot_slo_s);
  EXPECT_EQ(v.input_tokens, sw.input_tokens);
  EXPECT_EQ(v.output_tokens, sw.output_tokens);
  EXPECT_EQ(v.precision, sw.precision);
  const TraceOptions o;
  const TraceOptions& to = s.workload.trace->options;
  EXPECT_EQ(to.time_scale, o.time_scale);
  EXPECT_EQ(to.arrival_scale, o.arrival_scale);
  EXPECT_EQ(to.size_scale, o.size_scale);
  EXPECT_EQ(to.window_start_s, o.window_start_s);
  EXPECT_EQ(to.window_end_s, o.window_end_s);
  EXPECT_EQ(to.max_jobs, o.max_jobs);
  EXPECT_EQ(to.kind, o.kind);
}

TEST(ScenarioSchema, PolicyParametersDefaultAsTheirStructs) {
  const PolicyParams d;
  for (const std::string policy : {"conservative", "sjf", "fair-share", "priority", "las"}) {
    const Scenario s = load_minimal("scheduler: {policy: " + policy + "}\nworkload: {}\n");
    const PolicyParams& p = s.scheduler.params;
    EXPECT_EQ(p.max_queue_scan, d.max_queue_scan) << policy;
    EXPECT_EQ(p.blocking, d.blocking) << policy;
    EXPECT_EQ(p.fair_share.reclaim, d.fair_share.reclaim) << policy;
    EXPECT_EQ(p.fair_share.min_runtime_before_preempt_s, d.fair_share.min_runtime_before_preempt_s);
    EXPECT_EQ(p.priority.preempt, d.priority.preempt) << policy;
    EXPECT_EQ(p.priority.backfill, d.priority.backfill) << policy;
    EXPECT_EQ(p.las.queue_thresholds_gpu_h, d.las.queue_thresholds_gpu_h) << policy;
    EXPECT_EQ(p.las.starvation_promote_after_s, d.las.starvation_promote_after_s) << policy;
  }
}

TEST(ScenarioSchema, PolicyChoicesAreTheRegisteredPolicies) {
  const schema::Key* policy = scenario_schema::kScheduler.find("policy");
  ASSERT_NE(policy, nullptr);
  std::vector<std::string> choices(policy->choices.begin(), policy->choices.end());
  std::sort(choices.begin(), choices.end());
  EXPECT_EQ(choices, policy_names());
}

TEST(ScenarioSchema, JsonSchemaForbidsUnknownKeysAndListsRequiredOnes) {
  const auto j = scenario_schema::json_schema();
  EXPECT_EQ(j["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(j["additionalProperties"], false);
  EXPECT_EQ(j["required"], nlohmann::ordered_json({"name", "horizon", "sites", "tenants", "workload"}));
  const auto& node = j["properties"]["sites"]["items"]["properties"]["nodes"]["items"];
  EXPECT_EQ(node["additionalProperties"], false);
  EXPECT_EQ(node["properties"]["gpus_per_node"]["maximum"], 1024);
}

TEST(ScenarioSchema, AnotherPolicysKeyIsAnUnknownKey) {
  static const auto catalog = models::Catalogs::builtin();
  auto r = parse_scenario(
      "name: m\nhorizon: 1d\nsites: [{name: s, nodes: [{hardware: H100, count: 2}]}]\n"
      "tenants: [{name: t}]\nworkload: {}\nscheduler: {policy: easy, blocking: true}\n",
      "m.yaml", {}, catalog.value());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics()[0].key, "scheduler.blocking");
}

}  // namespace
}  // namespace sovsim::sim
