// test/e2e/fleet_capacity_test.cpp — capacity over time (docs/fleet.md), through the real binary:
// deliveries, burn-in, drain and retirement move the GPUs in service exactly as planned
// (summary.json's capacity integral, utilisation.csv's total_gpus step function, both against
// hand arithmetic); a retiring node's job is preempted with its checkpoint and finishes
// elsewhere; a job submitted while nodes drain does not land on them; ownership follows the
// tranches; and each kind of event changes exactly the tranches it should.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

constexpr double kDay = 86400;

// One B200 node installed (owner a), a second delivered on day 10 (owner b); both retire on day
// 30 after a day of drain. One H100 node that nobody owns stays.
//   job 1: a, 8 GPUs for 5 days from 0 (the installed node).
//   job 2: b, 16 B200 GPUs: needs both B200 nodes, so waits for the delivery (day 10).
//   job 3: a, 8 GPUs for 5 days from day 27.5 with hourly checkpoints: on B200 when the nodes
//          retire, so preempted, and finishes on the H100 node.
//   job 4: a, 8 GPUs for 1 h from day 29.5, while the B200 nodes drain: must go to the H100 node.
std::string scenario(const std::string& events = "") {
  return "name: capacity\nstart_date: 2026-01-01\nhorizon: 60d\n"
         "sites:\n"
         "  - name: s\n"
         "    nodes:\n"
         "      - hardware: B200\n"
         "        owner: a\n"
         "        deliveries: [{date: 2026-01-11, count: 1, owner: b}]\n"
         "        count: 2\n"
         "        retire: 2026-01-31\n"
         "        drain: 1d\n"
         "      - {hardware: H100, count: 1}\n"
         "tenants: [{name: a, share: 0.5}, {name: b, share: 0.5}]\n" + events +
         "workload:\n  jobs:\n"
         "    - {id: 1, tenant: a, submit: 0, gpus: 8, duration: 5d, hardware: B200}\n"
         "    - {id: 2, tenant: b, submit: 0, gpus: 16, duration: 1d, hardware: B200}\n"
         "    - {id: 3, tenant: a, submit: 2026-01-28T12:00, gpus: 8, duration: 5d,\n"
         "       checkpoint_interval: 1h, checkpoint_gb: 100}\n"
         "    - {id: 4, tenant: a, submit: 2026-01-30T12:00, gpus: 8, duration: 1h}\n";
}

struct Outcome {
  nlohmann::json summary;
  std::map<std::string, CsvRow> jobs;
  std::vector<CsvRow> utilisation;
  int exit_code = 0;
  std::string err;
};

Outcome run(const std::string& text) {
  TempDir dir;
  write_file(dir / "c.yaml", text);
  auto r = run_sovsim("run " + (dir / "c.yaml").string() + " -q -o " + (dir / "out").string(), dir.path());
  Outcome out;
  out.exit_code = r.exit_code;
  out.err = r.err;
  if (r.exit_code != 0) return out;
  out.summary = nlohmann::json::parse(read_file(dir / "out" / "summary.json"));
  for (auto& row : read_csv(dir / "out" / "jobs.csv")) out.jobs[row["job_id"]] = row;
  out.utilisation = read_csv(dir / "out" / "utilisation.csv");
  return out;
}

TEST(FleetCapacity, DeliveriesDrainAndRetirementMoveCapacityExactly) {
  Outcome r = run(scenario());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const double end_s = r.summary["end_s"];
  ASSERT_GT(end_s, 30 * kDay);
  // B200: 8 GPUs for 10 days, 16 for 20 days; H100: 8 GPUs to the end.
  const double expected_gpu_h = (8 * 10 * kDay + 16 * 20 * kDay + 8 * end_s) / 3600;
  EXPECT_NEAR(r.summary["capacity"]["gpu_hours"].get<double>(), expected_gpu_h, 1e-6);
  // utilisation.csv: total_gpus steps at exactly the planned dates, and integrates to the same.
  std::map<std::string, std::vector<std::pair<double, double>>> steps;  // hw -> (t, total)
  for (auto& row : r.utilisation) {
    if (row["tenant"] != "a") continue;  // every tenant's series carries its group's total
    auto& s = steps[row["hw"]];
    const double t = std::stod(row["time_s"]), total = std::stod(row["total_gpus"]);
    if (s.empty() || s.back().second != total) s.emplace_back(t, total);
  }
  EXPECT_EQ(steps["B200"], (std::vector<std::pair<double, double>>{{0, 8}, {10 * kDay, 16}, {30 * kDay, 0}}));
  EXPECT_EQ(steps["H100"], (std::vector<std::pair<double, double>>{{0, 8}}));
  double integral = 0;
  for (auto& [hw, s] : steps) {
    for (size_t i = 0; i < s.size(); ++i) {
      integral += s[i].second * ((i + 1 < s.size() ? s[i + 1].first : end_s) - s[i].first);
    }
  }
  EXPECT_NEAR(integral / 3600, expected_gpu_h, 1e-6);
  // Utilisation is over the capacity in service, not the GPUs ever built.
  EXPECT_NEAR(r.summary["utilisation"].get<double>(),
              r.summary["gpu_hours"].get<double>() / expected_gpu_h, 1e-12);
}

