// test/models/training_step_test.cpp — properties of the iteration-time model: the breakdown
// adds up, more bandwidth never slows a step, more GPUs at a fixed batch never beat the
// roofline, and configuration errors are refused with a reason.
#include "models/training_step.hpp"

#include <gtest/gtest.h>

namespace sovsim::models {
namespace {

struct Fixture {
  HardwareCatalog hw = HardwareCatalog::builtin().value();
  TransformerCatalog models = TransformerCatalog::builtin().value();
  const Hardware& a100() const { return *hw.find("A100"); }
  const Hardware& h100() const { return *hw.find("H100"); }
  const Transformer& model(const char* n) const { return *models.find(n); }
};
const Fixture& f() {
  static const Fixture fixture;
  return fixture;
}

TEST(TrainingStep, BreakdownAddsUpToTheStepTime) {
  TrainingConfig c = megatron_2021_config(8, 4, 8, 512, 2048);
  auto s = training_step(f().model("megatron-gpt-76.1b"), f().a100(), c);
  ASSERT_TRUE(s);
  const double parts = s->compute_s + s->tp_comm_s + s->cp_comm_s + s->ep_comm_s + s->pp_p2p_s +
                       s->pp_bubble_s + s->dp_exposed_s + s->optimizer_s;
  EXPECT_NEAR(parts / s->step_time_s, 1.0, 1e-9);
  EXPECT_GT(s->tp_comm_s, 0);
  EXPECT_GT(s->pp_bubble_s, 0);
  EXPECT_NEAR(s->bubble_fraction, 3.0 / 64, 1e-12);
  EXPECT_NEAR(s->tokens_per_s, 512 * 2048 / s->step_time_s, 1e-6);
  EXPECT_GT(s->hardware_flops, s->model_flops) << "full recompute executes a 4th pass";
}

TEST(TrainingStep, MoreBandwidthNeverMakesAStepSlower) {
  for (const auto& [name, tp, pp, dp] :
       std::vector<std::tuple<const char*, int, int, int>>{{"megatron-gpt-1.7b", 1, 1, 32},
                                                           {"megatron-gpt-145.6b", 8, 8, 24},
                                                           {"llama3-70b", 8, 4, 16}}) {
    double previous = 1e300;
    for (double scale : {0.25, 0.5, 1.0, 2.0, 8.0}) {
      Hardware hw = f().a100();
      hw.scaleup_bw_bytes_per_s *= scale;
      hw.nic_bw_bytes_per_s *= scale;
      hw.hbm_bw_bytes_per_s *= scale;
      auto s = training_step(f().model(name), hw, megatron_2021_config(tp, pp, dp, 1536, 2048));
      ASSERT_TRUE(s) << name;
      EXPECT_LE(s->step_time_s, previous) << name << " x" << scale;
      previous = s->step_time_s;
    }
  }
}

TEST(TrainingStep, MoreGpusAtFixedBatchNeverBeatTheRoofline) {
  const Transformer& m = f().model("megatron-gpt-18.4b");
  const double roofline_tflops = f().a100().bf16_flops * kEfficiency.matmul / 1e12;
  double previous = 1e300;
  for (int dp : {1, 2, 4, 8, 16, 32, 64, 128}) {
    auto s = training_step(m, f().a100(), megatron_2021_config(8, 1, dp, 1024, 2048));
    ASSERT_TRUE(s);
    EXPECT_LE(s->tflops_per_gpu, roofline_tflops) << dp;
    EXPECT_LE(s->tflops_per_gpu, previous * (1 + 1e-12)) << dp;
    EXPECT_LE(s->mfu, 1.0);
    previous = s->tflops_per_gpu;
  }
}

TEST(TrainingStep, Fp8IsFasterOnH100AndRefusedOnA100) {
  const Transformer& m = f().model("llama3-8b");
  TrainingConfig c;
  c.parallel = {1, 1, 8, 1, 1, 1, 1, 1, false};
  c.global_batch = 64;
  c.seq_len = 8192;
  auto bf16 = training_step(m, f().h100(), c);
  c.precision = "fp8";
  auto fp8 = training_step(m, f().h100(), c);
  ASSERT_TRUE(bf16 && fp8);
  EXPECT_LT(fp8->step_time_s, bf16->step_time_s);
  EXPECT_FALSE(training_step(m, f().a100(), c).has_value());
  EXPECT_EQ(check_training(m, f().a100(), c), "A100 has no fp8 support");
}

TEST(TrainingStep, ImpossibleLayoutsAreRefusedWithAReason) {
  const Transformer& m = f().model("megatron-gpt-1.7b");  // 24 heads, 24 layers
  EXPECT_NE(check_training(m, f().a100(), megatron_2021_config(16, 1, 2, 64, 2048)), "");
  EXPECT_NE(check_training(m, f().a100(), megatron_2021_config(1, 32, 1, 64, 2048)), "");
  EXPECT_NE(check_training(m, f().a100(), megatron_2021_config(1, 1, 3, 64, 2048)), "");
  EXPECT_EQ(check_training(m, f().a100(), megatron_2021_config(2, 2, 4, 64, 2048)), "");
}

TEST(TrainingStep, InterleavingShrinksTheBubble) {
  const Transformer& m = f().model("megatron-gpt-145.6b");
  TrainingConfig c = megatron_2021_config(8, 8, 4, 64, 2048);
  auto plain = training_step(m, f().a100(), c);
  c.parallel.virtual_stages = 2;
  auto interleaved = training_step(m, f().a100(), c);
  ASSERT_TRUE(plain && interleaved);
  EXPECT_NEAR(interleaved->bubble_fraction, plain->bubble_fraction / 2, 1e-12);
  EXPECT_LT(interleaved->step_time_s, plain->step_time_s);
}

TEST(TrainingStep, MoeExpertParallelPaysAllToAll) {
  const Transformer& m = f().model("mixtral-8x7b");
  TrainingConfig c;
  c.parallel = {1, 1, 16, 1, 8, 1, 1, 1, false};
  c.global_batch = 256;
  c.seq_len = 4096;
  auto s = training_step(m, f().h100(), c);
  ASSERT_TRUE(s);
  EXPECT_GT(s->ep_comm_s, 0);
  c.parallel.ep = 3;
  EXPECT_FALSE(training_step(m, f().h100(), c).has_value());
}

TEST(TrainingStep, ContextParallelSplitsLongSequences) {
  const Transformer& m = f().model("llama3-8b");
  TrainingConfig c;
  c.parallel = {8, 1, 2, 4, 1, 1, 1, 1, true};
  c.global_batch = 8;
  c.seq_len = 131072;
  auto with_cp = training_step(m, f().h100(), c);
  ASSERT_TRUE(with_cp);
  c.parallel.cp = 1;
  c.parallel.dp = 8;
  auto without = training_step(m, f().h100(), c);
  ASSERT_TRUE(without);
  EXPECT_LT(with_cp->memory.activations_bytes, without->memory.activations_bytes);
  EXPECT_GE(with_cp->cp_comm_s, 0);
}

}  // namespace
}  // namespace sovsim::models
