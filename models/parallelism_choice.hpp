// models/parallelism_choice.hpp — a sensible parallelism for a training job when the user gives
// none: searches TP (inside the scale-up domain), CP (long sequences only), PP, EP (MoE), ZeRO
// stage, micro-batch and recompute, keeps what fits in memory, and returns the fastest by the
// training-step model. Exhaustive over a small grid (~10^3 evaluations, well under a
// millisecond each). Pure: no SimGrid, no I/O.
#pragma once

#include <optional>
#include <string>

#include "models/efficiency.hpp"
#include "models/training_step.hpp"

namespace sovsim::models {

struct ChoiceRequest {
  int gpus = 0;          // devices the job gets
  int global_batch = 0;  // sequences per iteration
  int seq_len = 2048;
  std::string precision = "bf16";
  double dp_overlap = 0.8;  // modern frameworks (Megatron-Core, FSDP) overlap gradient sync
};

// The fastest configuration that fits, with modern framework features (flash attention,
// sequence parallel when tp > 1). nullopt if nothing fits (model too big for `gpus`) or the
// request is impossible (no precision support, batch smaller than any DP degree).
std::optional<TrainingConfig> choose_parallelism(const Transformer& model, const Hardware& hw,
                                                 const ChoiceRequest& request,
                                                 const Efficiency& eff = kEfficiency);

}  // namespace sovsim::models
