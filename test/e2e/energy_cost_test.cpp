// test/e2e/energy_cost_test.cpp — energy, emissions, money and the site power cap
// (docs/energy.md), through the real binary: a hand-computed B200 hour (electricity, capex, opex,
// carbon), energy = ∫ power dt × PUE from the ledger's own GPU-hours, fleet figures = the sum
// over tenants plus unowned capacity, a time-of-use price that charges the expensive hours, and
// a power cap that holds jobs back (and that a run without it exceeds).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

// The B200 per GPU, from the catalog (tdp 1000 W, idle 140 W, DGX B200 14.3 kW, USD 35,000) and
// the defaults of docs/energy.md: host maximum (14,300 − 8 × 1,000) / 8 = 787.5 W,
// busy 0.85 × 1,000 + 0.65 × 787.5 W, idle 140 + 0.3 × 787.5 W.
constexpr double kB200BusyW = 850 + 0.65 * 787.5;  // 1,361.875
constexpr double kB200IdleW = 140 + 0.3 * 787.5;   // 376.25
constexpr double kPue = 1.3;
constexpr double kKrwPerKwh = 182.7;
constexpr double kCapexPerGpuHour = 35000.0 * 1400 / (5 * 8760);  // 1,118.72
constexpr double kOpexPerGpuHour = 20e6 / 8 / 8760;

nlohmann::json run_summary(const std::string& text, std::string* err = nullptr) {
  TempDir dir;
  write_file(dir / "e.yaml", text);
  auto r = run_sovsim("run " + (dir / "e.yaml").string() + " -q -o " + (dir / "out").string(), dir.path());
  if (err) *err = r.err;
  if (r.exit_code != 0) return nullptr;
  return nlohmann::json::parse(read_file(dir / "out" / "summary.json"));
}

TEST(EnergyCost, OneB200NodeBusyForAnHourByHand) {
  std::string err;
  const auto s = run_summary(
      "name: hour\nhorizon: 1d\n"
      "sites: [{name: s, nodes: [{hardware: B200, count: 1, owner: a}]}]\n"
      "tenants: [{name: a}]\n"
      "workload: {jobs: [{tenant: a, gpus: 8, duration: 1h}]}\n", &err);
  ASSERT_FALSE(s.is_null()) << err;
  ASSERT_EQ(s["end_s"], 3600.0);
  const double it_kwh = 8 * kB200BusyW / 1000;  // busy the whole hour
  EXPECT_NEAR(s["energy"]["it_mwh"].get<double>(), it_kwh / 1000, 1e-12);
  EXPECT_NEAR(s["energy"]["facility_mwh"].get<double>(), it_kwh * kPue / 1000, 1e-12);
  EXPECT_NEAR(s["energy"]["peak_it_mw"].get<double>(), 8 * kB200BusyW / 1e6, 1e-12);
  EXPECT_NEAR(s["emissions"]["tco2"].get<double>(), it_kwh * kPue / 1000 * 0.4173, 1e-12);
  const double energy_krw = it_kwh * kPue * kKrwPerKwh;
  EXPECT_NEAR(s["cost"]["energy_krw"].get<double>(), energy_krw, 1e-6);
  EXPECT_NEAR(s["cost"]["capex_krw"].get<double>(), 8 * kCapexPerGpuHour, 1e-6);
  EXPECT_NEAR(s["cost"]["opex_krw"].get<double>(), 8 * kOpexPerGpuHour, 1e-6);
  EXPECT_NEAR(s["cost"]["per_gpu_hour_krw"].get<double>(),
              energy_krw / 8 + kCapexPerGpuHour + kOpexPerGpuHour, 1e-6);
  // One tenant owns and uses it all: its figures are the fleet's.
  EXPECT_NEAR(s["tenants"][0]["cost_krw"].get<double>(), s["cost"]["total_krw"].get<double>(), 1e-6);
}

