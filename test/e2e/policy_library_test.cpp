// test/e2e/policy_library_test.cpp — the policy scenario library (scenarios/policy/, docs/scenarios.md)
// through the real binary: every file validates and runs on a short horizon, has capacity in
// service and no tenant that submits jobs without completing any; export_shock removes exactly the
// capacity of the tranches its export rules cancel; the variants keep korea_2030's fleet (and
// workload) text, so they stay comparable with it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const std::filesystem::path kLibrary = source_path("scenarios/policy");

// The horizon each scenario is run to here: long enough for its first capacity to enter service
// and some of every active tenant's jobs to finish, short enough to keep the suite fast.
const std::map<std::string, std::string> kShortHorizon = {
    {"korea_2030.yaml", "60d"},     {"export_shock.yaml", "60d"},
    {"delivery_delay.yaml", "60d"}, {"power_capped.yaml", "60d"},
    {"naver_hyperclova.yaml", "90d"}, {"hyundai_robotics.yaml", "30d"},
    {"npu_two_track.yaml", "60d"},
};

std::vector<std::string> library_files() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(kLibrary)) {
    if (e.path().extension() == ".yaml") names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

nlohmann::json run_summary(const TempDir& dir, const std::string& file, const std::string& out,
                           const std::string& extra) {
  auto r = run_sovsim("run " + (kLibrary / file).string() + " -q -o " + (dir / out).string() + " " +
                          extra,
                      dir.path());
  EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
  if (r.exit_code != 0) return {};
  return nlohmann::json::parse(read_file(dir / out / "summary.json"));
}

// The text between two marker lines (the first line starting with each), markers included.
std::string between(const std::string& text, const std::string& begin, const std::string& end) {
  const auto b = text.find(begin);
  const auto e = text.find(end, b == std::string::npos ? 0 : b);
  if (b == std::string::npos || e == std::string::npos) return {};
  return text.substr(b, e + end.size() - b);
}

TEST(PolicyLibrary, EveryScenarioIsListedHere) {
  const auto names = library_files();
  EXPECT_GE(names.size(), 7u);
  for (const auto& n : names) EXPECT_TRUE(kShortHorizon.count(n)) << n << " has no short horizon here";
  for (const auto& [n, h] : kShortHorizon) {
    EXPECT_TRUE(std::find(names.begin(), names.end(), n) != names.end()) << n << " is missing";
  }
}

TEST(PolicyLibrary, EveryScenarioValidatesAndRunsOnAShortHorizon) {
  TempDir dir;
  for (const auto& name : library_files()) {
    SCOPED_TRACE(name);
    auto v = run_sovsim("validate " + (kLibrary / name).string(), dir.path());
    EXPECT_EQ(v.exit_code, 0) << v.err;
    ASSERT_TRUE(kShortHorizon.count(name));
    auto s = run_summary(dir, name, "out-" + name, "--set horizon=" + kShortHorizon.at(name));
    ASSERT_FALSE(s.is_null());
    EXPECT_EQ(s["scenario"].get<std::string>().empty(), false);
    EXPECT_GT(s["capacity"]["gpu_hours"].get<double>(), 0);
    EXPECT_GT(s["jobs"]["completed"].get<int64_t>(), 0);
    EXPECT_EQ(s["jobs"]["rejected"].get<int64_t>(), 0) << "a job can never fit anywhere";
    int active = 0;
    for (const auto& t : s["tenants"]) {
      if (t["jobs_submitted"].get<int64_t>() == 0) continue;
      ++active;
      EXPECT_GT(t["jobs_completed"].get<int64_t>(), 0) << t["name"] << " submits but completes nothing";
    }
    EXPECT_GT(active, 0);
  }
}

TEST(PolicyLibrary, ExportShockRemovesExactlyTheCancelledTranchesCapacity) {
  // The whole year, with one job per generator: capacity does not depend on the workload.
  TempDir dir;
  const std::string tiny = "--set 'workload.generators[*].count=1'";
  auto base = run_summary(dir, "korea_2030.yaml", "base", tiny);
  auto shock = run_summary(dir, "export_shock.yaml", "shock", tiny);
  ASSERT_FALSE(base.is_null());
  ASSERT_FALSE(shock.is_null());
  ASSERT_GE(shock["fleet_events"].size(), 1u);
  EXPECT_EQ(shock["fleet_events"][0]["type"], "export_rule");
  EXPECT_GT(shock["fleet_events"][0]["gpus_removed"].get<int64_t>(), 0);
  EXPECT_TRUE(base["fleet_events"].empty());
  // The rules (1 Sep 2026) cancel every tranche planned after that date; the baseline has those
  // tranches in service from their in-service time to the end of the run.
  const double end_s = base["end_s"].get<double>();
  double cancelled_gpu_h = 0;
  int64_t cancelled_gpus = 0;
  for (const auto& t : base["capacity"]["tranches"]) {
    if (t["planned_date"].get<std::string>() <= "2026-09-01") continue;
    cancelled_gpus += t["gpus"].get<int64_t>();
    const double in_s = t["in_service_s"].get<double>();
    if (in_s < end_s) cancelled_gpu_h += t["gpus"].get<double>() * (end_s - in_s) / 3600;
  }
  ASSERT_GT(cancelled_gpu_h, 0) << "no cancelled tranche enters service within the year";
  int64_t removed = 0;
  for (const auto& e : shock["fleet_events"]) removed += e["gpus_removed"].get<int64_t>();
  EXPECT_EQ(removed, cancelled_gpus);
  const double base_h = base["capacity"]["gpu_hours"].get<double>();
  const double shock_h = shock["capacity"]["gpu_hours"].get<double>();
  EXPECT_LT(shock_h, base_h);
  EXPECT_NEAR(base_h - shock_h, cancelled_gpu_h, 1e-6 * base_h);
}

TEST(PolicyLibrary, VariantsKeepKorea2030sFleetAndWorkload) {
  const std::string base = read_file(kLibrary / "korea_2030.yaml");
  const std::string fleet_begin = "# ======== BEGIN shared fleet", fleet_end = "# ======== END shared fleet ========";
  const std::string work_begin = "# ======== BEGIN shared workload", work_end = "# ======== END shared workload ========";
  const std::string fleet = between(base, fleet_begin, fleet_end);
  const std::string workload = between(base, work_begin, work_end);
  ASSERT_FALSE(fleet.empty());
  ASSERT_FALSE(workload.empty());
  for (const std::string variant : {"export_shock.yaml", "power_capped.yaml", "delivery_delay.yaml"}) {
    SCOPED_TRACE(variant);
    const std::string text = read_file(kLibrary / variant);
    EXPECT_EQ(between(text, fleet_begin, fleet_end), fleet);
    // delivery_delay moves each tranche's demand to the date the tranche really arrives.
    if (variant != "delivery_delay.yaml") {
      EXPECT_EQ(between(text, work_begin, work_end), workload);
    }
  }
  EXPECT_EQ(base.find("\nevents:"), std::string::npos) << "the baseline has no events";
}

TEST(PolicyLibrary, EachVariantListsItsEvent) {
  TempDir dir;
  auto delay = run_summary(dir, "delivery_delay.yaml", "delay", "--set horizon=30d");
  ASSERT_FALSE(delay.is_null());
  EXPECT_EQ(delay["fleet_events"][0]["type"], "vendor_delay");
  EXPECT_GT(delay["fleet_events"][0]["tranches_changed"].get<int64_t>(), 0);
  EXPECT_GT(delay["fleet_events"][0]["delay_gpu_days"].get<double>(), 0);
  auto cap = run_summary(dir, "power_capped.yaml", "cap", "--set horizon=30d");
  ASSERT_FALSE(cap.is_null());
  EXPECT_EQ(cap["fleet_events"][0]["type"], "power_cap");
  EXPECT_EQ(cap["fleet_events"][0]["site"], "naver-ai-factory");
  EXPECT_EQ(cap["fleet_events"][0]["power_cap_mw"].get<double>(), 20);
  auto npu = run_summary(dir, "npu_two_track.yaml", "npu", "--set horizon=30d");
  ASSERT_FALSE(npu.is_null());
  std::set<std::string> added_hw;
  for (const auto& e : npu["fleet_events"]) {
    EXPECT_EQ(e["type"], "substitution");
    EXPECT_EQ(e["gpus_removed"].get<int64_t>(), 1024);
    EXPECT_GT(e["gpus_added"].get<int64_t>(), 1024);
    added_hw.insert(e["to_hardware"].get<std::string>());
  }
  EXPECT_EQ(added_hw, (std::set<std::string>{"REBEL-Quad", "RNGD"}));
}

}  // namespace
}  // namespace sovsim::test
