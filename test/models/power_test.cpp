// test/models/power_test.cpp — the per-GPU power model: H100 and B200 figures worked by hand from
// the catalog numbers, the fallback host share when a node's maximum is unknown, the calibration
// against the measured 76% of a DGX H100's rating, and sane values for every catalog entry.
#include "models/power.hpp"

#include <gtest/gtest.h>

namespace sovsim::models {
namespace {

const Hardware& catalog_entry(const char* name) {
  static const HardwareCatalog catalog = [] {
    auto r = HardwareCatalog::builtin();
    for (const auto& d : r.diagnostics()) ADD_FAILURE() << d.to_string();
    return r.ok() ? r.value() : HardwareCatalog();
  }();
  const Hardware* hw = catalog.find(name);
  if (hw == nullptr) {
    ADD_FAILURE() << "no catalog entry " << name;
    static const Hardware none;
    return none;
  }
  return *hw;
}

TEST(GpuPower, H100ByHand) {
  // DGX H100: 10,200 W for 8 x 700 W GPUs -> host maximum (10,200 - 5,600) / 8 = 575 W per GPU.
  // busy = 0.85 x 700 + 0.65 x 575 = 595 + 373.75 = 968.75 W; idle = 75 + 0.3 x 575 = 247.5 W.
  const Hardware& h100 = catalog_entry("H100");
  EXPECT_DOUBLE_EQ(host_max_w_per_gpu(h100), 575);
  const GpuPower p = gpu_power(h100);
  EXPECT_NEAR(p.busy_w, 968.75, 1e-9);
  EXPECT_NEAR(p.idle_w, 247.5, 1e-9);
  // The busy node draws 7,750 W, 76% of its rating (Newkirk et al. 2025), under the measured
  // 8.4 kW peak (Latif et al. 2025).
  EXPECT_NEAR(8 * p.busy_w / h100.node_max_w, 0.76, 0.001);
  EXPECT_LT(8 * p.busy_w, 8400);
}

TEST(GpuPower, B200ByHand) {
  // DGX B200: (14,300 - 8 x 1,000) / 8 = 787.5 W host maximum per GPU.
  // busy = 850 + 0.65 x 787.5 = 1,361.875 W; idle = 140 + 0.3 x 787.5 = 376.25 W.
  const GpuPower p = gpu_power(catalog_entry("B200"));
  EXPECT_NEAR(p.busy_w, 1361.875, 1e-9);
  EXPECT_NEAR(p.idle_w, 376.25, 1e-9);
}

TEST(GpuPower, Gb200TrayShareOfTheRack) {
  // 6,667 W per tray (120 kW / 18): (6,667 - 4 x 1,200) / 4 = 466.75 W per GPU.
  const GpuPower p = gpu_power(catalog_entry("GB200"));
  EXPECT_NEAR(p.busy_w, 0.85 * 1200 + 0.65 * 466.75, 1e-9);
  EXPECT_NEAR(p.idle_w, 150 + 0.3 * 466.75, 1e-9);
}

TEST(GpuPower, UnknownNodeMaximumFallsBackToAFractionOfTdp) {
  Hardware hw;
  hw.tdp_w = 500, hw.idle_w = 60, hw.gpus_per_node = 8;
  EXPECT_DOUBLE_EQ(host_max_w_per_gpu(hw), 400);  // 0.8 x 500
  GpuPower p = gpu_power(hw);
  EXPECT_NEAR(p.busy_w, 425 + 260, 1e-9);
  EXPECT_NEAR(p.idle_w, 60 + 120, 1e-9);
  hw.node_max_w = 8 * 500 + 8 * 100;  // now known: 100 W of host per GPU
  EXPECT_DOUBLE_EQ(host_max_w_per_gpu(hw), 100);
  p = gpu_power(hw);
  EXPECT_NEAR(p.busy_w, 425 + 65, 1e-9);
  EXPECT_NEAR(p.idle_w, 60 + 30, 1e-9);
}

TEST(GpuPower, AssumptionsEnterLinearly) {
  const Hardware& b200 = catalog_entry("B200");
  PowerAssumptions a;
  a.busy_fraction_of_tdp = 1, a.host_share_busy = 1, a.host_share_idle = 0;
  const GpuPower p = gpu_power(b200, a);
  EXPECT_NEAR(p.busy_w, 14300.0 / 8, 1e-9) << "full load on everything is the node's maximum";
  EXPECT_NEAR(p.idle_w, 140, 1e-9) << "no host share: the board's idle";
}

TEST(GpuPower, EveryCatalogEntryIsSane) {
  auto catalog = HardwareCatalog::builtin();
  ASSERT_TRUE(catalog.ok());
  for (const Hardware& hw : catalog->all()) {
    const GpuPower p = gpu_power(hw);
    EXPECT_GT(p.idle_w, hw.idle_w) << hw.name << ": the host adds to the board's idle";
    EXPECT_GT(p.busy_w, 1.5 * p.idle_w) << hw.name;
    EXPECT_GT(p.busy_w, 0.85 * hw.tdp_w) << hw.name;
    EXPECT_LT(p.busy_w, 2 * hw.tdp_w) << hw.name;
    if (hw.node_max_w > 0) {
      // Busy well below the node's maximum, idle far above zero.
      const double node_busy = hw.gpus_per_node * p.busy_w;
      const double node_idle = hw.gpus_per_node * p.idle_w;
      EXPECT_GT(node_busy, 0.6 * hw.node_max_w) << hw.name;
      EXPECT_LT(node_busy, 0.85 * hw.node_max_w) << hw.name;
      EXPECT_GT(node_idle, 0.1 * hw.node_max_w) << hw.name;
      EXPECT_LT(node_idle, 0.4 * hw.node_max_w) << hw.name;
    }
  }
}

}  // namespace
}  // namespace sovsim::models
