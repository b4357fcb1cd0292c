// test/models/serving_search_test.cpp — the serving operating point under objectives: the point
// returned meets them, throughput per GPU falls as they tighten, faster HBM serves more at the
// same objective, and an objective no layout meets is reported as such.
#include "models/serving_search.hpp"

#include <gtest/gtest.h>

#include "test/support/builtin_catalogs.hpp"

namespace sovsim::models {
namespace {

const Transformer& llama70() { return test::transformer("llama3-70b"); }

InferenceConfig fp8_request() {
  InferenceConfig c;
  c.precision = "fp8";
  c.prompt_tokens = 1024;
  c.output_tokens = 256;
  return c;
}

ServingSearchSpace tps_up_to_8() { return {{1, 2, 4, 8}, {}, false}; }

double per_gpu(const std::optional<ServingChoice>& c) {
  return c ? c->point.output_tokens_per_s_per_device : 0;
}

TEST(ServingSearch, ThePointMeetsTheObjectiveAndThroughputFallsAsItTightens) {
  const Hardware& h100 = test::hardware("H100");
  const auto offline = best_serving_point(llama70(), h100, fp8_request(), tps_up_to_8(), {});
  const auto relaxed =
      best_serving_point(llama70(), h100, fp8_request(), tps_up_to_8(), {2.0, 0.200});
  const auto tight =
      best_serving_point(llama70(), h100, fp8_request(), tps_up_to_8(), {0.450, 0.040});
  ASSERT_TRUE(offline && relaxed && tight);
  EXPECT_TRUE(relaxed->meets_slo);
  EXPECT_TRUE(tight->meets_slo);
  EXPECT_LE(relaxed->point.ttft_s, 2.0);
  EXPECT_LE(relaxed->point.tpot_s, 0.200);
  EXPECT_LE(tight->point.ttft_s, 0.450);
  EXPECT_LE(tight->point.tpot_s, 0.040);
  EXPECT_GE(per_gpu(offline), per_gpu(relaxed));
  EXPECT_GT(per_gpu(relaxed), per_gpu(tight));
  EXPECT_LT(tight->point.batch, relaxed->point.batch);
  // One more sequence would break the tight objective (the search stops at the edge), unless
  // the point is already at the largest batch its layout allows.
  InferenceConfig next = tight->cfg;
  next.batch = tight->point.batch + 1;
  const auto beyond = inference_point(llama70(), h100, next);
  if (beyond->batch > tight->point.batch) {
    EXPECT_FALSE(ServingSlo({0.450, 0.040}).met_by(*beyond));
  }
}

TEST(ServingSearch, FasterHbmServesMoreAtTheSameObjective) {
  for (const ServingSlo slo : {ServingSlo{2.0, 0.200}, ServingSlo{0.450, 0.040}}) {
    const auto h100 =
        best_serving_point(llama70(), test::hardware("H100"), fp8_request(), tps_up_to_8(), slo);
    const auto h200 =
        best_serving_point(llama70(), test::hardware("H200"), fp8_request(), tps_up_to_8(), slo);
    ASSERT_TRUE(h100 && h200);
    EXPECT_TRUE(h100->meets_slo && h200->meets_slo);
    EXPECT_GT(per_gpu(h200), 1.1 * per_gpu(h100)) << slo.tpot_s;
  }
}

TEST(ServingSearch, AnObjectiveNoLayoutMeetsIsReportedWithTheClosestPoint) {
  const auto c = best_serving_point(llama70(), test::hardware("H100"), fp8_request(),
                                    tps_up_to_8(), {0.001, 0.001});
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->meets_slo);
  EXPECT_EQ(c->point.batch, 1);
}

TEST(ServingSearch, AModelThatFitsNowhereHasNoPoint) {
  InferenceConfig bf16 = fp8_request();
  bf16.precision = "bf16";
  EXPECT_FALSE(best_serving_point(test::transformer("llama3-405b"), test::hardware("H100"), bf16,
                                  tps_up_to_8(), {}));
}

}  // namespace
}  // namespace sovsim::models
