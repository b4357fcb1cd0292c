// test/e2e/estimate_train_cli_test.cpp — `sovsim estimate --mode train` as a user runs it with
// the training knobs: every row of the Megatron-LM SC'21 Table 1 reproduced from the command
// line (hardware TF/GPU within 10% of the paper's), interleaving, flash attention, model vs
// hardware FLOPs, ZeRO stages, uneven pipeline splits, --search, and refused combinations.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "test/support/megatron_table.hpp"
#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

using nlohmann::json;

// The command line of one Megatron row with the paper's software: full recompute, no flash
// attention and no sequence parallelism (both 2022), no gradient overlap (Megatron-LM's local
// DDP), the script's micro-batch and interleaving.
std::string megatron_command(const MegatronRow& r) {
  std::string cmd = "estimate --mode train --hw A100 --model " + std::string(r.model) +
                    " --gpus " + std::to_string(r.gpus) + " --tp " + std::to_string(r.tp) +
                    " --pp " + std::to_string(r.pp) + " --global-batch " +
                    std::to_string(r.global_batch) + " --seq 2048 --micro-batch " +
                    std::to_string(r.micro_batch) +
                    " --recompute full --dp-overlap 0 --flash-attention off --sequence-parallel off";
  if (r.virtual_stages > 1) cmd += " --virtual-stages " + std::to_string(r.virtual_stages);
  return cmd;
}

json run_json(const std::string& args, const TempDir& dir) {
  auto r = run_sovsim(args + " --json", dir.path());
  EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.err;
  if (r.exit_code != 0) return json::object();
  return json::parse(r.out);
}

// Prints the markdown table docs/estimate.md shows (copy it from this test's output).
TEST(EstimateTrainCli, MegatronTable1EveryRowWithinTenPercentThroughTheCli) {
  TempDir dir;
  std::printf("| model | command (after `sovsim estimate --mode train --hw A100 --seq 2048 "
              "--recompute full --dp-overlap 0 --flash-attention off --sequence-parallel off`) | published TF/GPU | "
              "`hardware_tflops_per_gpu` | error |\n|---|---|---|---|---|\n");
  for (const MegatronRow& row : kMegatronTable1) {
    const json j = run_json(megatron_command(row), dir);
    ASSERT_TRUE(j.contains("hardware_tflops_per_gpu")) << row.model;
    const double predicted = j["hardware_tflops_per_gpu"].get<double>();
    const double error = predicted / row.published_tflops_per_gpu - 1;
    std::string flags = "--model " + std::string(row.model) + " --gpus " +
                        std::to_string(row.gpus) + " --tp " + std::to_string(row.tp) + " --pp " +
                        std::to_string(row.pp) + " --global-batch " +
                        std::to_string(row.global_batch) + " --micro-batch " +
                        std::to_string(row.micro_batch);
    if (row.virtual_stages > 1) flags += " --virtual-stages " + std::to_string(row.virtual_stages);
    std::printf("| %s | `%s` | %.0f | %.1f | %+.1f%% |\n", row.model, flags.c_str(),
                row.published_tflops_per_gpu, predicted, 100 * error);
    EXPECT_NEAR(predicted, row.published_tflops_per_gpu, 0.10 * row.published_tflops_per_gpu)
        << row.model;
    EXPECT_TRUE(j["fits"].get<bool>()) << row.model << " ran on Selene, so it must fit";
    EXPECT_EQ(j["parallelism"]["virtual_stages"].get<int>(), row.virtual_stages);
    EXPECT_FALSE(j["parallelism"]["flash_attention"].get<bool>());
  }
}