// Two tenants: a owns two B200 nodes and runs nothing; b runs on them and on an H100 node nobody
// owns.
TEST(EnergyCost, FleetIsTheSumOfTenantsAndUnownedAndEnergyIsPowerTimesTime) {
  std::string err;
  const auto s = run_summary(
      "name: split\nhorizon: 2d\nscheduler: {policy: easy}\n"
      "economics: {pue: 1.2}\n"
      "sites: [{name: s, pue: 1.5, nodes: [{hardware: B200, count: 2, owner: a}, {hardware: H100, count: 1}]}]\n"
      "tenants: [{name: a, share: 0.5}, {name: b, share: 0.5}]\n"
      "workload:\n  generators:\n"
      "    - {tenant: b, rate_per_hour: 2, gpus: {dist: choice, values: [1, 4, 8]},\n"
      "       duration: {dist: uniform, min: 10m, max: 3h}}\n", &err);
  ASSERT_FALSE(s.is_null()) << err;
  for (const char* key : {"it_energy_mwh", "energy_mwh", "emissions_tco2", "energy_krw", "capex_krw",
                          "opex_krw", "cost_krw"}) {
    double sum = s["unowned"][key].get<double>();
    for (auto& t : s["tenants"]) sum += t[key].get<double>();
    double fleet = 0;
    for (auto& site : s["sites"]) fleet += site[key].get<double>();
    EXPECT_NEAR(sum, fleet, 1e-9 * std::abs(fleet)) << key;
  }
  EXPECT_NEAR(s["energy"]["facility_mwh"].get<double>(), s["energy"]["it_mwh"].get<double>() * 1.5, 1e-9);
  // ∫ IT power dt from the ledger's GPU-hours: every GPU in service draws idle power, a busy one
  // its extra draw on top (H100: host (10,200 − 5,600) / 8 = 575 W; busy 595 + 373.75, idle
  // 75 + 172.5).
  std::map<std::string, nlohmann::json> hw;
  for (auto& h : s["hardware"]) hw[h["name"]] = h;
  const double it_wh = hw["B200"]["capacity_gpu_hours"].get<double>() * kB200IdleW +
                       hw["B200"]["gpu_hours"].get<double>() * (kB200BusyW - kB200IdleW) +
                       hw["H100"]["capacity_gpu_hours"].get<double>() * 247.5 +
                       hw["H100"]["gpu_hours"].get<double>() * (968.75 - 247.5);
  EXPECT_NEAR(s["energy"]["it_mwh"].get<double>(), it_wh / 1e6, 1e-9 * it_wh / 1e6);
  // a owns the B200 nodes: all their capex is its own, though only b ran there. Nobody owns the
  // H100 node: b, its only user, pays all of its capex.
  ASSERT_GT(hw["H100"]["gpu_hours"].get<double>(), 0);
  EXPECT_NEAR(s["tenants"][0]["capex_krw"].get<double>(), hw["B200"]["capex_krw"].get<double>(), 1e-6);
  EXPECT_NEAR(s["tenants"][1]["capex_krw"].get<double>(), hw["H100"]["capex_krw"].get<double>(), 1e-6);
  EXPECT_EQ(s["unowned"]["capex_krw"].get<double>(), 0);
  EXPECT_GT(s["tenants"][1]["energy_krw"].get<double>(), 0);
}

TEST(EnergyCost, ATimeOfUseTariffChargesTheHoursAJobRuns) {
  // Price 100 KRW/kWh for the first 12 h of each day, 300 for the rest; one job in each half.
  auto cost_of = [](const std::string& submit) {
    std::string err;
    const auto s = run_summary(
        "name: tou\nhorizon: 1d\n"
        "economics: {electricity_krw_per_kwh: {values: [100, 300], step: 12h}, pue: 1}\n"
        "sites: [{name: s, nodes: [{hardware: B200, count: 1}]}]\n"
        "tenants: [{name: a}]\n"
        "workload: {jobs: [{tenant: a, gpus: 8, submit: " + submit + ", duration: 1h}]}\n", &err);
    EXPECT_FALSE(s.is_null()) << err;
    return s;
  };
  const auto day = cost_of("2h"), evening = cost_of("13h");
  // Same energy; the job's extra draw is priced at its own hours; idle draw over the whole run.
  const double extra_kwh = 8 * (kB200BusyW - kB200IdleW) / 1000;
  const double day_end = day["end_s"], evening_end = evening["end_s"];
  const double idle_kw = 8 * kB200IdleW / 1000;
  EXPECT_NEAR(day["cost"]["energy_krw"].get<double>(), extra_kwh * 100 + idle_kw * day_end / 3600 * 100, 1e-6);
  EXPECT_NEAR(evening["cost"]["energy_krw"].get<double>(),
              extra_kwh * 300 + idle_kw * (12 * 100 + (evening_end / 3600 - 12) * 300), 1e-6);
}

