// test/support/megatron_table.hpp — the rows of Narayanan et al., SC'21, Table 1 (GPT on
// A100-80GB Selene, sequence 2048, V = 51200, full recompute, fp16) with the settings the
// authors' reproduction script runs them with: Megatron-LM
// examples/academic_paper_scripts/sc21/run_table_1.sh (MBS, --num-layers-per-virtual-pipeline-
// stage, from which virtual stages = layers / pp / that). Shared by the model-level validation
// and the CLI test.
#pragma once

namespace sovsim::test {

struct MegatronRow {
  const char* model;
  int tp, pp, gpus, global_batch;
  int micro_batch;     // MBS in run_table_1.sh
  int virtual_stages;  // interleaved chunks per pipeline rank (1 = plain 1F1B)
  double published_tflops_per_gpu;
  int dp() const { return gpus / (tp * pp); }
};

inline constexpr MegatronRow kMegatronTable1[] = {
    {"megatron-gpt-1.7b", 1, 1, 32, 512, 16, 1, 137},
    {"megatron-gpt-3.6b", 2, 1, 64, 512, 16, 1, 138},
    {"megatron-gpt-7.5b", 4, 1, 128, 512, 16, 1, 142},
    {"megatron-gpt-18.4b", 8, 1, 256, 1024, 8, 1, 135},
    {"megatron-gpt-39.1b", 8, 2, 512, 1536, 4, 1, 138},
    {"megatron-gpt-76.1b", 8, 4, 1024, 1792, 2, 3, 140},     // 60 / 4 / 5
    {"megatron-gpt-145.6b", 8, 8, 1536, 2304, 2, 2, 148},    // 80 / 8 / 5
    {"megatron-gpt-310.1b", 8, 16, 1920, 2160, 1, 2, 155},   // 96 / 16 / 3
    {"megatron-gpt-529.6b", 8, 35, 2520, 2520, 1, 3, 163},   // 105 / 35 / 1
    {"megatron-gpt-1t", 8, 64, 3072, 3072, 1, 1, 163},
};

}  // namespace sovsim::test
