// models/training_memory.hpp — device memory of one GPU during training: weights, gradients,
// optimizer states (mixed-precision Adam, ZeRO sharding) and activations (Korthikanti et al.
// 2022 counts, with TP / sequence parallel / recompute / flash attention / pipeline in-flight
// micro-batches), on the most loaded pipeline stage (stages may hold different layer counts:
// StageSplit). Pure: no SimGrid, no timing.
#pragma once

#include "models/efficiency.hpp"
#include "models/training_config.hpp"

namespace sovsim::models {

// Mixed-precision Adam (Rajbhandari et al., ZeRO, SC'20, Sec. 3.1): 2 B bf16/fp16 weights,
// 2 B gradients, 12 B fp32 master weights + momentum + variance per parameter.
inline constexpr double kWeightBytesPerParam = 2;
inline constexpr double kGradBytesPerParam = 2;
inline constexpr double kOptimizerBytesPerParam = 12;

struct TrainingMemory {
  double weights_bytes = 0, grads_bytes = 0, optimizer_bytes = 0, activations_bytes = 0;
  double total_bytes = 0;
  double capacity_bytes = 0;  // HBM a framework can fill: hbm_bytes x eff.hbm_usable
  bool fits = false;
  int stage = 0;  // the pipeline stage these figures are for (the most loaded; 0 = first)
};

// Parameters held by one GPU of a pipeline stage (before ZeRO sharding): its dense layers / tp,
// experts / (tp * ep), and a vocabulary matrix / tp on the first and on the last stage.
struct ParamsPerGpu {
  double dense = 0;   // synchronised over the dp * cp ranks
  double expert = 0;  // synchronised over the dp * cp / ep ranks
  double total() const { return dense + expert; }
};
ParamsPerGpu params_on_stage(const Transformer& model, const TrainingConfig& cfg, int stage);
// The stage holding the most parameters.
ParamsPerGpu params_per_gpu(const Transformer& model, const TrainingConfig& cfg);

// Micro-batches whose activations pipeline stage `stage` holds at its peak, in units of its own
// layers. 1F1B: min(pp - stage, m) (the first stage holds pp). Interleaved with v chunks:
// 2(pp - stage - 1) + (v - 1) pp + 1 chunk forwards of 1/v of the layers each, which on the first
// stage is pp (1 + (pp - 1)/(pp v)) (Narayanan et al. SC'21 Sec. 2.2.2; Korthikanti et al. 2022
// Sec. 4.2.3). 1 without a pipeline.
double micro_batches_in_flight(const TrainingConfig& cfg, int stage);

// Activation bytes one layer keeps for one micro-batch on one GPU (what backward needs).
double layer_activation_bytes(const Transformer& model, const TrainingConfig& cfg);

// Memory of the most loaded GPU. Precondition: check_training() returned "".
TrainingMemory training_memory(const Transformer& model, const Hardware& hw,
                               const TrainingConfig& cfg, const Efficiency& eff = kEfficiency);

}  // namespace sovsim::models