TEST(FleetCapacity, JobsFollowTheCapacity) {
  Outcome r = run(scenario());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.jobs["1"]["start_s"], "0");
  EXPECT_EQ(std::stod(r.jobs["2"]["start_s"]), 10 * kDay);  // waited for the delivery
  // Job 3 ran on B200 until the retirement, lost at most the hour since its last checkpoint,
  // and finished on the H100 node.
  EXPECT_EQ(r.jobs["3"]["preemptions"], "1");
  const double lost = std::stod(r.jobs["3"]["lost_s"]);
  EXPECT_GT(lost, 0);
  EXPECT_LE(lost, 3600);
  EXPECT_EQ(r.jobs["3"]["status"], "completed");
  EXPECT_EQ(r.jobs["3"]["hw"], "H100");
  // Job 4 arrived while the B200 nodes drained (one of them idle): it ran on the H100 node.
  EXPECT_EQ(r.jobs["4"]["hw"], "H100");
  EXPECT_EQ(r.jobs["4"]["wait_s"], "0");
}

TEST(FleetCapacity, OwnershipFollowsTheTranches) {
  Outcome r = run(scenario());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const double end_s = r.summary["end_s"];
  std::map<std::string, nlohmann::json> tenants;
  for (auto& t : r.summary["tenants"]) tenants[t["name"]] = t;
  EXPECT_NEAR(tenants["a"]["owned_gpu_hours"].get<double>(), 8 * 30 * kDay / 3600, 1e-6);
  EXPECT_NEAR(tenants["b"]["owned_gpu_hours"].get<double>(), 8 * 20 * kDay / 3600, 1e-6);
  const double unowned_h = 8 * end_s / 3600;  // the H100 node
  EXPECT_NEAR(r.summary["capacity"]["unowned_gpu_hours"].get<double>(), unowned_h, 1e-6);
  // Entitlement: what it owns plus its share of what nobody owns.
  EXPECT_NEAR(tenants["a"]["entitled_gpu_hours"].get<double>(), 8 * 30 * kDay / 3600 + 0.5 * unowned_h, 1e-6);
  EXPECT_NEAR(r.summary["capacity"]["owned_gpu_hours"].get<double>() + unowned_h,
              r.summary["capacity"]["gpu_hours"].get<double>(), 1e-6);
  const auto& tranches = r.summary["capacity"]["tranches"];
  ASSERT_EQ(tranches.size(), 3u);
  EXPECT_EQ(tranches[1]["owner"], "b");
  EXPECT_EQ(tranches[1]["in_service_date"], "2026-01-11");
  EXPECT_EQ(tranches[1]["retire_date"], "2026-01-31");
}

TEST(FleetCapacity, AnExportRuleCancelsExactlyTheTranchesStillToCome) {
  Outcome r = run(scenario("events: [{type: export_rule, date: 2026-01-06, hardware: B200, name: stop}]\n"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto& e = r.summary["fleet_events"][0];
  EXPECT_EQ(e["name"], "stop");
  EXPECT_EQ(e["tranches_changed"], 1);  // the delivery, not the installed node
  EXPECT_EQ(e["gpus_removed"], 8);
  EXPECT_EQ(r.summary["capacity"]["tranches"][1]["nodes"], 0);
  EXPECT_EQ(r.jobs["2"]["status"], "rejected");  // 16 B200 GPUs will never exist
  const double end_s = r.summary["end_s"];
  EXPECT_NEAR(r.summary["capacity"]["gpu_hours"].get<double>(), (8 * 30 * kDay + 8 * end_s) / 3600, 1e-6);
  // An event after the delivery changes nothing.
  Outcome late = run(scenario("events: [{type: export_rule, date: 2026-01-12, hardware: B200}]\n"));
  ASSERT_EQ(late.exit_code, 0) << late.err;
  EXPECT_EQ(late.summary["fleet_events"][0]["tranches_changed"], 0);
  EXPECT_EQ(late.jobs["2"]["status"], "completed");
}

TEST(FleetCapacity, AVendorDelayAndASubstitutionMoveAndReplaceTheTranche) {
  Outcome delayed = run(scenario("events: [{type: vendor_delay, date: 2026-01-02, delay: 3d}]\n"));
  ASSERT_EQ(delayed.exit_code, 0) << delayed.err;
  EXPECT_EQ(std::stod(delayed.jobs["2"]["start_s"]), 13 * kDay);
  EXPECT_NEAR(delayed.summary["fleet_events"][0]["delay_gpu_days"].get<double>(), 8 * 3, 1e-9);

  Outcome swapped = run(scenario(
      "events: [{type: substitution, date: 2026-01-02, hardware: B200, to: H100, ratio: 2}]\n"));
  ASSERT_EQ(swapped.exit_code, 0) << swapped.err;
  const auto& e = swapped.summary["fleet_events"][0];
  EXPECT_EQ(e["gpus_removed"], 8);
  EXPECT_EQ(e["gpus_added"], 16);  // 8 B200 x 2 = 16 H100 devices: 2 nodes
  EXPECT_EQ(swapped.jobs["2"]["status"], "rejected");
  bool found = false;
  for (auto& t : swapped.summary["capacity"]["tranches"]) {
    if (t["hardware"] == "H100" && t["owner"] == "b") {
      found = true;
      EXPECT_EQ(t["nodes"], 2);
      EXPECT_EQ(t["in_service_date"], "2026-01-11");
    }
  }
  EXPECT_TRUE(found);
}

TEST(FleetCapacity, DatesNeedAStartDateAndMustFallInsideTheRun) {
  TempDir dir;
  std::string text = scenario();
  text.replace(text.find("start_date: 2026-01-01\n"), 23, "");
  write_file(dir / "c.yaml", text);
  auto r = run_sovsim("validate " + (dir / "c.yaml").string(), dir.path());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("sites[0].nodes[0].deliveries[0].date: a date (2026-01-11) needs `start_date:`"),
            std::string::npos) << r.err;
  text = scenario();
  text.replace(text.find("date: 2026-01-11"), 16, "date: 2025-12-31");
  write_file(dir / "c.yaml", text);
  r = run_sovsim("validate " + (dir / "c.yaml").string(), dir.path());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("expected a date from 2026-01-01"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sovsim::test
