// models/training_config.hpp — how a training job is run: parallelism (TP x PP x DP x CP, EP for
// MoE, ZeRO stage), batch and sequence, precision and the framework features that change the
// cost (activation recompute, flash attention, overlap of gradient sync). Plain values plus the
// check that a configuration is possible for a model and hardware. Used by training_memory.hpp,
// training_step.hpp and parallelism_choice.hpp. Pure: no SimGrid, no I/O.
#pragma once

#include <optional>
#include <string>

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

struct TrainingConfig {
  Parallelism parallel;
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
TrainingConfig megatron_2021_config(int tp, int pp, int dp, int global_batch, int seq_len);

// "" if `cfg` can run `model` on `hw`; otherwise why not (e.g. "tp 3 does not divide 32 heads").
// Memory is not checked here: that is TrainingMemory::fits.
std::string check_training(const Transformer& model, const Hardware& hw, const TrainingConfig& cfg);

}  // namespace sovsim::models
