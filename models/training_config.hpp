// models/training_config.hpp — how a training job is run: parallelism (TP x PP x DP x CP, EP for
// MoE, ZeRO stage), batch and sequence, precision and the framework features that change the
// cost (activation recompute, flash attention, overlap of gradient sync). Plain values plus the
// check that a configuration is possible for a model and hardware. Used by training_memory.hpp,
// training_step.hpp and parallelism_choice.hpp. Pure: no SimGrid, no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/collectives.hpp"
#include "models/hardware.hpp"
#include "models/transformer.hpp"

namespace sovsim::models {

enum class Recompute {
  kNone,       // keep every activation: fastest, most memory
  kSelective,  // recompute only the attention core (Korthikanti et al. 2022)
  kFull        // keep only each layer's input, recompute the layer in backward (Megatron 2021)
};

// Device order is TP innermost, then CP, then DP, then PP (Megatron-LM's rank order); EP groups
// are carved out of DP x CP. GPUs = tp * cp * dp * pp.
struct Parallelism {
  int tp = 1;              // tensor parallel (inside a scale-up domain to be efficient)
  int pp = 1;              // pipeline stages
  int dp = 1;              // data-parallel replicas
  int cp = 1;              // context parallel: the sequence split across devices (ring attention)
  int ep = 1;              // expert parallel (MoE): experts spread over ep of the DP x CP ranks
  int micro_batch = 1;     // sequences per micro-batch; micro-batches = batch / (dp * micro_batch)
  int virtual_stages = 1;  // interleaved 1F1B: model chunks per pipeline rank (bubble / v)
  int zero_stage = 0;      // 0 none; 1 shard optimizer states; 2 + gradients; 3 + parameters
  bool sequence_parallel = false;  // shard norm/dropout activations over TP (needs tp > 1)

  int gpus() const { return tp * pp * dp * cp; }
};

// How the transformer layers are spread over the pipeline stages, as Megatron-LM's flags do it.
// Default: even (the first `layers % pp` stages take one more when pp does not divide layers).
struct StageSplit {
  int first_stage_layers = 0;  // > 0: --decoder-first-pipeline-num-layers
  int last_stage_layers = 0;   // > 0: --decoder-last-pipeline-num-layers; the rest split evenly
  // Count the embedding / the output layer and loss as one transformer layer when splitting
  // (--account-for-embedding-in-pipeline-split / --account-for-loss-in-pipeline-split): the
  // first / last stage gets one layer fewer. Not with first/last_stage_layers.
  bool embedding_as_layer = false;
  bool loss_as_layer = false;

  bool uneven() const {
    return first_stage_layers > 0 || last_stage_layers > 0 || embedding_as_layer || loss_as_layer;
  }
};

struct TrainingConfig {
  Parallelism parallel;
  StageSplit split;
  std::string precision = "bf16";  // GEMM precision: "bf16" | "fp8" | "fp4" (hardware must have it)
  int global_batch = 0;            // sequences per iteration (all replicas)
  int seq_len = 2048;              // tokens per sequence
  Recompute recompute = Recompute::kSelective;
  bool flash_attention = true;  // fused attention: no s^2 score traffic, causal blocks skipped
  // Fraction of the gradient sync hidden behind backward compute. 0 = none (Megatron-LM 2021);
  // Megatron-Core and FSDP overlap most of it (~0.8-0.9 for large models).
  double dp_overlap = 0.0;
  // The real placement of the DP group when the engine knows it; else placement_for().
  std::optional<Placement> dp_placement;

  int micro_batches() const { return global_batch / (parallel.dp * parallel.micro_batch); }
};

// The framework of Narayanan et al. (SC'21) that the Megatron table was measured with: full
// recompute, no flash attention, no sequence parallelism, no overlap of the gradient all-reduce.
// The table's rows ran with the micro-batch and interleaving of the authors' script
// (test/support/megatron_table.hpp).
TrainingConfig megatron_2021_config(int tp, int pp, int dp, int global_batch, int seq_len,
                                    int micro_batch = 1, int virtual_stages = 1);

// Transformer layers on each pipeline stage (pp entries, first stage first). Precondition: the
// split passed check_training() (with an impossible split the counts are meaningless).
std::vector<int> stage_layers(const Transformer& model, const Parallelism& p, const StageSplit& s);

// "" if `cfg` can run `model` on `hw`; otherwise why not (e.g. "tp 3 does not divide 32 heads").
// Interleaving (virtual_stages > 1) follows Megatron-LM: pp > 1, at least virtual_stages layers
// per stage, and micro-batches a multiple of pp (the schedule runs them in groups of pp).
// Chunks of a stage may differ in layers here (as Megatron-Core's --pipeline-model-parallel-
// layout or Llama 3's schedule allow); check_megatron_interleaving() adds the rule of the plain
// flags. Memory is not checked here: that is TrainingMemory::fits.
std::string check_training(const Transformer& model, const Hardware& hw, const TrainingConfig& cfg);

// "" if Megatron-LM's --num-virtual-stages-per-pipeline-rank / --num-layers-per-virtual-
// pipeline-stage can express the interleaving: every stage's layers divisible by virtual_stages
// (megatron/training/arguments.py, transformer_config.py). The CLI and the chooser require it.
std::string check_megatron_interleaving(const Transformer& model, const Parallelism& p,
                                        const StageSplit& s);

}  // namespace sovsim::models