TEST(EstimateTrainCli, InterleavingCutsTheBubbleByTheVirtualStages) {
  TempDir dir;
  // 8 micro-batches on 8 stages: plain 1F1B idles (pp-1)/m = 7/8 of a step's work.
  const std::string base =
      "estimate --hw H100 --model llama3-70b --gpus 64 --tp 8 --pp 8 --global-batch 8 "
      "--recompute selective";
  const json plain = run_json(base, dir);
  EXPECT_NEAR(plain["bubble_fraction"].get<double>(), 7.0 / 8, 1e-12);
  for (int v : {2, 5}) {
    const json interleaved = run_json(base + " --virtual-stages " + std::to_string(v), dir);
    EXPECT_NEAR(interleaved["bubble_fraction"].get<double>(), 7.0 / 8 / v, 1e-12) << v;
    const double ratio = plain["breakdown_s"]["pp_bubble"].get<double>() /
                         interleaved["breakdown_s"]["pp_bubble"].get<double>();
    EXPECT_NEAR(ratio, v, 0.1 * v) << "bubble time shrinks ~v-fold (p2p grows with v)";
    EXPECT_LT(interleaved["step_time_s"].get<double>(), plain["step_time_s"].get<double>());
  }
  // With as many micro-batches as stages every one is in flight either way; with more,
  // interleaving keeps (pp-1)/(pp v) more on the first stage.
  const std::string more =
      "estimate --hw H100 --model llama3-70b --gpus 64 --tp 8 --pp 8 --global-batch 64";
  const json plain64 = run_json(more, dir);
  const json interleaved64 = run_json(more + " --virtual-stages 2", dir);
  EXPECT_GT(interleaved64["memory_gb"]["activations"].get<double>(),
            1.2 * plain64["memory_gb"]["activations"].get<double>());
}

TEST(EstimateTrainCli, FlashAttentionOffCostsMemoryAndTimeAtLongSequences) {
  TempDir dir;
  const std::string base =
      "estimate --hw H100 --model llama3-8b --gpus 8 --tp 8 --seq 32768 --global-batch 8 "
      "--recompute none";
  const json on = run_json(base, dir);
  const json off = run_json(base + " --flash-attention off", dir);
  EXPECT_GT(off["step_time_s"].get<double>(), 1.2 * on["step_time_s"].get<double>());
  EXPECT_GT(off["memory_gb"]["activations"].get<double>(),
            2 * on["memory_gb"]["activations"].get<double>());
  EXPECT_TRUE(on["parallelism"]["flash_attention"].get<bool>()) << "on by default";
}

TEST(EstimateTrainCli, ModelFlopsExcludeRecomputeHardwareFlopsIncludeIt) {
  TempDir dir;
  const std::string base =
      "estimate --hw H100 --model llama3-70b --gpus 64 --tp 8 --pp 2 --global-batch 64 --seq 8192";
  const json full = run_json(base + " --recompute full", dir);
  EXPECT_LT(full["tflops_per_gpu"].get<double>(),
            0.8 * full["hardware_tflops_per_gpu"].get<double>());
  EXPECT_LT(full["mfu"].get<double>(), full["hfu"].get<double>());
  const json none = run_json(base + " --recompute none", dir);
  EXPECT_NEAR(none["tflops_per_gpu"].get<double>(), none["hardware_tflops_per_gpu"].get<double>(),
              1e-9 * none["tflops_per_gpu"].get<double>());
  // Without flash attention the masked half of the scores is executed too.
  const json none_off = run_json(base + " --recompute none --flash-attention off", dir);
  EXPECT_GT(none_off["hardware_flops_per_step"].get<double>(),
            none_off["model_flops_per_step"].get<double>());
}

TEST(EstimateTrainCli, ZeroThreeIsSlowerThanZeroOneWhenDpTrafficIsExposed) {
  TempDir dir;
  const std::string base =
      "estimate --hw H100 --model llama3-8b --gpus 64 --tp 1 --global-batch 256 --seq 4096 "
      "--dp-overlap 0 --zero ";
  const json z1 = run_json(base + "1", dir);
  const json z2 = run_json(base + "2", dir);
  const json z3 = run_json(base + "3", dir);
  EXPECT_LT(z1["step_time_s"].get<double>(), z2["step_time_s"].get<double>());
  EXPECT_LT(z2["step_time_s"].get<double>(), z3["step_time_s"].get<double>());
  // 4 micro-batches: ZeRO-3 gathers twice and reduce-scatters once per micro-batch, 12 one-way
  // passes against ZeRO-1's two.
  EXPECT_NEAR(z3["dp_bytes_per_gpu"].get<double>() / z1["dp_bytes_per_gpu"].get<double>(), 6.0,
              0.1);
  EXPECT_LT(z3["memory_per_gpu_gb"].get<double>(), z1["memory_per_gpu_gb"].get<double>());
}

