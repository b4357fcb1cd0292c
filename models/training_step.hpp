// models/training_step.hpp — time of one training iteration of a transformer on one hardware
// type under TP x PP x DP (x CP, EP, ZeRO), broken into compute (a roofline per op class: GEMMs
// compute-bound, norms/softmax/element-wise HBM-bound), TP collectives on the scale-up domain,
// pipeline p2p and bubble, gradient sync on the scale-out tier and the optimizer update; plus
// FLOP accounting (MFU, and TF/GPU as Megatron-LM reports it) and memory per GPU.
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
  double dp_comm_s = 0;     // gradient sync (all-reduce, or RS+AG with ZeRO), total
  double dp_exposed_s = 0;  // its part not hidden behind backward: (1 - dp_overlap) x total
  double optimizer_s = 0;   // Adam update of this GPU's (ZeRO-sharded) parameters, HBM-bound
  double bubble_fraction = 0;  // (pp - 1) / (v * micro_batches)
  int micro_batches = 0;

  double tokens_per_s = 0;    // global_batch x seq_len / step_time_s
  double model_flops = 0;     // per iteration, 3 x forward, attention without causal saving
  double hardware_flops = 0;  // per iteration including recompute (Megatron-LM's count)
  double mfu = 0;             // model_flops / (step x GPUs x peak at the config's precision)
  double tflops_per_gpu = 0;  // hardware_flops / step / GPUs / 1e12 ("TF/GPU" in Table 1)

  double dp_bytes_per_gpu = 0;            // bytes each GPU sends for gradient sync per step
  std::vector<double> dp_bytes_per_tier;  // of which across each tier of the DP placement
  TrainingMemory memory;                  // per GPU, most loaded stage
};

// One iteration; nullopt if check_training() rejects the configuration. A configuration that
// does not fit in memory still gets a time (memory.fits says so).
std::optional<TrainingStep> training_step(const Transformer& model, const Hardware& hw,
                                          const TrainingConfig& cfg,
                                          const Efficiency& eff = kEfficiency);

// Model FLOPs per iteration as papers count them: 3 passes (forward + 2x backward) over every
// weight matrix a token uses and over attention scores at full (non-causal) context.
double model_flops_per_step(const Transformer& model, int global_batch, int seq_len);

// The same plus what activation recompute executes again: the Megatron-LM Table 1 count,
// 96 B s l h^2 (1 + s/6h + V/16lh) for a GPT with full recompute.
double hardware_flops_per_step(const Transformer& model, int global_batch, int seq_len,
                               Recompute recompute);

}  // namespace sovsim::models
