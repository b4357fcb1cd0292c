// test/e2e/estimate_cli_test.cpp — `sovsim estimate` as a user runs it: exit codes (0 answer,
// 2 bad input or usage), --json parseable on stdout, errors on stderr.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const std::string kTrain =
    "estimate --hw H100 --model llama3-70b --gpus 1024 --tp 8 --pp 4 --dp 32 --seq 8192 "
    "--global-batch 512 --zero 1";

TEST(EstimateCli, TrainJsonIsParseable) {
  TempDir dir;
  auto r = run_sovsim(kTrain + " --json", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GT(j["step_time_s"].get<double>(), 0);
  EXPECT_TRUE(j["fits"].get<bool>());
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(EstimateCli, TextTableAndChosenParallelism) {
  TempDir dir;
  auto r = run_sovsim("estimate --hw B200 --model llama3-8b --gpus 64", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("parallelism chosen: TP="), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("step time"), std::string::npos) << r.out;
}

TEST(EstimateCli, InferJsonIsParseable) {
  TempDir dir;
  auto r = run_sovsim(
      "estimate --mode infer --hw H100 --model llama3-70b --tp 8 --precision fp8 "
      "--input-tokens 2048 --output-tokens 128 --rate 10 --json",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GT(j["ttft_s"].get<double>(), 0);
  EXPECT_GT(j["tpot_s"].get<double>(), 0);
  EXPECT_GE(j["requests_per_s"].get<double>(), 10.0);
}

TEST(EstimateCli, BadInputExitsTwo) {
  TempDir dir;
  auto unknown = run_sovsim("estimate --hw H1000 --model llama3-70b --gpus 8", dir.path());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("did you mean 'H100'?"), std::string::npos) << unknown.err;
  EXPECT_TRUE(unknown.out.empty());
  auto impossible =
      run_sovsim("estimate --hw H100 --model llama3-70b --gpus 24 --tp 3 --pp 8", dir.path());
  EXPECT_EQ(impossible.exit_code, 2);
  EXPECT_NE(impossible.err.find("tp 3 does not divide"), std::string::npos) << impossible.err;
  EXPECT_EQ(
      run_sovsim("estimate --hw H100 --model llama3-70b --gpus 8 --zero 7", dir.path()).exit_code,
      2);
  EXPECT_EQ(run_sovsim("estimate --hw H100 --model llama3-70b", dir.path()).exit_code, 2);
  EXPECT_EQ(run_sovsim("estimate --mode serve --hw H100 --model llama3-70b", dir.path()).exit_code,
            2);
}

TEST(EstimateCli, NotFittingExitsZero) {
  TempDir dir;
  auto r = run_sovsim("estimate --hw H100 --model llama3-405b --gpus 8 --tp 8", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("DOES NOT FIT"), std::string::npos) << r.out;
}

TEST(EstimateCli, ListsAndHelp) {
  TempDir dir;
  auto models = run_sovsim("estimate --list-models", dir.path());
  EXPECT_EQ(models.exit_code, 0);
  EXPECT_NE(models.out.find("mixtral-8x7b"), std::string::npos);
  auto hardware = run_sovsim("estimate --list-hardware --json", dir.path());
  EXPECT_EQ(hardware.exit_code, 0);
  const auto list = nlohmann::json::parse(hardware.out)["hardware"];
  ASSERT_FALSE(list.empty());
  EXPECT_TRUE(list[0].contains("bf16_tflops"));
  auto help = run_sovsim("--help", dir.path());
  EXPECT_NE(help.out.find("estimate"), std::string::npos);
}

}  // namespace
}  // namespace sovsim::test
