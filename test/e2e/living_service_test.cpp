// test/e2e/living_service_test.cpp — living services (serve: with rate_profile and autoscale)
// as a user runs them: replicas follow the daily load, the SLO is met where GPUs are there, the
// service's GPU count depends on the hardware it runs on, a scale-up delay costs attainment,
// tokens are counted once (services, tenants, fleet), outputs are deterministic, bad keys exit 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const std::string kScenario = source_path("scenarios/serving/diurnal_service.yaml");

struct ServiceRun {
  nlohmann::json summary;
  std::vector<CsvRow> services;
  std::string services_csv;
};

ServiceRun run(const TempDir& dir, const std::string& name, const std::string& extra = "") {
  const auto out = dir.path() / name;
  auto r = run_sovsim("run " + kScenario + " -o " + out.string() + " --quiet " + extra, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ServiceRun result;
  if (r.exit_code != 0) return result;
  result.summary = nlohmann::json::parse(read_file(out / "summary.json"));
  result.services = read_csv(out / "services.csv");
  result.services_csv = read_file(out / "services.csv");
  return result;
}

double num(const CsvRow& row, const char* key) { return std::stod(row.at(key)); }

TEST(LivingService, ReplicasFollowTheDailyLoadAndMeetTheSlo) {
  TempDir dir;
  const ServiceRun r = run(dir, "h100");
  ASSERT_EQ(r.summary["services"].size(), 1u);
  const auto& svc = r.summary["services"][0];
  EXPECT_GT(svc["slo_attainment"].get<double>(), 0.95);
  ASSERT_EQ(r.services.size(), 7u * 96);  // 15-minute rows over 7 days
  double night = 1e9, evening = 0;
  for (const CsvRow& row : r.services) {
    EXPECT_LE(num(row, "served_rps"), num(row, "offered_rps") * (1 + 1e-9));
    EXPECT_LE(num(row, "served_rps"), num(row, "capacity_rps") * (1 + 1e-9) + 1e-9);
    const double hour = std::fmod(num(row, "interval_start_s") / 3600, 24);
    if (hour >= 3 && hour < 4) night = std::min(night, num(row, "replicas"));
    if (hour >= 20 && hour < 21) evening = std::max(evening, num(row, "replicas"));
  }
  EXPECT_GE(evening, 3 * night) << "the evening peak needs several times the night's replicas";
  EXPECT_GE(night, 2) << "min_replicas";
  EXPECT_EQ(svc["peak_replicas_planned"].get<int>(), 8);  // ceil(60 / one replica's rate)
}

TEST(LivingService, ItsGpusDependOnTheHardwareItRunsOn) {
  TempDir dir;
  const ServiceRun h100 = run(dir, "h100");
  const ServiceRun h200 = run(dir, "h200", "--set 'sites[0].nodes[0].hardware=H200'");
  const auto& a = h100.summary["services"][0];
  const auto& b = h200.summary["services"][0];
  EXPECT_EQ(a["hardware"], "H100");
  EXPECT_EQ(b["hardware"], "H200");
  const double gpus_h100 = a["gpus_per_replica"].get<int>() * a["mean_replicas"].get<double>();
  const double gpus_h200 = b["gpus_per_replica"].get<int>() * b["mean_replicas"].get<double>();
  EXPECT_LT(gpus_h200, 0.9 * gpus_h100) << "H200's HBM carries more per GPU at the same SLO";
  EXPECT_NE(h100.services_csv, h200.services_csv);
}

TEST(LivingService, AScaleUpDelayCostsAttainment) {
  TempDir dir;
  const ServiceRun instant = run(dir, "instant", "--set 'workload.jobs[0].serve.autoscale.scale_up_delay=0s'");
  const ServiceRun slow = run(dir, "slow", "--set 'workload.jobs[0].serve.autoscale.scale_up_delay=1h'");
  EXPECT_GT(instant.summary["services"][0]["slo_attainment"].get<double>(),
            slow.summary["services"][0]["slo_attainment"].get<double>());
}

TEST(LivingService, TokensAreCountedOnce) {
  TempDir dir;
  const ServiceRun r = run(dir, "tokens");
  double services = 0, tenants = 0;
  for (const auto& s : r.summary["services"]) services += s["tokens_served"].get<double>();
  for (const auto& t : r.summary["tenants"]) tenants += t["tokens_served"].get<double>();
  const double fleet = r.summary["tokens"]["served"].get<double>();
  EXPECT_NEAR(tenants, fleet, 1e-6 * fleet);
  EXPECT_NEAR(services, fleet, 1e-6 * fleet) << "the only service is the living one";
  const auto& svc = r.summary["services"][0];
  EXPECT_NEAR(svc["tokens_served"].get<double>(),
              svc["served_requests"].get<double>() * (1024 + 256), 1e-6 * fleet);
  EXPECT_NEAR(r.summary["tenants"][0]["slo_attainment"].get<double>(),
              svc["slo_attainment"].get<double>(), 1e-12);
  EXPECT_TRUE(r.summary["tenants"][1]["slo_attainment"].is_null());
}

TEST(LivingService, SameSeedSameFilesAndARerunReplacesThem) {
  TempDir dir;
  const ServiceRun a = run(dir, "a");
  const ServiceRun b = run(dir, "a");  // into the same directory, which holds services.csv
  EXPECT_EQ(a.services_csv, b.services_csv);
  EXPECT_EQ(a.summary["services"], b.summary["services"]);
}

TEST(LivingService, BadAutoscaleIsRefusedWithItsLine) {
  TempDir dir;
  auto r = run_sovsim("run " + kScenario + " -o " + (dir.path() / "bad").string() +
                          " --set 'workload.jobs[0].serve.autoscale.max_replicas=1'",
                      dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("max_replicas"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("must be at least min_replicas"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "bad"));
}

}  // namespace
}  // namespace sovsim::test
