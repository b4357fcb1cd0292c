// test/validation/h100_plausibility_test.cpp — public H100 numbers the models must be plausible
// against, with wide stated tolerances (the constants were fitted on A100 only; nothing here was
// fitted). Training: Llama 3 405B (Llama 3 Herd of Models, 2024, Table 4). Inference: FuriosaAI's
// published RNGD vs H100 SXM comparison (TensorRT-LLM 0.15, FP8), output tokens/s.
#include <gtest/gtest.h>

#include <cstdio>

#include "models/hardware.hpp"
#include "models/inference.hpp"
#include "models/training_step.hpp"

namespace sovsim::models {
namespace {

struct Catalogs {
  HardwareCatalog hw = HardwareCatalog::builtin().value();
  TransformerCatalog models = TransformerCatalog::builtin().value();
};
const Catalogs& cat() {
  static const Catalogs c;
  return c;
}

// Llama 3 405B on 8,192 H100: TP 8, CP 1, PP 16, DP 64, sequence 8,192, 32 sequences per DP
// rank (16M tokens), 430 TFLOP/s per GPU = 43% BF16 MFU. Meta used an interleaved schedule and
// partial activation checkpointing, so the truth must lie between our no-recompute and
// full-recompute predictions; each also within 25% of it.
TEST(H100Plausibility, Llama3_405bMfuBracketedByRecomputeChoices) {
  const Transformer& m = *cat().models.find("llama3-405b");
  const Hardware& h100 = *cat().hw.find("H100");
  TrainingConfig c;
  c.parallel = {8, 16, 64, 1, 1, 1, 4, 1, true};
  // The Llama 3 paper (Sec. 3.3.2) takes one Transformer layer off the first and off the last
  // stage to balance the embedding and the loss: 7 + 14 x 8 + 7 = 126 layers.
  c.split.first_stage_layers = 7;
  c.split.last_stage_layers = 7;
  c.global_batch = 2048;
  c.seq_len = 8192;
  c.flash_attention = true;
  c.dp_overlap = 0.8;
  constexpr double kPublishedMfu = 0.43;
  c.recompute = Recompute::kNone;
  auto fast = training_step(m, h100, c);
  c.recompute = Recompute::kFull;
  auto lean = training_step(m, h100, c);
  ASSERT_TRUE(fast && lean);
  std::printf(
      "Llama 3 405B, 8192 H100: MFU no-recompute %.3f, full-recompute %.3f, published %.2f\n",
      fast->mfu, lean->mfu, kPublishedMfu);
  EXPECT_LE(lean->mfu, kPublishedMfu);
  EXPECT_GE(fast->mfu, kPublishedMfu);
  EXPECT_NEAR(fast->mfu, kPublishedMfu, 0.25 * kPublishedMfu);
  EXPECT_NEAR(lean->mfu, kPublishedMfu, 0.25 * kPublishedMfu);
  EXPECT_TRUE(lean->memory.fits);
}

double throughput(const char* model, const char* hw, int tp, int in, int out) {
  InferenceConfig c;
  c.precision = "fp8";
  c.tp = tp;
  c.prompt_tokens = in;
  c.output_tokens = out;
  auto p = inference_point(*cat().models.find(model), *cat().hw.find(hw), c);
  EXPECT_TRUE(p && p->fits);
  return p ? p->output_tokens_per_s : 0;
}

// H100 SXM, TensorRT-LLM FP8: Llama 3.1 8B 128 in / 4096 out on one GPU: 13,222 tok/s;
// Llama 3.1 70B 2048 in / 128 out on 8 GPUs: 2,064 tok/s. Tolerance +-35%: the model is a
// roofline at the KV-cache-limited batch and ignores scheduler and kernel-launch overheads.
TEST(H100Plausibility, ServingThroughputNearPublishedTensorRtLlm) {
  const double small = throughput("llama3-8b", "H100", 1, 128, 4096);
  const double large = throughput("llama3-70b", "H100", 8, 2048, 128);
  std::printf("H100 FP8 serving: 8B %.0f tok/s (published 13222), 70B TP8 %.0f (published 2064)\n",
              small, large);
  EXPECT_NEAR(small, 13222, 0.35 * 13222);
  EXPECT_NEAR(large, 2064, 0.35 * 2064);
}

// Same source, RNGD (FuriosaSDK, FP8): 8B on one card 3,935 tok/s; 70B on 8 cards 957 tok/s.
// Only the ordering is checked: our RNGD predictions are +60% (one card: roofline optimism for
// a young software stack) and -58% (8 cards: PCIe all-reduces are not overlapped in our model);
// docs/models.md lists both as known gaps.
TEST(H100Plausibility, RngdServesSlowerThanH100PerDevice) {
  EXPECT_LT(throughput("llama3-8b", "RNGD", 1, 128, 4096),
            throughput("llama3-8b", "H100", 1, 128, 4096));
  EXPECT_LT(throughput("llama3-70b", "RNGD", 8, 2048, 128),
            throughput("llama3-70b", "H100", 8, 2048, 128));
}

}  // namespace
}  // namespace sovsim::models
