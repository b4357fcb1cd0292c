// models/parallelism_choice.hpp — a sensible parallelism for a training job when the user gives
// none: searches TP (inside the scale-up domain), CP (long sequences only), PP and interleaving,
// EP (MoE), ZeRO stage, micro-batch and recompute, keeps what fits in memory, and ranks by the
// training-step model. Exhaustive over a small grid (~10^4 evaluations, microseconds each).
// Whatever the request fixes (ZeRO stage, recompute, ...) narrows the grid instead.
// Pure: no SimGrid, no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/efficiency.hpp"
#include "models/training_step.hpp"

namespace sovsim::models {

struct ChoiceRequest {
  int gpus = 0;          // devices the job gets
  int global_batch = 0;  // sequences per iteration
  int seq_len = 2048;
  std::string precision = "bf16";
  double dp_overlap = 0.8;  // modern frameworks (Megatron-Core, FSDP) overlap gradient sync
  bool flash_attention = true;
  bool sequence_parallel = true;  // used wherever tp > 1
  // Fixed by the caller; unset = searched.
  std::optional<int> ep, micro_batch, virtual_stages, zero_stage;
  std::optional<Recompute> recompute;
  StageSplit split;  // applied to every pipeline depth tried (depths it does not fit are skipped)
};

struct RankedLayout {
  TrainingConfig config;
  TrainingStep step;
};

// The `count` fastest layouts that fit (shortest step first; ties keep search order: smaller TP,
// CP, PP first), with sequence parallel whenever tp > 1 (unless the request turns it off). Empty if nothing fits or the request
// is impossible (no precision support, batch smaller than any DP degree).
std::vector<RankedLayout> rank_layouts(const Transformer& model, const Hardware& hw,
                                       const ChoiceRequest& request, int count,
                                       const Efficiency& eff = kEfficiency);

// The fastest of rank_layouts(); nullopt if nothing fits.
std::optional<TrainingConfig> choose_parallelism(const Transformer& model, const Hardware& hw,
                                                 const ChoiceRequest& request,
                                                 const Efficiency& eff = kEfficiency);

}  // namespace sovsim::models
