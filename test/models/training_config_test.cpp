// test/models/training_config_test.cpp — check_training on layouts whose sizes overflow int.
#include "models/training_config.hpp"

#include <gtest/gtest.h>

namespace sovsim::models {
namespace {

TEST(TrainingConfig, HugeDataParallelTimesMicroBatchDoesNotOverflow) {
  auto hw = HardwareCatalog::builtin();
  auto models = TransformerCatalog::builtin();
  TrainingConfig cfg;
  cfg.parallel.dp = 1 << 20;
  cfg.parallel.micro_batch = 1 << 12;
  cfg.global_batch = 1024;
  const std::string why = check_training(*models->find("llama3-8b"), *hw->find("H100"), cfg);
  EXPECT_NE(why.find("4294967296"), std::string::npos) << why;
}

}  // namespace
}  // namespace sovsim::models
