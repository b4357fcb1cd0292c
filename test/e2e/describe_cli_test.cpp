// test/e2e/describe_cli_test.cpp — `sovsim describe` as a user runs it: the per-tier table on
// stdout (exit 0), --dot writing a Graphviz file, and a bad fabric key exiting 2 with its path.
#include <gtest/gtest.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

std::string scenario(const std::string& fabric) {
  return "name: d\nhorizon: 1d\nsites:\n  - name: s\n    fabric: " + fabric +
         "\n    nodes:\n      - {hardware: H100, count: 8}\n"
         "tenants:\n  - name: a\nworkload:\n  jobs:\n    - {tenant: a, gpus: 8, duration: 1h}\n";
}

TEST(DescribeCli, PrintsTheTierTable) {
  TempDir dir;
  write_file(dir / "s.yaml", scenario("{nodes_per_leaf: 4, leaf_uplink_oversubscription: 4}"));
  auto r = run_sovsim("describe " + (dir / "s.yaml").string(), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("site s: 4 nodes/leaf, 16 leaves/pod, leaf uplinks 4:1"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("oversub"), std::string::npos) << r.out;
  // H100: 8 x 400 Gb/s per node; a leaf of 4 at 4:1 has 3.2 Tb/s of uplink.
  EXPECT_NE(r.out.find("  leaf           2       2  3.2 Tb/s"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4:1"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(DescribeCli, SetOverridesTheFabric) {
  TempDir dir;
  write_file(dir / "s.yaml", scenario("{}"));
  auto r = run_sovsim(
      "describe " + (dir / "s.yaml").string() + " --set sites[0].fabric.nodes_per_leaf=2",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("site s: 2 nodes/leaf"), std::string::npos) << r.out;
}

TEST(DescribeCli, DotWritesAFile) {
  TempDir dir;
  write_file(dir / "s.yaml", scenario("{}"));
  const auto dot = dir / "fabric.dot";
  auto r =
      run_sovsim("describe " + (dir / "s.yaml").string() + " --dot " + dot.string(), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = read_file(dot);
  EXPECT_EQ(text.rfind("graph fabric {", 0), 0u) << text;
  EXPECT_NE(text.find("\"s-n7\" -- \"s-leaf0\""), std::string::npos) << text;
  EXPECT_FALSE(std::filesystem::exists(dot.string() + ".tmp"));
}

TEST(DescribeCli, BadFabricKeyExitsTwo) {
  TempDir dir;
  write_file(dir / "s.yaml", scenario("{nodes_per_lef: 4}"));
  const auto dot = dir / "fabric.dot";
  auto r =
      run_sovsim("describe " + (dir / "s.yaml").string() + " --dot " + dot.string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sites[0].fabric.nodes_per_lef: unknown key"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dot));
}

}  // namespace
}  // namespace sovsim::test
