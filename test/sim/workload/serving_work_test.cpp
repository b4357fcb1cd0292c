// test/sim/workload/serving_work_test.cpp — sizing a service from its rate and SLOs.
#include "sim/workload/serving_work.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

struct Catalogs {
  Result<models::HardwareCatalog> hw = models::HardwareCatalog::builtin();
  Result<models::TransformerCatalog> models = models::TransformerCatalog::builtin();
};

ServingWork service(double rate, double tpot_slo_s) {
  ServingWork w;
  w.model = "llama3-70b";
  w.requests_per_s = rate;
  w.tpot_slo_s = tpot_slo_s;
  w.precision = "fp8";
  return w;
}

TEST(SizeService, MoreLoadOrTighterSloNeverNeedsFewerGpus) {
  Catalogs c;
  const auto& model = *c.models->find("llama3-70b");
  const auto& h100 = *c.hw->find("H100");
  int previous = 0;
  for (double rate : {1.0, 10.0, 100.0, 1000.0}) {
    auto size = size_service(service(rate, 0.05), model, h100);
    ASSERT_TRUE(size) << rate;
    EXPECT_GE(size->gpus(), previous) << rate;
    EXPECT_LE(size->tpot_s, 0.05);
    previous = size->gpus();
  }
  auto loose = size_service(service(100, 0.2), model, h100);
  auto tight = size_service(service(100, 0.02), model, h100);
  ASSERT_TRUE(loose && tight);
  EXPECT_GE(tight->gpus(), loose->gpus());
}

TEST(SizeService, ImpossibleSloOrTooFewGpusSaysWhy) {
  Catalogs c;
  std::string why;
  EXPECT_FALSE(size_service(service(10, 1e-5), *c.models->find("llama3-70b"), *c.hw->find("H100"),
                            65536, &why));
  EXPECT_NE(why.find("TPOT"), std::string::npos);
  // 405B in bf16 needs more than one 80 GB GPU.
  auto w = service(1, 1.0);
  w.model = "llama3-405b";
  w.precision = "bf16";
  EXPECT_FALSE(size_service(w, *c.models->find("llama3-405b"), *c.hw->find("H100"), 1));
}

}  // namespace
}  // namespace sovsim::sim
