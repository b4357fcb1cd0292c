// test/e2e/ledger_totals_test.cpp — every fleet total is the sum of its parts (issue: fleet
// `failures.lost_gpu_hours` 524.84 vs 513.97 over tenants, stretch 6,595.7 vs 6,589.8). A
// scenario that used to break it: 8- and 4-GPU nodes, 12/16-GPU jobs spanning leaves of a 4:1
// fabric, fair-share preemption, checkpoints and frequent failures. Checked through the real
// binary: fleet = sum over tenants (exactly: the fleet is summed from them), = sum over sites and
// over hardware (within rounding), busy = goodput + losses, goodput never negative per job.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const char* kScenario = R"(name: mixed
seed: 5
horizon: 20d
failures: {gpu_per_year: 40, hbm_per_year: 0, network_per_year: 0, host_per_year: 0,
           repair: {median: 2h, sigma: 0.5}}
scheduler: {policy: fair-share}
sites:
  - name: eight
    fabric: {nodes_per_leaf: 2, leaf_uplink_oversubscription: 4, storage_gbps: 8}
    nodes: [{hardware: B200, count: 12}]
  - name: four
    fabric: {nodes_per_leaf: 2, leaf_uplink_oversubscription: 4, storage_gbps: 8}
    nodes: [{hardware: H100, count: 12, gpus_per_node: 4}]
tenants:
  - {name: a, share: 0.5}
  - {name: b, share: 0.3}
  - {name: c, share: 0.2}
workload:
  generators:
    - {tenant: a, rate_per_hour: 0.5, gpus: {dist: choice, values: [12, 16]},
       duration: {dist: uniform, min: 4h, max: 20h},
       checkpoint_interval: 1h, checkpoint_gb: 400, network_fraction: 0.3}
    - {tenant: b, rate_per_hour: 1, gpus: {dist: choice, values: [4, 8, 12]},
       duration: {dist: uniform, min: 1h, max: 8h},
       network_fraction: 0.2}
    - {tenant: c, rate_per_hour: 2, gpus: 1,
       duration: {dist: uniform, min: 10m, max: 2h}}
)";

// Paths of the ledger's figures: in each tenant/site/hardware object, and the fleet's.
const std::vector<std::pair<std::string, std::string>> kFigures = {
    {"gpu_hours", "/gpu_hours"},
    {"preemption_lost_gpu_hours", "/preemption_lost_gpu_hours"},
    {"lost_gpu_hours", "/lost_gpu_hours"},
    {"failure_lost_gpu_hours", "/failures/lost_gpu_hours"},
    {"checkpoint_gpu_hours", "/checkpoint_gpu_hours"},
    {"network_stretch_gpu_hours", "/network/stretch_gpu_hours"},
    {"goodput_gpu_hours", "/goodput_gpu_hours"},
};

double sum_over(const nlohmann::json& list, const std::string& key) {
  double sum = 0;
  for (const auto& o : list) sum += o[key].get<double>();
  return sum;
}

