// test/sim/cli/estimate_command_test.cpp — `sovsim estimate` called in-process through
// run_estimate(): JSON fields and their consistency, chosen parallelism, error messages and exit
// codes, not-fitting answers, serving estimates, and --hw-file / --model-file.
#include "sim/cli/estimate_command.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "test/support/sovsim_process.hpp"

namespace sovsim::cli {
namespace {

using nlohmann::json;

struct Outcome {
  int code = -1;
  std::string out, err;
  json doc() const { return json::parse(out); }
};

Outcome run(const EstimateOptions& o) {
  std::ostringstream out, err;
  const int code = run_estimate(o, out, err);
  return {code, out.str(), err.str()};
}

// Llama 3 70B pre-training shaped like Meta's: seq 8k, 4 Mi tokens per step, TP 8 x PP 4.
EstimateOptions train_70b(const std::string& hw) {
  EstimateOptions o;
  o.hardware = hw;
  o.model = "llama3-70b";
  o.gpus = 1024;
  o.tp = 8, o.pp = 4, o.dp = 32;
  o.seq = 8192;
  o.global_batch = 512;
  o.zero = 1;
  o.json = true;
  return o;
}

EstimateOptions infer_70b(const std::string& hw) {
  EstimateOptions o;
  o.mode = "infer";
  o.hardware = hw;
  o.model = "llama3-70b";
  o.json = true;
  return o;
}

TEST(EstimateCommand, TrainJsonHasEveryFieldAndTheyAgree) {
  const Outcome r = run(train_70b("H100"));
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = r.doc();
  for (const char* key : {"step_time_s", "tflops_per_gpu", "mfu", "tokens_per_s",
                          "memory_per_gpu_gb", "fits", "parallelism", "parallelism_chosen",
                          "breakdown_s", "memory_gb", "hardware", "model", "constants"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["hardware"]["name"], "H100");
  EXPECT_EQ(j["model"]["name"], "llama3-70b");
  EXPECT_FALSE(j["parallelism_chosen"].get<bool>());
  EXPECT_EQ(j["parallelism"]["tp"], 8);
  EXPECT_EQ(j["parallelism"]["pp"], 4);
  EXPECT_EQ(j["parallelism"]["dp"], 32);
  EXPECT_EQ(j["parallelism"]["micro_batches"], 16);  // 512 / (32 x 1)
  const double step = j["step_time_s"];
  EXPECT_NEAR(j["tokens_per_s"].get<double>(), 512.0 * 8192 / step, 1e-6 * 512 * 8192 / step);
  // The breakdown adds up to the step: pipeline parts + exposed gradient sync + optimizer.
  const json& b = j["breakdown_s"];
  const double sum = b["compute"].get<double>() + b["tp_comm"].get<double>() +
                     b["cp_comm"].get<double>() + b["ep_comm"].get<double>() +
                     b["pp_p2p"].get<double>() + b["pp_bubble"].get<double>() +
                     b["dp_exposed"].get<double>() + b["optimizer"].get<double>();
  EXPECT_NEAR(sum, step, 1e-9 * step);
  EXPECT_NEAR(b["dp_exposed"].get<double>(), 0.2 * b["dp_comm_total"].get<double>(), 1e-12);
  EXPECT_GT(j["mfu"].get<double>(), 0.2);
  EXPECT_LT(j["mfu"].get<double>(), 0.67);  // cannot beat the GEMM efficiency by much
  EXPECT_DOUBLE_EQ(j["memory_per_gpu_gb"].get<double>(), j["memory_gb"]["total"].get<double>());
  EXPECT_TRUE(j["fits"].get<bool>());
  EXPECT_DOUBLE_EQ(j["constants"]["efficiency"]["matmul"].get<double>(), 0.67);
}

TEST(EstimateCommand, B200IsFasterThanH100ForTheSameConfig) {
  const json h100 = run(train_70b("H100")).doc();
  const json b200 = run(train_70b("B200")).doc();
  const json a100 = run(train_70b("A100")).doc();
  EXPECT_LT(b200["step_time_s"].get<double>(), h100["step_time_s"].get<double>());
  EXPECT_LT(h100["step_time_s"].get<double>(), a100["step_time_s"].get<double>());
  // 2.3x the BF16 peak and 2.3x the HBM bandwidth: faster, but not more than the peak ratio.
  const double speedup = h100["step_time_s"].get<double>() / b200["step_time_s"].get<double>();
  EXPECT_GT(speedup, 1.5);
  EXPECT_LT(speedup, 2250.0 / 989.0 + 0.01);
}

TEST(EstimateCommand, MissingParallelismIsChosenAndSaid) {
  EstimateOptions o = train_70b("H100");
  o.tp.reset(), o.pp.reset(), o.dp.reset(), o.zero.reset();
  const Outcome r = run(o);
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = r.doc();
  EXPECT_TRUE(j["parallelism_chosen"].get<bool>());
  const json& p = j["parallelism"];
  EXPECT_EQ(p["tp"].get<int>() * p["pp"].get<int>() * p["dp"].get<int>() * p["cp"].get<int>(),
            1024);
  EXPECT_TRUE(j["fits"].get<bool>());
  // The chooser should beat the hand-picked TP 8 x PP 4 with ZeRO-1.
  EXPECT_LE(j["step_time_s"].get<double>(), run(train_70b("H100")).doc()["step_time_s"]);

  o.json = false;
  const Outcome text = run(o);
  EXPECT_NE(text.out.find("parallelism chosen: TP="), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(": fits"), std::string::npos) << text.out;
}

TEST(EstimateCommand, DefaultBatchIsFourMebiTokens) {
  EstimateOptions o = train_70b("H100");
  o.global_batch.reset();
  const json j = run(o).doc();
  EXPECT_EQ(j["global_batch"], 512);  // 4 Mi / 8192
  EXPECT_DOUBLE_EQ(j["tokens_per_step"].get<double>(), 4.0 * 1024 * 1024);
}

TEST(EstimateCommand, GpusMustEqualTheProductOfDegrees) {
  EstimateOptions o = train_70b("H100");
  o.gpus = 512;
  const Outcome r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--gpus 512 must equal tp x pp x dp x cp = 8 x 4 x 32 x 1 = 1024"),
            std::string::npos)
      << r.err;
  // Without --dp it is derived from --gpus.
  o.dp.reset();
  const Outcome derived = run(o);
  ASSERT_EQ(derived.code, 0) << derived.err;
  EXPECT_EQ(derived.doc()["parallelism"]["dp"], 16);
}

TEST(EstimateCommand, ImpossibleParallelismExitsTwoWithTheReason) {
  EstimateOptions o = train_70b("H100");
  o.gpus = 63, o.tp = 3, o.pp = 1, o.dp = 21;
  const Outcome r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("tp 3 does not divide 64 attention heads"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(EstimateCommand, UnknownNamesSuggestTheClosest) {
  EstimateOptions o = train_70b("H10");
  Outcome r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown hardware 'H10'; did you mean 'H100'?"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("GB200"), std::string::npos) << r.err;  // lists valid names
  r = run(train_70b("h100"));  // a case slip beats the equally close 'A100'
  EXPECT_NE(r.err.find("did you mean 'H100'?"), std::string::npos) << r.err;
  o = train_70b("H100");
  o.model = "lama3-8b";
  r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown model 'lama3-8b'; did you mean 'llama3-8b'?"), std::string::npos)
      << r.err;
}

TEST(EstimateCommand, NotFittingIsAnAnswerNotAnError) {
  EstimateOptions o = train_70b("H100");
  o.gpus = 8, o.tp = 8, o.pp = 1, o.dp = 1, o.zero = 0;  // 70B x 16 B/param on 8 x 80 GB
  o.global_batch = 8;
  const Outcome r = run(o);
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = r.doc();
  EXPECT_FALSE(j["fits"].get<bool>());
  EXPECT_GT(j["memory_per_gpu_gb"].get<double>(), j["memory_gb"]["capacity"].get<double>());
  EXPECT_GT(j["step_time_s"].get<double>(), 0);
  o.json = false;
  EXPECT_NE(run(o).out.find("DOES NOT FIT"), std::string::npos);
}

TEST(EstimateCommand, NothingFitsShowsTheFrugalLayout) {
  EstimateOptions o = train_70b("H100");
  o.gpus = 8, o.global_batch = 8;
  o.tp.reset(), o.pp.reset(), o.dp.reset(), o.zero.reset();
  const Outcome r = run(o);
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = r.doc();
  EXPECT_FALSE(j["fits"].get<bool>());
  EXPECT_TRUE(j["parallelism_chosen"].get<bool>());
  EXPECT_EQ(j["parallelism"]["zero_stage"], 3);
  EXPECT_NE(j["note"].get<std::string>().find("no layout"), std::string::npos);
}

TEST(EstimateCommand, FlagsOfTheOtherModeAreRejected) {
  EstimateOptions o = train_70b("H100");
  o.rate = 3;
  Outcome r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--rate does not apply to --mode train"), std::string::npos) << r.err;
  o = infer_70b("H100");
  o.seq = 4096, o.pp = 2;
  r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--seq, --pp do not apply to --mode infer"), std::string::npos) << r.err;
}

TEST(EstimateCommand, InferJsonHasLatencyAndThroughput) {
  EstimateOptions o = infer_70b("H100");
  o.tp = 8;
  o.gpus = 16;  // two replicas
  const Outcome r = run(o);
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = r.doc();
  for (const char* key : {"tokens_per_s", "ttft_s", "tpot_s", "batch", "max_batch", "fits",
                          "memory_per_gpu_gb", "parallelism", "hardware", "model"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["replicas"], 2);
  EXPECT_EQ(j["batch"], j["max_batch"]);  // no --batch: as many as the KV cache holds
  const double tpot = j["tpot_s"], ttft = j["ttft_s"];
  EXPECT_GT(ttft, j["prefill_s"].get<double>());
  EXPECT_NEAR(j["tokens_per_s"].get<double>(), 2 * j["batch"].get<double>() / tpot, 1e-6);
  EXPECT_LE(j["memory_per_gpu_gb"].get<double>(), j["memory_gb"]["capacity"].get<double>());
}

TEST(EstimateCommand, InferRateFindsTheSmallestBatch) {
  EstimateOptions o = infer_70b("H100");
  o.tp = 8;
  o.rate = 5;
  const json j = run(o).doc();
  EXPECT_GE(j["requests_per_s"].get<double>(), 5.0);
  EXPECT_LT(j["batch"].get<int>(), j["max_batch"].get<int>());
  EXPECT_FALSE(j["saturated"].get<bool>());
  o.batch = 8;
  EXPECT_EQ(run(o).code, 2);  // --batch and --rate together
}

TEST(EstimateCommand, InferChoosesTpAndReportsNotFitting) {
  EstimateOptions o = infer_70b("H100");
  const json chosen = run(o).doc();
  EXPECT_TRUE(chosen["parallelism_chosen"].get<bool>());
  EXPECT_GE(chosen["parallelism"]["tp"].get<int>(), 2);  // 141 GB of bf16 weights
  EXPECT_TRUE(chosen["fits"].get<bool>());

  o.tp = 1;
  const Outcome r = run(o);
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = r.doc();
  EXPECT_FALSE(j["fits"].get<bool>());
  EXPECT_TRUE(j["ttft_s"].is_null());
  o.json = false;
  EXPECT_NE(run(o).out.find("DOES NOT FIT"), std::string::npos);
}

TEST(EstimateCommand, HwFileAddsHardwareAndBadFilesExitTwo) {
  test::TempDir dir;
  test::write_file(dir / "hw.yaml",
                   "hardware:\n  - {name: X200, vendor: Hypo, bf16_tflops: 2250, hbm_gib: 288,\n"
                   "     hbm_tb_per_s: 12, scaleup_gb_per_s: 900, nic_gbit_per_s: 800,\n"
                   "     tdp_w: 1200, source: what-if}\n");
  EstimateOptions o = train_70b("X200");
  o.hw_file = (dir / "hw.yaml").string();
  const Outcome r = run(o);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.doc()["hardware"]["hbm_gib"], 288.0);

  EstimateOptions list;
  list.hw_file = o.hw_file;
  list.list_hardware = true;
  EXPECT_NE(run(list).out.find("X200"), std::string::npos);

  test::write_file(dir / "bad.yaml", "hardware:\n  - {name: X200, vendor: Hypo}\n");
  o.hw_file = (dir / "bad.yaml").string();
  const Outcome bad = run(o);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find((dir / "bad.yaml").string() + ":2:5: hardware[0].bf16_tflops"),
            std::string::npos)
      << bad.err;
}

TEST(EstimateCommand, ModelFileHoldsOneModelOrAList) {
  test::TempDir dir;
  test::write_file(dir / "one.yaml",
                   "name: my-30b\nlayers: 48\nhidden: 7168\nheads: 56\nkv_heads: 8\n"
                   "ffn_hidden: 20480\nvocab: 128000\ngated_ffn: true\n");
  EstimateOptions o = train_70b("H100");
  o.model.clear();
  o.model_file = (dir / "one.yaml").string();
  Outcome r = run(o);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.doc()["model"]["name"], "my-30b");

  test::write_file(dir / "list.yaml",
                   "models:\n  - {name: a, layers: 32, hidden: 4096, heads: 32, vocab: 32000}\n"
                   "  - {name: b, layers: 40, hidden: 5120, heads: 40, vocab: 32000}\n");
  o.model_file = (dir / "list.yaml").string();
  r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("defines 2 models; pick one with --model"), std::string::npos) << r.err;
  o.model = "b";
  r = run(o);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.doc()["model"]["layers"], 40);

  test::write_file(dir / "bad.yaml", "name: x\nlayers: 4\nhiden: 64\nheads: 4\nvocab: 100\n");
  o.model.clear();
  o.model_file = (dir / "bad.yaml").string();
  r = run(o);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("bad.yaml:3:1: hiden: unknown key; did you mean 'hidden'?"),
            std::string::npos)
      << r.err;
}

TEST(EstimateCommand, ListsNamesWithDescriptions) {
  EstimateOptions o;
  o.list_models = true;
  const Outcome r = run(o);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("llama3-70b"), std::string::npos);
  EXPECT_NE(r.out.find("Llama 3 / 3.1 70B"), std::string::npos);
}

}  // namespace
}  // namespace sovsim::cli