// Four B200 nodes on a 30 kW cap: idle they draw 4 × 8 × 376.25 = 12.04 kW, each busy node adds
// 8 × 985.625 = 7.885 kW, so at most two nodes run at once. Eight one-node jobs at time 0.
std::string capped(const std::string& cap) {
  return "name: cap\nhorizon: 1d\nscheduler: {policy: easy}\n"
         "sites: [{name: s, power_cap_mw: " + cap + ", nodes: [{hardware: B200, count: 4}]}]\n"
         "tenants: [{name: a}]\n"
         "workload:\n  generators: [{tenant: a, rate_per_hour: 1000, count: 8, gpus: 8, duration: 1h}]\n";
}

TEST(EnergyCost, APowerCapIsNeverExceededAndHoldsJobsBack) {
  std::string err;
  const auto free = run_summary(capped("0"), &err);
  ASSERT_FALSE(free.is_null()) << err;
  const auto cap = run_summary(capped("0.03"), &err);
  ASSERT_FALSE(cap.is_null()) << err;
  EXPECT_GT(free["sites"][0]["peak_it_mw"].get<double>(), 0.03);  // the cap binds
  EXPECT_LE(cap["sites"][0]["peak_it_mw"].get<double>(), 0.03);
  EXPECT_NEAR(cap["sites"][0]["peak_it_mw"].get<double>(), (32 * kB200IdleW + 16 * (kB200BusyW - kB200IdleW)) / 1e6, 1e-9);
  EXPECT_EQ(cap["jobs"]["completed"], 8);
  EXPECT_GT(cap["wait"]["mean_s"].get<double>(), free["wait"]["mean_s"].get<double>());
  // A power_cap event lifts it after 2 hours: the rest then run together.
  const auto lifted = run_summary(capped("0.03") + "events: [{type: power_cap, site: s, date: 2h, mw: 0}]\n", &err);
  ASSERT_FALSE(lifted.is_null()) << err;
  EXPECT_LT(lifted["end_s"].get<double>(), cap["end_s"].get<double>());
}

}  // namespace
}  // namespace sovsim::test

namespace sovsim::test {
namespace {

TEST(EnergyCost, TokensTrainedAndServedAndTheirCost) {
  std::string err;
  // 20 iterations of 16 sequences of 2,048 tokens; a service at 3 requests/s of 1,000 + 200
  // tokens for 2 h. No failures: nothing is redone or restarted.
  const auto s = run_summary(
      "name: tokens\nhorizon: 7d\n"
      "sites: [{name: s, nodes: [{hardware: H100, count: 8}]}]\n"
      "tenants: [{name: a}, {name: b}]\n"
      "workload:\n  jobs:\n"
      "    - {tenant: a, gpus: 16, train: {model: llama3-8b, iterations: 20, global_batch: 16, seq: 2048}}\n"
      "    - {tenant: b, duration: 2h,\n"
      "       serve: {model: llama3-8b, requests_per_s: 3, input_tokens: 1000, output_tokens: 200}}\n",
      &err);
  ASSERT_FALSE(s.is_null()) << err;
  ASSERT_EQ(s["jobs"]["completed"], 2);
  EXPECT_EQ(s["tenants"][0]["tokens_trained"].get<double>(), 20.0 * 16 * 2048);
  EXPECT_EQ(s["tenants"][0]["tokens_served"].get<double>(), 0);
  EXPECT_NEAR(s["tenants"][1]["tokens_served"].get<double>(), 3.0 * 1200 * 7200, 1e-6);
  EXPECT_NEAR(s["tokens"]["served"].get<double>(), 3.0 * 1200 * 7200, 1e-6);
  EXPECT_NEAR(s["tenants"][1]["cost_per_million_tokens_krw"].get<double>(),
              s["tenants"][1]["cost_krw"].get<double>() / (3.0 * 1200 * 7200) * 1e6, 1e-9);
}

}  // namespace
}  // namespace sovsim::test