// Runs kScenario into dir/out; its summary.json (null, after a failure, if the run failed).
nlohmann::json run_mixed(const TempDir& dir) {
  write_file(dir / "mixed.yaml", kScenario);
  auto r = run_sovsim("run " + (dir / "mixed.yaml").string() + " -q -o " + (dir / "out").string(),
                      dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  if (r.exit_code != 0) return nullptr;
  return nlohmann::json::parse(read_file(dir / "out" / "summary.json"));
}

TEST(LedgerTotals, FleetTotalsAreSumsOverTenantsSitesAndHardware) {
  TempDir dir;
  const auto s = run_mixed(dir);
  ASSERT_FALSE(s.is_null());
  // The scenario exercises every figure.
  EXPECT_GT(s["failures"]["lost_gpu_hours"].get<double>(), 0);
  EXPECT_GT(s["network"]["stretch_gpu_hours"].get<double>(), 0);
  EXPECT_GT(s["checkpoint_gpu_hours"].get<double>(), 0);
  EXPECT_GT(s["preemptions"].get<int>(), 0);
  for (const auto& [key, fleet_path] : kFigures) {
    const double fleet = s[nlohmann::json::json_pointer(fleet_path)].get<double>();
    const double tol = 1e-9 * std::max(1.0, std::abs(fleet));
    EXPECT_NEAR(sum_over(s["tenants"], key), fleet, tol) << key;
    EXPECT_NEAR(sum_over(s["sites"], key), fleet, tol) << key;
    EXPECT_NEAR(sum_over(s["hardware"], key), fleet, tol) << key;
  }
  // Busy GPU-hours are goodput plus the four losses; counts add up too.
  const double losses = s["preemption_lost_gpu_hours"].get<double>() +
                        s["failures"]["lost_gpu_hours"].get<double>() +
                        s["checkpoint_gpu_hours"].get<double>() +
                        s["network"]["stretch_gpu_hours"].get<double>();
  EXPECT_NEAR(s["gpu_hours"].get<double>(), s["goodput_gpu_hours"].get<double>() + losses, 1e-6);
  EXPECT_EQ(sum_over(s["tenants"], "interruptions"), s["failures"]["job_interruptions"].get<double>());
  EXPECT_EQ(sum_over(s["tenants"], "preemptions"), s["preemptions"].get<double>());
  // A tenant's utilisation of its share is its busy GPU-hours over its entitlement.
  for (const auto& t : s["tenants"]) {
    EXPECT_NEAR(t["utilisation_of_share"].get<double>(),
                t["gpu_hours"].get<double>() / t["entitled_gpu_hours"].get<double>(), 1e-12);
  }
  // Per job: goodput never negative, and jobs add up to the fleet's busy and goodput GPU-hours.
  double busy = 0, goodput = 0;
  for (auto& job : read_csv(dir / "out" / "jobs.csv")) {
    if (job["gpu_hours"].empty()) continue;
    EXPECT_GE(std::stod(job["goodput_gpu_hours"]), 0) << job["job_id"];
    busy += std::stod(job["gpu_hours"]);
    goodput += std::stod(job["goodput_gpu_hours"]);
  }
  EXPECT_NEAR(busy, s["gpu_hours"].get<double>(), 1e-6 * busy);
  EXPECT_NEAR(goodput, s["goodput_gpu_hours"].get<double>(), 1e-6 * goodput);
}

// power.csv: each site's rows add up to its IT energy in summary.json, its highest row peak is
// its peak IT power, and the fleet's rows to the energy at the meter; the report draws them.
TEST(LedgerTotals, PowerCsvAddsUpToTheSummarysEnergyAndPeaks) {
  TempDir dir;
  const auto s = run_mixed(dir);
  ASSERT_FALSE(s.is_null());
  std::map<std::string, double> it_mwh, peak_mw;
  double facility_mwh = 0, previous_start = 0;
  for (auto& row : read_csv(dir / "out" / "power.csv")) {
    const double start = std::stod(row["start_s"]), hours = (std::stod(row["end_s"]) - start) / 3600;
    EXPECT_GE(start, previous_start);  // in time order
    previous_start = start;
    it_mwh[row["site"]] += std::stod(row["it_mw_mean"]) * hours;
    peak_mw[row["site"]] = std::max(peak_mw[row["site"]], std::stod(row["it_mw_peak"]));
    facility_mwh += std::stod(row["facility_mw_mean"]) * hours;
    EXPECT_GE(std::stod(row["it_mw_peak"]), std::stod(row["it_mw_mean"]) * (1 - 1e-9));
  }
  ASSERT_EQ(it_mwh.size(), 2u);
  for (const auto& site : s["sites"]) {
    const std::string name = site["name"];
    EXPECT_NEAR(it_mwh[name], site["it_energy_mwh"].get<double>(), 1e-9) << name;
    EXPECT_DOUBLE_EQ(peak_mw[name], site["peak_it_mw"].get<double>()) << name;
  }
  EXPECT_NEAR(facility_mwh, s["energy"]["facility_mwh"].get<double>(), 1e-9);
  EXPECT_NE(read_file(dir / "out" / "report.html").find("id=\"power-over-time\""),
            std::string::npos);
}

// A site without GPUs (all its nodes cancelled, or count 0) is left out of summary.json's
// sites[], and no site after it is listed twice (export_shock listed naver-ai-factory twice).
TEST(LedgerTotals, EachSiteWithGpusListedOnceAfterAnEmptySite) {
  TempDir dir;
  run_scenario_jobs(R"(name: empty-site
horizon: 1d
sites:
  - {name: empty, nodes: [{hardware: H100, count: 0}]}
  - {name: two-groups, nodes: [{hardware: H100, count: 1}, {hardware: B200, count: 1}]}
tenants: [{name: t}]
workload:
  jobs: [{tenant: t, gpus: 8, duration: 1h}]
)",
                    dir);
  const auto s = nlohmann::json::parse(read_file(dir / "out/summary.json"));
  ASSERT_EQ(s["sites"].size(), 1u) << s["sites"].dump();
  EXPECT_EQ(s["sites"][0]["name"], "two-groups");
  EXPECT_EQ(s["sites"][0]["total_gpus"], 16);
}

TEST(LedgerTotals, GeneratedDocTablesMatchTheCode) {
  auto r = run_sovsim(std::string("gen-docs --check ") + SOVSIM_SOURCE_DIR + "/docs", ".");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err
                            << "\nrun `build/sovsim gen-docs docs` and commit the result";
}

}  // namespace
}  // namespace sovsim::test
