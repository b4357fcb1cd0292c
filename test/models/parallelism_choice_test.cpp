// test/models/parallelism_choice_test.cpp — the chooser returns a valid layout that fits, or
// nothing when no layout can.
#include "models/parallelism_choice.hpp"

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

TEST(ParallelismChoice, PicksAValidLayoutThatFits) {
  const Transformer& m = *cat().models.find("llama3-70b");
  const Hardware& h100 = *cat().hw.find("H100");
  ChoiceRequest r{256, 512, 4096, "bf16", 0.8};
  auto c = choose_parallelism(m, h100, r);
  ASSERT_TRUE(c);
  EXPECT_EQ(check_training(m, h100, *c), "");
  EXPECT_EQ(c->parallel.gpus(), 256);
  EXPECT_LE(c->parallel.tp, 8);
  auto s = training_step(m, h100, *c);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->memory.fits);
  // Nothing simpler beats it: pure data parallel does not even fit.
  TrainingConfig dp_only = *c;
  dp_only.parallel = {1, 1, 256, 1, 1, 1, 1, 0, false};
  EXPECT_FALSE(training_step(m, h100, dp_only)->memory.fits);
  EXPECT_EQ(choose_parallelism(m, h100, r)->parallel.tp, c->parallel.tp) << "deterministic";
}

TEST(ParallelismChoice, NothingWhenTheModelCannotFit) {
  ChoiceRequest r{8, 64, 4096, "bf16", 0.8};
  EXPECT_FALSE(choose_parallelism(*cat().models.find("llama3-405b"), *cat().hw.find("A100"), r));
  r.precision = "fp4";
  EXPECT_FALSE(choose_parallelism(*cat().models.find("llama3-8b"), *cat().hw.find("H100"), r));
}

TEST(ParallelismChoice, UsesExpertParallelForMoe) {
  ChoiceRequest r{64, 256, 4096, "bf16", 0.8};
  auto c = choose_parallelism(*cat().models.find("mixtral-8x22b"), *cat().hw.find("H100"), r);
  ASSERT_TRUE(c);
  EXPECT_TRUE(
      training_step(*cat().models.find("mixtral-8x22b"), *cat().hw.find("H100"), *c)->memory.fits);
}

}  // namespace
}  // namespace sovsim::models