TEST(EstimateTrainCli, UnevenSplitMovesTheSlowestStage) {
  TempDir dir;
  const std::string base =
      "estimate --hw H100 --model llama3-70b --gpus 64 --tp 8 --pp 4 --global-batch 64 --seq 8192";
  const json even = run_json(base, dir);
  EXPECT_EQ(even["parallelism"]["stage_layers"], json({20, 20, 20, 20}));
  EXPECT_EQ(even["slowest_stage"].get<int>(), 3) << "the last stage also runs the output layer";
  const json lighter_last = run_json(base + " --last-stage-layers 14", dir);
  EXPECT_EQ(lighter_last["parallelism"]["stage_layers"], json({22, 22, 22, 14}));
  EXPECT_EQ(lighter_last["slowest_stage"].get<int>(), 0);
  const json both = run_json(base + " --first-stage-layers 18 --last-stage-layers 18", dir);
  EXPECT_EQ(both["parallelism"]["stage_layers"], json({18, 22, 22, 18}));
  EXPECT_EQ(both["slowest_stage"].get<int>(), 1);
  // Megatron's account-for-loss: 81 "layers" over 3 stages, the last gives one to the loss.
  const json loss = run_json(
      "estimate --hw H100 --model llama3-70b --gpus 48 --tp 8 --pp 3 --global-batch 48 "
      "--account-for-loss",
      dir);
  EXPECT_EQ(loss["parallelism"]["stage_layers"], json({27, 27, 26}));
}

TEST(EstimateTrainCli, SearchListsFittingLayoutsFastestFirst) {
  TempDir dir;
  const std::string base = "estimate --hw H100 --model llama3-70b --gpus 256 --seq 8192";
  const json j = run_json(base + " --search 5", dir);
  ASSERT_EQ(j["layouts"].size(), 5u) << j.dump();
  double previous = 0;
  for (const auto& l : j["layouts"]) {
    EXPECT_TRUE(l["fits"].get<bool>());
    EXPECT_GE(l["step_time_s"].get<double>(), previous);
    previous = l["step_time_s"].get<double>();
    const auto& p = l["parallelism"];
    EXPECT_EQ(p["tp"].get<int>() * p["pp"].get<int>() * p["dp"].get<int>() * p["cp"].get<int>(),
              256);
  }
  // The first is what the command chooses without --search.
  const json chosen = run_json(base, dir);
  EXPECT_EQ(chosen["parallelism"], j["layouts"][0]["parallelism"]);
  EXPECT_DOUBLE_EQ(chosen["step_time_s"].get<double>(),
                   j["layouts"][0]["step_time_s"].get<double>());
  // Fixed flags narrow the search.
  const json zero1 = run_json(base + " --search 3 --zero 1 --recompute full", dir);
  for (const auto& l : zero1["layouts"]) {
    EXPECT_EQ(l["parallelism"]["zero_stage"].get<int>(), 1);
    EXPECT_EQ(l["parallelism"]["recompute"].get<std::string>(), "full");
  }
  auto text = run_sovsim(base + " --search 3", dir.path());
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("3 fastest layouts that fit"), std::string::npos) << text.out;
}

TEST(EstimateTrainCli, BadCombinationsExitTwoWithAReason) {
  TempDir dir;
  const std::string base = "estimate --hw H100 --model llama3-70b --gpus 64 --tp 8 ";
  const std::pair<std::string, std::string> cases[] = {
      {base + "--pp 1 --virtual-stages 2", "virtual_stages > 1 needs pp > 1"},
      {base + "--pp 8 --virtual-stages 3", "not a multiple of 3 virtual stages"},
      {base + "--pp 8 --virtual-stages 2 --global-batch 12", "multiple of pp 8"},
      {base + "--pp 4 --first-stage-layers 10 --account-for-embedding", "cannot be combined"},
      {base + "--pp 4 --first-stage-layers 21", "do not split evenly"},
      {base + "--pp 1 --last-stage-layers 10", "needs pp > 1"},
      {"estimate --hw H100 --model llama3-70b --gpus 64 --tp 8 --search 3",
       "leave out --tp, --pp, --dp and --cp"},
      {"estimate --mode infer --hw H100 --model llama3-70b --tp 8 --flash-attention off",
       "--flash-attention does not apply to --mode infer"},
      {"estimate --mode infer --hw H100 --model llama3-70b --tp 8 --search 2 --virtual-stages 2",
       "--virtual-stages, --search do not apply to --mode infer"},
  };
  for (const auto& [args, message] : cases) {
    auto r = run_sovsim(args, dir.path());
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
  EXPECT_EQ(run_sovsim(base + "--flash-attention maybe", dir.path()).exit_code, 2);
}

}  // namespace
}  // namespace sovsim::test
