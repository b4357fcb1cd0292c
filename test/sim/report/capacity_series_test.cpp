// test/sim/report/capacity_series_test.cpp — GPUs in service from summary.json's tranches: each
// tranche counts from in service to retired, per bucket and per site and period; tranches never
// delivered count nothing; an older summary without tranches gives none.
#include "sim/report/capacity_series.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

TEST(CapacitySeries, TranchesCountFromInServiceToRetired) {
  const auto summary = nlohmann::json::parse(R"({"capacity": {"tranches": [
      {"site": "a", "gpus": 8, "in_service_s": 0, "retire_s": null},
      {"site": "b", "gpus": 16, "in_service_s": 50, "retire_s": 75},
      {"site": "b", "gpus": 0, "in_service_s": null, "retire_s": null}]}})");
  const BucketGrid grid(0, 100, 4), periods(0, 100, 2);
  NameIndex sites;
  sites.index_of("a");
  const auto capacity = capacity_from_tranches(summary, grid, periods, sites);
  ASSERT_TRUE(capacity);
  EXPECT_EQ(capacity->installed.means(grid), (std::vector<double>{8, 8, 24, 8}));
  EXPECT_EQ(capacity->installed.peaks(), (std::vector<double>{8, 8, 24, 8}));
  EXPECT_EQ(sites.names(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(capacity->installed_gpu_s, (std::vector<std::vector<double>>{{400, 400}, {0, 400}}));
  EXPECT_FALSE(
      capacity_from_tranches(nlohmann::json::parse(R"({"capacity": {}})"), grid, periods, sites));
}

}  // namespace
}  // namespace sovsim::sim
