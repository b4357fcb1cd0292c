// test/e2e/estimate_serving_cli_test.cpp — `sovsim estimate --mode infer` with latency
// objectives as a user runs it: the point meets them, throughput per GPU falls as they tighten
// (offline >= 2 s / 200 ms >= 450 ms / 40 ms), H200 serves at least H100 at the same objective,
// the step breakdown adds up, --rate sizes the replicas, co-location shows, bad values exit 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

nlohmann::json infer(const std::string& flags) {
  TempDir dir;
  auto r = run_sovsim("estimate --mode infer --model llama3-70b --precision fp8 "
                      "--input-tokens 1024 --output-tokens 256 --json " + flags,
                      dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json::object();
}

double per_gpu(const nlohmann::json& j) { return j.value("tokens_per_s_per_gpu", 0.0); }

TEST(EstimateServingCli, ObjectivesAreMetAndCostThroughputAsTheyTighten) {
  const auto offline = infer("--hw H100");
  const auto relaxed = infer("--hw H100 --ttft-slo 2s --tpot-slo 200ms");
  const auto tight = infer("--hw H100 --ttft-slo 450ms --tpot-slo 40ms");
  ASSERT_FALSE(offline.empty() || relaxed.empty() || tight.empty());
  EXPECT_TRUE(relaxed["slo"]["met"].get<bool>());
  EXPECT_TRUE(tight["slo"]["met"].get<bool>());
  EXPECT_LE(relaxed["ttft_s"].get<double>(), 2.0);
  EXPECT_LE(relaxed["tpot_s"].get<double>(), 0.200);
  EXPECT_LE(tight["ttft_s"].get<double>(), 0.450);
  EXPECT_LE(tight["tpot_s"].get<double>(), 0.040);
  EXPECT_GE(per_gpu(offline), per_gpu(relaxed));
  EXPECT_GT(per_gpu(relaxed), per_gpu(tight));
  EXPECT_EQ(offline["slo"]["ttft_s"], nullptr);
}

TEST(EstimateServingCli, H200ServesAtLeastH100AtTheSameObjective) {
  for (const char* slo : {"--ttft-slo 2s --tpot-slo 200ms", "--ttft-slo 450ms --tpot-slo 40ms"}) {
    const auto h100 = infer(std::string("--hw H100 ") + slo);
    const auto h200 = infer(std::string("--hw H200 ") + slo);
    EXPECT_GE(per_gpu(h200), per_gpu(h100)) << slo;
  }
}

TEST(EstimateServingCli, StepBreakdownAddsUpToTheTpot) {
  const auto j = infer("--hw H200 --tp 8 --batch 64");
  const auto& s = j["step_breakdown"];
  const double sum = std::max(s["weights_s"].get<double>(), s["gemm_s"].get<double>()) +
                     std::max(s["kv_s"].get<double>(), s["attention_s"].get<double>()) +
                     s["comm_s"].get<double>() + s["overhead_s"].get<double>();
  EXPECT_NEAR(sum, j["tpot_s"].get<double>(), 1e-9);
  EXPECT_EQ(j["batch"], 64);
  EXPECT_GT(j["serving_efficiency"]["hbm"].get<double>(), 0);
}

TEST(EstimateServingCli, RateWithoutGpusSizesTheReplicas) {
  const auto one = infer("--hw H100 --ttft-slo 2s --tpot-slo 200ms");
  const auto sized = infer("--hw H100 --ttft-slo 2s --tpot-slo 200ms --rate 40");
  ASSERT_FALSE(one.empty() || sized.empty());
  EXPECT_GE(sized["requests_per_s"].get<double>(), 40.0 - 1e-9);
  EXPECT_GT(sized["replicas"].get<int>(), 1);
  EXPECT_EQ(sized["gpus"].get<int>(), sized["replicas"].get<int>() * sized["parallelism"]["tp"].get<int>());
  EXPECT_TRUE(sized["slo"]["met"].get<bool>());
}

TEST(EstimateServingCli, ColocationSharesTheGpu) {
  TempDir dir;
  auto run = [&](const char* colocate) {
    auto r = run_sovsim(std::string("estimate --mode infer --hw H100 --model llama3-8b --precision "
                                    "fp8 --tp 1 --batch 16 --json --colocate ") + colocate,
                        dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  };
  const auto alone = run("1"), shared = run("4");
  EXPECT_EQ(shared["replicas"], 4);
  EXPECT_EQ(shared["gpus"], 1);
  EXPECT_GT(shared["tpot_s"].get<double>(), alone["tpot_s"].get<double>());
  EXPECT_GE(per_gpu(shared), per_gpu(alone));
  EXPECT_LT(shared["kv_limited_batch"].get<int>(), alone["kv_limited_batch"].get<int>());
}

TEST(EstimateServingCli, BadObjectivesExitTwo) {
  TempDir dir;
  auto bad = run_sovsim("estimate --mode infer --hw H100 --model llama3-70b --ttft-slo soon",
                        dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--ttft-slo expects a positive duration"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty());
  auto train = run_sovsim("estimate --hw H100 --model llama3-70b --gpus 8 --tpot-slo 40ms",
                          dir.path());
  EXPECT_EQ(train.exit_code, 2);
  EXPECT_NE(train.err.find("--tpot-slo does not apply to --mode train"), std::string::npos)
      << train.err;
}

}  // namespace
}  // namespace sovsim::test