namespace sovsim::test {
namespace {

// Under every policy, the site's IT draw (rebuilt from utilisation.csv: idle draw of the GPUs in
// service plus the extra draw of the busy ones) only ever rises to a value within the cap in
// force — 50 kW, 35 kW from day 1, 70 kW from day 2 — though a lowered cap does not stop jobs.
TEST(EnergyCost, EveryPolicyRespectsAPowerCapThatChangesOverTime) {
  const std::string text =
      "name: cap\nhorizon: 3d\n"
      "sites: [{name: s, power_cap_mw: 0.05, nodes: [{hardware: B200, count: 8}]}]\n"
      "tenants: [{name: a, share: 0.5}, {name: b, share: 0.5}]\n"
      "events: [{type: power_cap, site: s, date: 1d, mw: 0.035},\n"
      "         {type: power_cap, site: s, date: 2d, mw: 0.07}]\n"
      "workload:\n  generators:\n"
      "    - {tenant: a, rate_per_hour: 6, gpus: {dist: choice, values: [1, 4, 8, 16]},\n"
      "       duration: {dist: uniform, min: 10m, max: 4h}}\n"
      "    - {tenant: b, rate_per_hour: 6, gpus: {dist: choice, values: [2, 8, 24]},\n"
      "       duration: {dist: uniform, min: 10m, max: 4h}}\n";
  auto cap_w = [](double t) { return t < 86400 ? 50e3 : t < 2 * 86400 ? 35e3 : 70e3; };
  for (const std::string policy : {"fcfs", "easy", "conservative", "sjf", "fair-share", "priority", "las"}) {
    TempDir dir;
    write_file(dir / "c.yaml", text);
    auto r = run_sovsim("run " + (dir / "c.yaml").string() + " -q -o " + (dir / "out").string() +
                        " --set scheduler.policy=" + policy, dir.path());
    ASSERT_EQ(r.exit_code, 0) << policy << r.err;
    std::map<double, std::map<std::string, double>> busy_at;  // time -> tenant -> busy GPUs
    double total = 0;
    for (auto& row : read_csv(dir / "out" / "utilisation.csv")) {
      busy_at[std::stod(row["time_s"])][row["tenant"]] = std::stod(row["busy_gpus"]);
      total = std::stod(row["total_gpus"]);
    }
    std::map<std::string, double> busy;
    double previous_w = 0, peak_w = 0;
    int rises = 0;
    for (auto& [t, changes] : busy_at) {
      for (auto& [tenant, b] : changes) busy[tenant] = b;
      double busy_gpus = 0;
      for (auto& [tenant, b] : busy) busy_gpus += b;
      const double w = total * kB200IdleW + busy_gpus * (kB200BusyW - kB200IdleW);
      if (w > previous_w + 1e-6) {
        ++rises;
        EXPECT_LE(w, cap_w(t) + 1e-6) << policy << " at " << t;
      }
      previous_w = w;
      peak_w = std::max(peak_w, w);
    }
    EXPECT_GT(rises, 5) << policy;  // the check saw jobs start
    const auto s = nlohmann::json::parse(read_file(dir / "out" / "summary.json"));
    EXPECT_NEAR(s["sites"][0]["peak_it_mw"].get<double>() * 1e6, peak_w, 1e-3) << policy;
  }
}

}  // namespace
}  // namespace sovsim::test
