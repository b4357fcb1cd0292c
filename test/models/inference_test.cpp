// test/models/inference_test.cpp — properties of the serving model: decode grows with context,
// prefill turns compute-bound, the KV cache and the token budget cap the batch, lower precision
// and faster HBM help, co-location shares the device without beating its roofline, a rate maps
// to the smallest batch that carries it.
#include "models/inference.hpp"

#include <gtest/gtest.h>

#include "test/support/builtin_catalogs.hpp"

#include <algorithm>

namespace sovsim::models {
namespace {

const Transformer& llama70() { return test::transformer("llama3-70b"); }
const Hardware& h100() { return test::hardware("H100"); }

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
    const double t = step_time(llama70(), h100(), tp8(), 64, context, 0).total_s;
    EXPECT_GT(t, previous) << context;
    previous = t;
  }
}

TEST(Inference, PrefillTurnsComputeBoundDecodeStreamsWeights) {
  const StepBreakdown one = step_time(llama70(), h100(), tp8(), 1, 2048, 0);
  const StepBreakdown chunk = step_time(llama70(), h100(), tp8(), 0, 0, 8192);
  EXPECT_GT(one.weights_s, 10 * one.gemm_s) << "one decode token streams every weight";
  EXPECT_GT(chunk.gemm_s, 5 * chunk.weights_s) << "an 8192-token chunk is GEMM-bound";
  EXPECT_NEAR(one.total_s,
              std::max(one.weights_s, one.gemm_s) + std::max(one.kv_s, one.attention_s) +
                  one.comm_s + one.overhead_s,
              1e-12);
  auto p = inference_point(llama70(), h100(), tp8());
  ASSERT_TRUE(p);
  EXPECT_GT(p->ttft_s, p->tpot_s);
}

TEST(Inference, FasterHbmServesMoreAtTheSameBatch) {
  InferenceConfig c = tp8();
  c.batch = 64;
  c.prompt_tokens = 1024;  // decode-heavy: the step streams weights and KV
  c.output_tokens = 1024;
  const Hardware& h200 = test::hardware("H200");
  auto on_h100 = inference_point(llama70(), h100(), c);
  auto on_h200 = inference_point(llama70(), h200, c);
  ASSERT_TRUE(on_h100 && on_h200);
  // The streaming terms follow the achieved bandwidth (4.8 TB/s against 3.35, each at its
  // fitted efficiency); fixed overheads and NVLink traffic do not, so the step gains less.
  EXPECT_LT(on_h200->step.weights_s, 0.85 * on_h100->step.weights_s);
  EXPECT_LT(on_h200->step.kv_s, 0.85 * on_h100->step.kv_s);
  EXPECT_GT(on_h200->output_tokens_per_s, on_h100->output_tokens_per_s);
  EXPECT_GT(on_h200->max_batch, 1.5 * on_h100->max_batch) << "141 GB against 80 GB";
}

TEST(Inference, ColocatedReplicasShareTheDeviceAndNeverBeatItsRoofline) {
  const Transformer& small = test::transformer("llama3-8b");
  InferenceConfig c;
  c.precision = "fp8";
  c.tp = 1;
  c.batch = 16;
  auto alone = inference_point(small, h100(), c);
  c.colocate = 4;
  auto shared = inference_point(small, h100(), c);
  ASSERT_TRUE(alone && shared && shared->fits);
  EXPECT_GT(shared->tpot_s, alone->tpot_s) << "neighbours slow each replica";
  EXPECT_LT(shared->max_batch, alone->max_batch) << "the HBM is split";
  // Four replicas stream four copies of the weights: the device's bandwidth bounds the total.
  const double weight_bytes = c.colocate * shared->weights_bytes_per_device;
  EXPECT_LE(weight_bytes / (shared->tpot_s - shared->step.overhead_s),
            h100().hbm_bw_bytes_per_s * 1.0001);
  EXPECT_GE(shared->output_tokens_per_s_per_device, alone->output_tokens_per_s_per_device);
}

TEST(Inference, KvCacheCapsTheBatch) {
  auto p = inference_point(llama70(), h100(), tp8());
  ASSERT_TRUE(p && p->fits);
  // Llama 3 70B has 8 KV heads: TP8 holds one per device.
  const double free_bytes = h100().hbm_bytes * kEfficiency.hbm_usable - p->weights_bytes_per_device;
  EXPECT_EQ(p->max_batch, static_cast<int>(free_bytes / (p->kv_bytes_per_sequence / 8)));
  InferenceConfig c = tp8();
  c.batch = 1'000'000;
  c.token_budget = 1'000'000;
  EXPECT_EQ(inference_point(llama70(), h100(), c)->batch, p->max_batch);
  c.token_budget = 900;  // 2048 prompt per 256 output: 9 tokens a sequence per step
  EXPECT_EQ(inference_point(llama70(), h100(), c)->batch, 100);
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
  EXPECT_TRUE(inference_point(llama70(), test::hardware("B200"), c));
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
  const Transformer& mixtral = test::transformer("mixtral-8x7b");
  InferenceConfig c;
  c.precision = "bf16";
  c.tp = 2;
  const StepBreakdown one = step_time(mixtral, h100(), c, 1, 1024, 0);
  const StepBreakdown many = step_time(mixtral, h100(), c, 64, 1024, 0);
  // One token reads 2 of 8 experts: far less than all 46.7B weights.
  const double all_weights_s =
      2 * mixtral.params() / 2 / (h100().hbm_bw_bytes_per_s * h100().serving("bf16").hbm);
  EXPECT_LT(one.weights_s, 0.5 * all_weights_s);
  EXPECT_GT(many.weights_s, one.weights_s);
}

}  // namespace
}  // namespace sovsim::models
