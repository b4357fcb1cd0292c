// models/training_step.hpp — time of one training iteration of a transformer on one hardware
// type under TP x PP x DP (x CP, EP, ZeRO), broken into compute (a roofline per op class: GEMMs
// compute-bound, norms/softmax/element-wise HBM-bound), TP collectives on the scale-up domain,
// pipeline p2p and bubble, data-parallel traffic (gradient sync, ZeRO gathers) on the scale-out
// tier and the optimizer update; plus FLOP accounting (model and hardware TF/GPU, MFU, HFU) and
// memory per GPU.
// Pure: no SimGrid, no contention with other jobs (the engine adds that on shared tiers).
// Constants: models/efficiency.hpp only. Formulas and their sources: docs/models.md.
#pragma once

#include <optional>
#include <vector>

#include "models/efficiency.hpp"
#include "models/training_config.hpp"
#include "models/training_memory.hpp"

namespace sovsim::models {

struct TrainingStep {
  double step_time_s = 0;  // one iteration (global batch), seconds
  // Parts of step_time_s. compute + tp + cp + ep + p2p + bubble make up the pipeline schedule.
  double compute_s = 0;     // math + memory-bound kernels of the slowest stage, all micro-batches
  double tp_comm_s = 0;     // TP all-reduces (or RS+AG with sequence parallel), not overlapped
  double cp_comm_s = 0;     // exposed part of ring-attention K/V exchange
  double ep_comm_s = 0;     // MoE all-to-all dispatch/combine
  double pp_p2p_s = 0;      // stage-boundary sends on the critical path
  double pp_bubble_s = 0;   // pipeline fill and drain
  double dp_comm_s = 0;     // data-parallel traffic (gradient sync, ZeRO gathers), total
  double dp_exposed_s = 0;  // its part not hidden: total - min(dp_overlap x total, compute_s)
  double optimizer_s = 0;   // Adam update of this GPU's (ZeRO-sharded) parameters, HBM-bound
  double bubble_fraction = 0;  // (pp - 1) / (v * micro_batches)
  int micro_batches = 0;
  int slowest_stage = 0;  // pipeline stage whose time per micro-batch sets the pace (0 = first)

  double tokens_per_s = 0;    // global_batch x seq_len / step_time_s
  double model_flops = 0;     // per iteration: 3 passes, causal attention (half the s^2 term)
  double hardware_flops = 0;  // per iteration as executed: recompute included, and the full s^2
                              // term without flash attention (Megatron-LM SC'21 Table 1's count)
  double mfu = 0;             // model_flops / (step x GPUs x peak at the config's precision)
  double hfu = 0;             // hardware_flops / (step x GPUs x peak)
  double tflops_per_gpu = 0;           // model_flops / step / GPUs / 1e12
  double hardware_tflops_per_gpu = 0;  // hardware_flops / step / GPUs / 1e12 ("TF/GPU", Table 1)

  double dp_bytes_per_gpu = 0;            // bytes each GPU sends for gradient sync per step
  std::vector<double> dp_bytes_per_tier;  // of which across each tier of the DP placement
  TrainingMemory memory;                  // per GPU, most loaded stage
};

// One iteration; nullopt if check_training() rejects the configuration. A configuration that
// does not fit in memory still gets a time (memory.fits says so).
std::optional<TrainingStep> training_step(const Transformer& model, const Hardware& hw,
                                          const TrainingConfig& cfg,
                                          const Efficiency& eff = kEfficiency);

// Model FLOPs per iteration: 3 passes (forward + 2x backward) over every weight matrix a token
// uses and over the attention scores a causal model needs (half of the s x s square).
double model_flops_per_step(const Transformer& model, int global_batch, int seq_len);

// FLOPs the GPUs execute: the 3 passes plus what activation recompute runs again, with the
// attention square computed whole unless flash attention skips its masked half. With full
// recompute and no flash attention this is the Megatron-LM SC'21 Table 1 count,
// 96 B s l h^2 (1 + s/6h + V/16lh) for a GPT.
double hardware_flops_per_step(const Transformer& model, int global_batch, int seq_len,
                               Recompute recompute, bool flash_attention);

}  // namespace sovsim::models
