// test/models/training_memory_test.cpp — memory per GPU against the published formulas:
// Korthikanti et al. 2022 activations, ZeRO's 16 B/parameter and its sharding stages.
#include "models/training_memory.hpp"

#include <gtest/gtest.h>

namespace sovsim::models {
namespace {

const Transformer& gpt() {
  static const TransformerCatalog c = TransformerCatalog::builtin().value();
  return *c.find("megatron-gpt-18.4b");
}
const Hardware& a100() {
  static const HardwareCatalog c = HardwareCatalog::builtin().value();
  return *c.find("A100");
}

TrainingConfig base(int tp, Recompute rc, bool sp) {
  TrainingConfig c = megatron_2021_config(tp, 1, 1, 8, 2048);
  c.recompute = rc;
  c.parallel.sequence_parallel = sp;
  return c;
}

TEST(TrainingMemory, ActivationsFollowKorthikanti) {
  const double s = 2048, b = 1, h = gpt().hidden, a = gpt().heads;
  // No parallelism, nothing recomputed: s b h (34 + 5 a s / h).
  EXPECT_NEAR(layer_activation_bytes(gpt(), base(1, Recompute::kNone, false)),
              s * b * h * (34 + 5 * a * s / h), 1);
  // TP 8 without sequence parallel: s b h (10 + 24/t + 5 a s / (h t)).
  EXPECT_NEAR(layer_activation_bytes(gpt(), base(8, Recompute::kNone, false)),
              s * b * h * (10 + 24.0 / 8 + 5 * a * s / (h * 8)), 1);
  // TP 8 + sequence parallel + selective recompute: s b h 34 / t.
  EXPECT_NEAR(layer_activation_bytes(gpt(), base(8, Recompute::kSelective, true)),
              s * b * h * 34 / 8, 1);
  // Full recompute keeps the layer input only: 2 s b h.
  EXPECT_NEAR(layer_activation_bytes(gpt(), base(8, Recompute::kFull, false)), 2 * s * b * h, 1);
}

TEST(TrainingMemory, ZeroStagesShardStates) {
  TrainingConfig c = megatron_2021_config(8, 1, 16, 64, 2048);
  const double params = params_per_gpu(gpt(), c).total();
  TrainingMemory z0 = training_memory(gpt(), a100(), c);
  EXPECT_NEAR(z0.weights_bytes + z0.grads_bytes + z0.optimizer_bytes, 16 * params, 1);
  double previous = z0.total_bytes;
  for (int stage : {1, 2, 3}) {
    c.parallel.zero_stage = stage;
    TrainingMemory z = training_memory(gpt(), a100(), c);
    EXPECT_LT(z.total_bytes, previous) << stage;
    previous = z.total_bytes;
  }
  c.parallel.zero_stage = 1;
  EXPECT_NEAR(training_memory(gpt(), a100(), c).optimizer_bytes, 12 * params / 16, 1);
}

TEST(TrainingMemory, RecomputeTradesMemory) {
  TrainingConfig c = megatron_2021_config(8, 1, 1, 8, 2048);
  c.recompute = Recompute::kNone;
  const double none = training_memory(gpt(), a100(), c).activations_bytes;
  c.recompute = Recompute::kSelective;
  const double selective = training_memory(gpt(), a100(), c).activations_bytes;
  c.recompute = Recompute::kFull;
  const double full = training_memory(gpt(), a100(), c).activations_bytes;
  EXPECT_GT(none, selective);
  EXPECT_GT(selective, full);
}

TEST(TrainingMemory, OneFOneBHoldsPpMicroBatchesOfTheStagesOwnLayers) {
  // 8 stages, 64 micro-batches: plain 1F1B keeps 8 on the first stage, 1 on the last;
  // interleaving in 2 chunks multiplies the first stage's by 1 + 7/16 (Narayanan et al. 2.2.2).
  TrainingConfig c = megatron_2021_config(8, 8, 1, 64, 2048);
  EXPECT_DOUBLE_EQ(micro_batches_in_flight(c, 0), 8);
  EXPECT_DOUBLE_EQ(micro_batches_in_flight(c, 7), 1);
  c.parallel.virtual_stages = 2;
  EXPECT_DOUBLE_EQ(micro_batches_in_flight(c, 0), 8 * (1 + 7.0 / 16));
  // Fewer micro-batches than stages: all of them, no more.
  TrainingConfig few = megatron_2021_config(8, 8, 1, 4, 2048);
  EXPECT_DOUBLE_EQ(micro_batches_in_flight(few, 0), 4);
  EXPECT_DOUBLE_EQ(micro_batches_in_flight(megatron_2021_config(8, 1, 1, 64, 2048), 0), 1);
}

TEST(TrainingMemory, CapacityUsesTheUsableFraction) {
  TrainingMemory m = training_memory(gpt(), a100(), megatron_2021_config(8, 1, 32, 1024, 2048));
  EXPECT_DOUBLE_EQ(m.capacity_bytes, a100().hbm_bytes * kEfficiency.hbm_usable);
  EXPECT_EQ(m.fits, m.total_bytes <= m.capacity_bytes);
}

}  // namespace
}  // namespace sovsim::models
