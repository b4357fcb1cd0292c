// test/e2e/describe_contents_test.cpp — `sovsim describe` says what a scenario holds before it
// runs. Its numbers (--json) are checked against the scenario file read here with yaml-cpp and
// computed independently: GPUs per site and hardware type from the counts and the catalog's GPUs
// per node, tenants' shares and sites, each generator's expected jobs (rate × horizon) and
// GPU-hours (weighted mean GPUs × the clamped duration's mean, integrated numerically), drawn
// jobs within Poisson noise of expected and equal to the jobs a run simulates; GPUs in service
// over time from deliveries and a retirement; text and JSON deterministic.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

using Json = nlohmann::json;

// "7d", "6h", "30m", "90s" or a number of seconds.
double seconds(const std::string& text) {
  const std::map<char, double> unit{{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
  const auto u = unit.find(text.back());
  return u == unit.end() ? std::stod(text) : std::stod(text.substr(0, text.size() - 1)) * u->second;
}

std::map<std::string, int> catalog_gpus_per_node() {
  std::map<std::string, int> out;
  for (const auto& hw : YAML::LoadFile(source_path("models/catalog/hardware.yaml"))["hardware"]) {
    out[hw["name"].as<std::string>()] = hw["gpus_per_node"].as<int>();
  }
  return out;
}

// The mean of a {dist: ...} map as the scenario writes it, clamp included, by numerical
// integration over the distribution's quantiles (not the closed forms sovsim uses).
double mean_of(const YAML::Node& d, bool duration) {
  auto value = [&](const char* key, double fallback) {
    if (!d[key]) return fallback;
    return duration ? seconds(d[key].as<std::string>()) : d[key].as<double>();
  };
  if (!d.IsMap()) return duration ? seconds(d.as<std::string>()) : d.as<double>();
  const std::string kind = d["dist"].as<std::string>();
  if (kind == "choice") {
    double sum = 0, weights = 0;
    for (size_t i = 0; i < d["values"].size(); ++i) {
      const double w = d["weights"] ? d["weights"][i].as<double>() : 1.0;
      sum += w * d["values"][i].as<double>(), weights += w;
    }
    return sum / weights;
  }
  const double lo = value("min", 0), hi = value("max", 0);
  auto clamp = [&](double x) { return hi > lo ? std::clamp(x, lo, hi) : x; };
  const int n = 200000;
  double sum = 0;
  if (kind == "exponential") {  // midpoint rule over the quantile function
    for (int i = 0; i < n; ++i) sum += clamp(-value("mean", 0) * std::log(1 - (i + 0.5) / n)) / n;
  } else if (kind == "lognormal") {  // over z ~ N(0, 1), x = median e^(σ z), z in [-8, 8]
    const double median = value("median", 0), sigma = d["sigma"].as<double>(), dz = 16.0 / n;
    for (int i = 0; i < n; ++i) {
      const double z = -8 + (i + 0.5) * dz;
      sum += clamp(median * std::exp(sigma * z)) * std::exp(-0.5 * z * z) / std::sqrt(2 * M_PI) * dz;
    }
  } else {
    ADD_FAILURE() << "distribution " << kind << " not handled by the test";
  }
  return sum;
}

Json describe_json(const std::string& scenario, const TempDir& dir) {
  const auto r = run_sovsim("describe --json " + scenario, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  return Json::parse(r.out);
}

// GPUs per site and per hardware type, tenants, and each generator, against the YAML.
void check_against_yaml(const std::string& path, const Json& d) {
  const YAML::Node y = YAML::LoadFile(path);
  const auto per_node = catalog_gpus_per_node();
  const double horizon_s = seconds(y["horizon"].as<std::string>());
  std::map<std::string, int64_t> by_hw;
  int64_t gpus = 0;
  ASSERT_EQ(d["fleet"]["sites"].size(), y["sites"].size());
  for (size_t s = 0; s < y["sites"].size(); ++s) {
    int64_t site_gpus = 0;
    for (const auto& g : y["sites"][s]["nodes"]) {
      const std::string hw = g["hardware"].as<std::string>();
      const int64_t n = g["count"].as<int64_t>() * per_node.at(hw);
      by_hw[hw] += n, site_gpus += n;
    }
    EXPECT_EQ(d["fleet"]["sites"][s]["name"], y["sites"][s]["name"].as<std::string>());
    EXPECT_EQ(d["fleet"]["sites"][s]["gpus"], site_gpus);
    gpus += site_gpus;
  }
  EXPECT_EQ(d["fleet"]["gpus"], gpus);
  ASSERT_EQ(d["fleet"]["hardware"].size(), by_hw.size());
  for (const Json& h : d["fleet"]["hardware"]) EXPECT_EQ(h["gpus"], by_hw[h["hardware"]]) << h;
  EXPECT_NEAR(d["fleet"]["capacity_gpu_hours"].get<double>(), gpus * horizon_s / 3600, 1e-6);
  ASSERT_EQ(d["tenants"].size(), y["tenants"].size());
  for (size_t t = 0; t < y["tenants"].size(); ++t) {
    const YAML::Node& tenant = y["tenants"][t];
    EXPECT_EQ(d["tenants"][t]["name"], tenant["name"].as<std::string>());
    EXPECT_EQ(d["tenants"][t]["share"], tenant["share"].as<double>());
    EXPECT_EQ(d["tenants"][t]["sites"], Json(tenant["sites"].as<std::vector<std::string>>()));
  }
  const YAML::Node& generators = y["workload"]["generators"];
  ASSERT_EQ(d["workload"]["generators"].size(), generators.size());
  for (size_t i = 0; i < generators.size(); ++i) {
    const YAML::Node& g = generators[i];
    const Json& o = d["workload"]["generators"][i];
    const double jobs = g["rate_per_hour"].as<double>() * horizon_s / 3600;
    EXPECT_NEAR(o["expected_jobs"].get<double>(), jobs, 1e-9 * jobs) << i;
    if (g["train"] || g["serve"]) {  // run time or size from the models: no expected GPU-hours
      EXPECT_TRUE(o["expected_gpu_hours"].is_null()) << i;
      if (g["gpus"]) {
        EXPECT_NEAR(o["mean_gpus"].get<double>(), mean_of(g["gpus"], false), 1e-9) << i;
      }
      if (g["duration"]) {
        const double mean_s = mean_of(g["duration"], true);
        EXPECT_NEAR(o["mean_duration_s"].get<double>(), mean_s, 1e-4 * mean_s) << i;
      }
    } else {
      const double gpu_h = jobs * mean_of(g["gpus"], false) * mean_of(g["duration"], true) / 3600;
      EXPECT_NEAR(o["expected_gpu_hours"].get<double>(), gpu_h, 1e-4 * gpu_h) << i;
    }
    const double drawn = o["drawn"]["jobs"].get<double>();  // Poisson: within 5 σ
    EXPECT_LE(std::abs(drawn - jobs), 5 * std::sqrt(jobs)) << i;
  }
}

TEST(DescribeContents, QuickstartAgainstItsScenarioFile) {
  TempDir dir;
  const std::string path = source_path("scenarios/quickstart.yaml");
  const Json d = describe_json(path, dir);
  check_against_yaml(path, d);
  EXPECT_TRUE(d["fleet"]["in_service"].is_null());  // no deliveries: the fleet does not change
  const Json& explicit_jobs = d["workload"]["explicit"];  // {gpus: 32, duration: 3d}
  EXPECT_EQ(explicit_jobs["jobs"], 1);
  EXPECT_DOUBLE_EQ(explicit_jobs["gpu_hours"].get<double>(), 32 * 72);
  // The drawn jobs are the jobs a run simulates.
  ASSERT_EQ(run_sovsim("run " + path + " -q -o " + (dir / "out").string(), dir.path()).exit_code, 0);
  EXPECT_EQ(d["workload"]["total"]["jobs"], read_csv(dir / "out/jobs.csv").size());
}

TEST(DescribeContents, KoreaFleetAgainstItsScenarioFile) {
  TempDir dir;
  const std::string path = source_path("scenarios/korea_fleet.yaml");
  const Json d = describe_json(path, dir);
  check_against_yaml(path, d);
  double offered = 0;
  for (const Json& g : d["workload"]["generators"]) offered += g["drawn"]["gpu_hours"].get<double>();
  EXPECT_NEAR(d["workload"]["total"]["offered_load"].get<double>(),
              offered / d["fleet"]["capacity_gpu_hours"].get<double>(), 1e-9);
}

TEST(DescribeContents, GpusInServiceFollowDeliveriesAndRetirement) {
  TempDir dir;
  const int installed = 6, delivered = 4, mig_nodes = 2;  // B200 and H100: 8 GPUs per node
  write_file(dir / "s.yaml",
             "name: d\nstart_date: 2026-01-01\nhorizon: 30d\nsites:\n"
             "  - name: s\n    nodes:\n      - hardware: B200\n        count: " +
                 std::to_string(installed + delivered) +
                 "\n        owner: a\n        deliveries:\n          - {date: 2026-01-11, count: " +
                 std::to_string(delivered) + "}\n        retire: 2026-01-21\n"
                 "  - name: t\n    nodes:\n      - {hardware: H100, count: " + std::to_string(mig_nodes) +
                 ", mig: 1g.10gb}\n"
                 "tenants:\n  - {name: a, share: 0.6, sites: [s]}\n  - {name: b, share: 0.4}\n"
                 "workload:\n  jobs:\n    - {tenant: b, gpus: 0.1, duration: 1h}\n");
  const Json d = describe_json((dir / "s.yaml").string(), dir);
  const Json& rows = d["fleet"]["in_service"];
  ASSERT_EQ(rows.size(), 3u) << rows;
  const std::string mig = "H100 mig-1g.10gb";
  EXPECT_EQ(rows[0]["date"], "2026-01-01");
  EXPECT_EQ(rows[0]["gpus_by_hardware"]["B200"], installed * 8);
  EXPECT_EQ(rows[0]["gpus_by_hardware"][mig], mig_nodes * 8);
  EXPECT_EQ(rows[1]["date"], "2026-01-11");
  EXPECT_EQ(rows[1]["gpus_by_hardware"]["B200"], (installed + delivered) * 8);
  EXPECT_EQ(rows[2]["date"], "2026-01-21");
  EXPECT_EQ(rows[2]["gpus"], mig_nodes * 8);  // the B200 group retired
  const Json& group = d["fleet"]["sites"][1]["groups"][0];
  EXPECT_EQ(group["partition"], "mig-1g.10gb");
  EXPECT_EQ(group["slots_per_gpu"], 7);  // H100 1g.10gb: 7 instances per GPU
  EXPECT_EQ(d["tenants"][0]["owned_gpus"], (installed + delivered) * 8);
  EXPECT_EQ(d["tenants"][1]["sites"], "all");
  const auto text = run_sovsim("describe " + (dir / "s.yaml").string(), dir.path());
  EXPECT_NE(text.out.find("GPUs in service"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("mig-1g.10gb (7 slots/GPU)"), std::string::npos) << text.out;
}

TEST(DescribeContents, TextNamesEverySectionAndIsDeterministic) {
  TempDir dir;
  const std::string path = source_path("scenarios/quickstart.yaml");
  const auto a = run_sovsim("describe " + path, dir.path());
  const auto b = run_sovsim("describe " + path, dir.path());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  for (const char* part : {"sites and GPUs:\n", "tenants:\n", "workload over 7d", "naver train", "explicit jobs",
                           "offered load", "site naver-chuncheon:", "per link (uplink)", "\nfleet:\n  tier"}) {
    EXPECT_NE(a.out.find(part), std::string::npos) << part << "\n" << a.out;
  }
  const auto json_a = run_sovsim("describe --json " + path, dir.path());
  const auto json_b = run_sovsim("describe --json " + path, dir.path());
  EXPECT_EQ(json_a.out, json_b.out);
  EXPECT_TRUE(Json::parse(json_a.out).contains("fabric"));
}

}  // namespace
}  // namespace sovsim::test
