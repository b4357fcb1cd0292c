// test/models/inference_test.cpp — properties of the serving model: decode grows with context,
// the KV cache caps the batch, lower precision helps where supported, a rate maps to the
// smallest batch that carries it.
#include "models/inference.hpp"

#include <gtest/gtest.h>

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
const Transformer& llama70() { return *cat().models.find("llama3-70b"); }
const Hardware& h100() { return *cat().hw.find("H100"); }

InferenceConfig tp8(const char* precision = "fp8") {
  InferenceConfig c;
  c.precision = precision;
  c.tp = 8;
  c.prompt_tokens = 2048;
  c.output_tokens = 256;
  return c;
}

TEST(Inference, DecodeTimeGrowsWithContext) {
  double previous = 0;
  for (double context : {128.0, 1024.0, 8192.0, 65536.0}) {
    const double t = decode_step_time_s(llama70(), h100(), tp8(), 64, context);
    EXPECT_GT(t, previous) << context;
    previous = t;
  }
}

TEST(Inference, PrefillIsComputeBoundAndGrowsWithThePrompt) {
  const double short_s = prefill_time_s(llama70(), h100(), tp8(), 512);
  const double long_s = prefill_time_s(llama70(), h100(), tp8(), 8192);
  // 16x the tokens: close to 16x the time (compute-bound), not ~1x (weight-bound). Fixed
  // all-reduce latencies keep it a little under 16.
  EXPECT_GT(long_s, 12 * short_s);
  auto p = inference_point(llama70(), h100(), tp8());
  ASSERT_TRUE(p);
  EXPECT_GT(p->ttft_s, p->prefill_s);
}

TEST(Inference, KvCacheCapsTheBatch) {
  auto p = inference_point(llama70(), h100(), tp8());
  ASSERT_TRUE(p && p->fits);
  const double free_bytes =
      8 * h100().hbm_bytes * kEfficiency.hbm_usable - 8 * p->weights_bytes_per_device;
  EXPECT_EQ(p->max_batch, static_cast<int>(free_bytes / p->kv_bytes_per_sequence));
  InferenceConfig c = tp8();
  c.batch = 1'000'000;
  EXPECT_EQ(inference_point(llama70(), h100(), c)->batch, p->max_batch);
  // bf16 70B does not fit on one H100.
  c = tp8("bf16");
  c.tp = 1;
  auto single = inference_point(llama70(), h100(), c);
  ASSERT_TRUE(single);
  EXPECT_FALSE(single->fits);
  EXPECT_EQ(single->max_batch, 0);
}

TEST(Inference, LowerPrecisionHelpsWhereSupported) {
  InferenceConfig c = tp8("bf16");
  c.batch = 32;
  auto bf16 = inference_point(llama70(), h100(), c);
  c.precision = "fp8";
  auto fp8 = inference_point(llama70(), h100(), c);
  ASSERT_TRUE(bf16 && fp8);
  EXPECT_LT(fp8->tpot_s, bf16->tpot_s);
  EXPECT_GT(fp8->max_batch, bf16->max_batch);
  c.precision = "fp4";
  EXPECT_FALSE(inference_point(llama70(), h100(), c));
  EXPECT_TRUE(inference_point(llama70(), *cat().hw.find("B200"), c));
  c.precision = "fp8";
  c.tp = 16;
  EXPECT_NE(check_inference(llama70(), h100(), c), "") << "tp beyond the NVLink domain";
}

TEST(Inference, ServingPointIsTheSmallestBatchCarryingTheRate) {
  auto full = inference_point(llama70(), h100(), tp8());
  ASSERT_TRUE(full);
  const double rate = full->requests_per_s / 4;
  auto p = serving_point(llama70(), h100(), tp8(), rate);
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->saturated);
  EXPECT_GE(p->requests_per_s, rate);
  InferenceConfig smaller = tp8();
  smaller.batch = p->batch - 1;
  if (smaller.batch > 0) {
    EXPECT_LT(inference_point(llama70(), h100(), smaller)->requests_per_s, rate);
  }
  EXPECT_LT(p->tpot_s, full->tpot_s);
  auto over = serving_point(llama70(), h100(), tp8(), 2 * full->requests_per_s);
  ASSERT_TRUE(over);
  EXPECT_TRUE(over->saturated);
}

TEST(Inference, MoeDecodeReadsOnlyTouchedExperts) {
  const Transformer& mixtral = *cat().models.find("mixtral-8x7b");
  InferenceConfig c;
  c.precision = "bf16";
  c.tp = 2;
  const double one = decode_step_time_s(mixtral, h100(), c, 1, 1024);
  const double many = decode_step_time_s(mixtral, h100(), c, 64, 1024);
  // One token reads 2 of 8 experts: far less than all 46.7B weights.
  const double all_weights_s =
      2 * mixtral.params() / 2 / (h100().hbm_bw_bytes_per_s * kEfficiency.hbm);
  EXPECT_LT(one, 0.5 * all_weights_s);
  EXPECT_GT(many, one);
}

}  // namespace
}  // namespace sovsim::models
