// models/training_step.cpp — the iteration-time model (see training_step.hpp, docs/models.md).
#include "models/training_step.hpp"

#include <algorithm>
#include <cmath>

namespace sovsim::models {
namespace {

constexpr double kActivationBytes = 2;  // bf16 activations (FP8 recipes keep them in bf16 too)

// HBM bytes the non-GEMM kernels of one layer's forward move per token, per GPU. Counted for
// Megatron-LM's fused kernels (2-byte tensors): LayerNorm read+write 4h twice, bias-dropout-add
// 7h twice (two reads, a write, a 1-byte mask) = 22h, replicated over TP unless sequence
// parallel; bias-GeLU reads and writes the FFN activation (4 x ffn bytes, 6 x ffn for SwiGLU);
// without flash attention, scale-mask-softmax (4 B) and dropout (5 B) per attention score.
double layer_hbm_bytes_per_token(const Transformer& m, const TrainingConfig& cfg) {
  const Parallelism& p = cfg.parallel;
  const double h = m.hidden;
  const double replicated = 22.0 * h / (p.sequence_parallel ? p.tp : 1);
  const double ffn = (m.gated_ffn ? 6.0 : 4.0) * m.ffn_hidden * m.active_experts / p.tp;
  const double moe = m.is_moe() ? 8.0 * h * m.active_experts / p.tp : 0.0;  // permute/unpermute
  const double scores = cfg.flash_attention ? 0.0 : 9.0 * m.heads * cfg.seq_len / p.tp;
  return replicated + ffn + moe + scores;
}

struct LayerCost {
  double forward_s = 0;    // GEMMs + attention + memory-bound kernels of one forward pass
  double attention_s = 0;  // the attention core alone (what selective recompute repeats)
  double tp_s = 0, cp_s = 0, ep_s = 0;  // per micro-batch, whole layer (fwd + bwd + recompute)
  double compute_s = 0;                 // per micro-batch, whole layer
};

LayerCost layer_cost(const Transformer& m, const Hardware& hw, const TrainingConfig& cfg,
                     const Efficiency& eff) {
  const Parallelism& p = cfg.parallel;
  const double tokens = static_cast<double>(p.micro_batch) * cfg.seq_len / p.cp;
  const double gemm_flops_per_s = hw.peak_flops(cfg.precision) * eff.matmul;
  // Attention batched GEMMs run in bf16 even in FP8 recipes (Transformer Engine).
  const double attn_flops_per_s = hw.bf16_flops * eff.matmul;
  const double hbm_bytes_per_s = hw.hbm_bw_bytes_per_s * eff.hbm;

  const double linear_flops = 2.0 * tokens *
                              (m.attention_matmul_params() +
                               m.active_experts * m.expert_matmul_params() + m.router_params()) /
                              p.tp;
  // Queries of this rank against the whole sequence; flash attention skips masked blocks.
  const double attn_flops =
      4.0 * tokens * cfg.seq_len * m.hidden / p.tp * (cfg.flash_attention ? 0.5 : 1.0);
  const double hbm_bytes = tokens * layer_hbm_bytes_per_token(m, cfg);
  const double score_bytes =
      cfg.flash_attention ? 0.0 : tokens * 9.0 * m.heads * cfg.seq_len / p.tp;

  LayerCost c;
  c.attention_s = attn_flops / attn_flops_per_s + score_bytes / hbm_bytes_per_s;
  c.forward_s =
      linear_flops / gemm_flops_per_s + attn_flops / attn_flops_per_s + hbm_bytes / hbm_bytes_per_s;
  double recompute_s = 0, forward_collectives = 2;
  if (cfg.recompute == Recompute::kFull) recompute_s = c.forward_s, forward_collectives = 3;
  if (cfg.recompute == Recompute::kSelective) recompute_s = c.attention_s;
  c.compute_s = 3.0 * c.forward_s + recompute_s;  // backward = 2 x forward

  // TP: 2 all-reduces of the layer output in forward, 2 in backward, 2 more when the forward is
  // recomputed (Narayanan et al. SC'21 Sec. 3.3; RS + AG under sequence parallel cost the same).
  const double act_bytes = tokens * m.hidden * kActivationBytes;
  const Placement tp_group = placement_for(hw, p.tp, 1);
  c.tp_s = 2.0 * forward_collectives *
           collective(CollectiveOp::kAllReduce, act_bytes, tp_group, Algorithm::kBest, eff).time_s;

  // CP (ring attention): K and V of the other cp-1 chunks flow past each rank, overlapped with
  // the attention core; backward moves them and their gradients.
  if (p.cp > 1) {
    const double kv_bytes = tokens * 2.0 * m.kv_dim() / p.tp * kActivationBytes;
    const Placement cp_group = placement_for(hw, p.cp, p.tp);
    const double pass_s =
        collective(CollectiveOp::kAllGather, kv_bytes * p.cp, cp_group, Algorithm::kRing, eff)
            .time_s;
    const double attn_core_s = attn_flops / attn_flops_per_s;
    c.cp_s = std::max(0.0, pass_s - attn_core_s) * (forward_collectives / 2.0) +
             std::max(0.0, 2.0 * pass_s - 2.0 * attn_core_s);
  }
  // EP: dispatch and combine all-to-all of each token's top-k copies, forward and backward.
  if (p.ep > 1) {
    const Placement ep_group = placement_for(hw, p.ep, p.tp * p.cp);
    const double bytes = act_bytes * m.active_experts / p.tp;
    c.ep_s = 2.0 * forward_collectives *
             collective(CollectiveOp::kAllToAll, bytes, ep_group, Algorithm::kBest, eff).time_s;
  }
  return c;
}

// Output layer + cross-entropy of one micro-batch on the last stage: 3 GEMM passes (never
// recomputed) and ~8 B per logit of softmax/loss traffic per pass.
double logits_s(const Transformer& m, const Hardware& hw, const TrainingConfig& cfg,
                const Efficiency& eff) {
  const Parallelism& p = cfg.parallel;
  const double tokens = static_cast<double>(p.micro_batch) * cfg.seq_len / p.cp;
  const double flops = 2.0 * tokens * m.hidden * static_cast<double>(m.vocab) / p.tp;
  const double bytes = 8.0 * tokens * m.vocab / p.tp;
  return 3.0 * (flops / (hw.bf16_flops * eff.matmul) + bytes / (hw.hbm_bw_bytes_per_s * eff.hbm));
}

}  // namespace

double model_flops_per_step(const Transformer& model, int global_batch, int seq_len) {
  const double tokens = static_cast<double>(global_batch) * seq_len;
  return 3.0 * tokens *
         (model.forward_matmul_flops_per_token() +
          model.forward_attention_flops_per_token(seq_len));
}

double hardware_flops_per_step(const Transformer& model, int global_batch, int seq_len,
                               Recompute recompute) {
  const double tokens = static_cast<double>(global_batch) * seq_len;
  const double logits = 2.0 * static_cast<double>(model.vocab) * model.hidden;
  const double layers = model.forward_matmul_flops_per_token() - logits;
  const double attention = model.forward_attention_flops_per_token(seq_len);
  double extra = 0;
  if (recompute == Recompute::kFull) extra = layers + attention;
  if (recompute == Recompute::kSelective) extra = attention;
  return model_flops_per_step(model, global_batch, seq_len) + tokens * extra;
}

std::optional<TrainingStep> training_step(const Transformer& model, const Hardware& hw,
                                          const TrainingConfig& cfg, const Efficiency& eff) {
  if (!check_training(model, hw, cfg).empty()) return std::nullopt;
  const Parallelism& p = cfg.parallel;
  TrainingStep s;
  s.micro_batches = cfg.micro_batches();
  const double m = s.micro_batches;

  // Slowest stage: the one with ceil(l / pp) layers and the output layer.
  const LayerCost layer = layer_cost(model, hw, cfg, eff);
  const double layers = (model.layers + p.pp - 1) / p.pp;
  const double stage_compute_s = layers * layer.compute_s + logits_s(model, hw, cfg, eff);
  const double stage_comm_s = layers * (layer.tp_s + layer.cp_s + layer.ep_s);
  double p2p_s = 0;  // per micro-batch: v sends forward and v backward (scatter-gather over TP)
  if (p.pp > 1) {
    const double tokens = static_cast<double>(p.micro_batch) * cfg.seq_len / p.cp;
    const double bytes = tokens * model.hidden * kActivationBytes / p.tp;
    p2p_s = 2.0 * p.virtual_stages * p2p_time_s(bytes, hop_tier(hw, p.tp * p.cp * p.dp), eff);
  }
  const double per_micro_batch_s = stage_compute_s + stage_comm_s + p2p_s;
  const double bubble_slots = (p.pp - 1.0) / p.virtual_stages;  // 1F1B fill and drain
  s.bubble_fraction = bubble_slots / m;
  s.compute_s = m * stage_compute_s;
  s.tp_comm_s = m * layers * layer.tp_s;
  s.cp_comm_s = m * layers * layer.cp_s;
  s.ep_comm_s = m * layers * layer.ep_s;
  s.pp_p2p_s = m * p2p_s;
  s.pp_bubble_s = bubble_slots * per_micro_batch_s;

  // Gradient sync over the DP x CP group (stride tp); experts over their own smaller group.
  // ZeRO 1-2 reduce-scatter gradients and all-gather parameters (an all-reduce's volume);
  // ZeRO-3 all-gathers parameters again for backward (1.5x).
  const ParamsPerGpu params = params_per_gpu(model, cfg);
  const Placement dp_group =
      cfg.dp_placement ? *cfg.dp_placement : placement_for(hw, p.dp * p.cp, p.tp);
  const double volume = p.zero_stage >= 3 ? 1.5 : 1.0;
  CollectiveCost dense =
      collective(CollectiveOp::kAllReduce, params.dense * kGradBytesPerParam * volume, dp_group,
                 Algorithm::kBest, eff);
  s.dp_comm_s = dense.time_s;
  s.dp_bytes_per_tier = dense.bytes_per_tier;
  if (params.expert > 0) {
    const Placement expert_group = placement_for(hw, p.dp * p.cp / p.ep, p.tp * p.ep);
    CollectiveCost experts =
        collective(CollectiveOp::kAllReduce, params.expert * kGradBytesPerParam * volume,
                   expert_group, Algorithm::kBest, eff);
    s.dp_comm_s += experts.time_s;
    for (size_t i = 0; i < s.dp_bytes_per_tier.size() && i < experts.bytes_per_tier.size(); ++i) {
      s.dp_bytes_per_tier[i] += experts.bytes_per_tier[i];
    }
  }
  for (double b : s.dp_bytes_per_tier) s.dp_bytes_per_gpu += b;
  s.dp_exposed_s = (1.0 - cfg.dp_overlap) * s.dp_comm_s;

  // Adam reads and writes fp32 master, momentum, variance, reads the gradient and writes the
  // bf16 weight: ~28 B per parameter this GPU updates.
  const double shards = p.zero_stage >= 1 ? p.dp * p.cp : 1;
  s.optimizer_s = params.total() / shards * 28.0 / (hw.hbm_bw_bytes_per_s * eff.hbm);

  s.step_time_s = (m + bubble_slots) * per_micro_batch_s + s.dp_exposed_s + s.optimizer_s;

  const double gpus = p.gpus();
  s.tokens_per_s = static_cast<double>(cfg.global_batch) * cfg.seq_len / s.step_time_s;
  s.model_flops = model_flops_per_step(model, cfg.global_batch, cfg.seq_len);
  s.hardware_flops = hardware_flops_per_step(model, cfg.global_batch, cfg.seq_len, cfg.recompute);
  s.mfu = s.model_flops / (s.step_time_s * gpus * hw.peak_flops(cfg.precision));
  s.tflops_per_gpu = s.hardware_flops / s.step_time_s / gpus / 1e12;
  s.memory = training_memory(model, hw, cfg, eff);
  return s;
}

}  // namespace sovsim::models
