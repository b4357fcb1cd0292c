// models/training_memory.hpp — device memory of one GPU during training: weights, gradients,
// optimizer states (mixed-precision Adam, ZeRO sharding) and activations (Korthikanti et al.
// 2022 counts, with TP / sequence parallel / recompute / flash attention / pipeline in-flight
// micro-batches), on the most loaded pipeline stage. Pure: no SimGrid, no timing.
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
};

// Parameters held by one GPU of the heaviest pipeline stage (before ZeRO sharding):
// dense layers / tp, experts / (tp * ep), one vocabulary matrix / tp.
struct ParamsPerGpu {
  double dense = 0;   // synchronised over the dp * cp ranks
  double expert = 0;  // synchronised over the dp * cp / ep ranks
  double total() const { return dense + expert; }
};
ParamsPerGpu params_per_gpu(const Transformer& model, const TrainingConfig& cfg);

// Activation bytes one layer keeps for one micro-batch on one GPU (what backward needs).
double layer_activation_bytes(const Transformer& model, const TrainingConfig& cfg);

// Memory of the most loaded GPU. Precondition: check_training() returned "".
TrainingMemory training_memory(const Transformer& model, const Hardware& hw,
                               const TrainingConfig& cfg, const Efficiency& eff = kEfficiency);

}  // namespace sovsim::models
