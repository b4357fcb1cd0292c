// test/e2e/compare_cli_test.cpp — `sovsim compare`: two runs of quickstart, the second with fewer
// nodes, side by side; the table and the JSON carry the values read from each summary.json and
// their differences; a directory that is not a run's output is refused with exit 2.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

TEST(CompareCli, ShowsTwoRunsSideBySideWithDifferences) {
  TempDir dir;
  const std::string quickstart = std::string(SOVSIM_SOURCE_DIR) + "/scenarios/quickstart.yaml";
  ASSERT_EQ(run_sovsim("run " + quickstart + " -q -o " + (dir / "a").string(), dir.path()).exit_code, 0);
  ASSERT_EQ(run_sovsim("run " + quickstart + " -q -o " + (dir / "b").string() +
                           " --set 'sites[*].nodes[*].count=4'",
                       dir.path()).exit_code, 0);
  auto table = run_sovsim("compare " + (dir / "a").string() + " " + (dir / "b").string(), dir.path());
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("GPUs"), std::string::npos);
  EXPECT_NE(table.out.find("naver: wait mean"), std::string::npos);

  auto json = run_sovsim("compare --json " + (dir / "a").string() + " " + (dir / "b").string(), dir.path());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto j = nlohmann::json::parse(json.out);
  const auto a = nlohmann::json::parse(read_file(dir / "a" / "summary.json"));
  const auto b = nlohmann::json::parse(read_file(dir / "b" / "summary.json"));
  bool found = false;
  for (const auto& m : j["metrics"]) {
    if (m["metric"] != "GPU-hours busy") continue;
    found = true;
    EXPECT_EQ(m["values"][0].get<double>(), a["gpu_hours"].get<double>());
    EXPECT_EQ(m["values"][1].get<double>(), b["gpu_hours"].get<double>());
    EXPECT_DOUBLE_EQ(m["diff"][1].get<double>(), b["gpu_hours"].get<double>() - a["gpu_hours"].get<double>());
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(j["runs"][1], (dir / "b").string());
}

TEST(CompareCli, RefusesADirectoryThatIsNotARunOutput) {
  TempDir dir;
  auto r = run_sovsim("compare " + dir.path().string() + " " + dir.path().string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no summary.json"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sovsim::test
