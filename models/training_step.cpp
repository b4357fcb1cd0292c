// models/training_step.cpp — the iteration-time model (see training_step.hpp, docs/models.md).
#include "models/training_step.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

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

// Adds `count` runs of `c` to `total` (time and bytes per tier).
void add(CollectiveCost& total, const CollectiveCost& c, double count) {
  total.time_s += count * c.time_s;
  if (total.bytes_per_tier.size() < c.bytes_per_tier.size()) {
    total.bytes_per_tier.resize(c.bytes_per_tier.size(), 0.0);
  }
  for (size_t i = 0; i < c.bytes_per_tier.size(); ++i) total.bytes_per_tier[i] += count * c.bytes_per_tier[i];
}

// Data-parallel traffic of `params` (one stage's, per GPU) over `group` in one step:
// ZeRO-0 all-reduces the gradients once; ZeRO-1 reduce-scatters them once and all-gathers the
// updated bf16 weights once (an all-reduce's volume); ZeRO-2 keeps only its gradient shard, so
// each micro-batch's gradients are reduce-scattered (DeepSpeed stage 2); ZeRO-3 also gathers the
// weights before each micro-batch's forward and again before its backward (1.5x an all-reduce
// per micro-batch).
CollectiveCost dp_traffic(double params, const Placement& group, int zero_stage,
                          double micro_batches, const Efficiency& eff) {
  const double bytes = params * kGradBytesPerParam;  // bf16 gradients and bf16 weights alike
  CollectiveCost total;
  if (zero_stage == 0) {
    add(total, collective(CollectiveOp::kAllReduce, bytes, group, Algorithm::kBest, eff), 1);
    return total;
  }
  const CollectiveCost scatter =
      collective(CollectiveOp::kReduceScatter, bytes, group, Algorithm::kBest, eff);
  const CollectiveCost gather =
      collective(CollectiveOp::kAllGather, bytes, group, Algorithm::kBest, eff);
  if (zero_stage == 1) add(total, scatter, 1), add(total, gather, 1);
  if (zero_stage == 2) add(total, scatter, micro_batches), add(total, gather, 1);
  if (zero_stage >= 3) add(total, scatter, micro_batches), add(total, gather, 2 * micro_batches);
  return total;
}

}  // namespace

double model_flops_per_step(const Transformer& model, int global_batch, int seq_len) {
  const double tokens = static_cast<double>(global_batch) * seq_len;
  return 3.0 * tokens *
         (model.forward_matmul_flops_per_token() +
          0.5 * model.forward_attention_flops_per_token(seq_len));
}

double hardware_flops_per_step(const Transformer& model, int global_batch, int seq_len,
                               Recompute recompute, bool flash_attention) {
  const double tokens = static_cast<double>(global_batch) * seq_len;
  const double logits = 2.0 * static_cast<double>(model.vocab) * model.hidden;
  const double layers = model.forward_matmul_flops_per_token() - logits;
  // Without flash attention the masked half of the scores is computed and thrown away.
  const double attention =
      model.forward_attention_flops_per_token(seq_len) * (flash_attention ? 0.5 : 1.0);
  double per_token = 3.0 * (model.forward_matmul_flops_per_token() + attention);
  if (recompute == Recompute::kFull) per_token += layers + attention;
  if (recompute == Recompute::kSelective) per_token += attention;
  return tokens * per_token;
}

std::optional<TrainingStep> training_step(const Transformer& model, const Hardware& hw,
                                          const TrainingConfig& cfg, const Efficiency& eff) {
  if (!check_training(model, hw, cfg).empty()) return std::nullopt;
  const Parallelism& p = cfg.parallel;
  TrainingStep s;
  s.micro_batches = cfg.micro_batches();
  const double m = s.micro_batches;

  // Slowest stage: its layers, plus the output layer and loss on the last one.
  const LayerCost layer = layer_cost(model, hw, cfg, eff);
  const std::vector<int> layers_on = stage_layers(model, p, cfg.split);
  const double layer_s = layer.compute_s + layer.tp_s + layer.cp_s + layer.ep_s;
  auto stage_s = [&](int i) {
    return layers_on[i] * layer_s + (i == p.pp - 1 ? logits_s(model, hw, cfg, eff) : 0.0);
  };
  for (int i = 1; i < p.pp; ++i) {
    if (stage_s(i) > stage_s(s.slowest_stage) * (1 + 1e-12)) s.slowest_stage = i;
  }
  const int slow = s.slowest_stage;
  const double layers = layers_on[slow];
  const double stage_compute_s =
      layers * layer.compute_s + (slow == p.pp - 1 ? logits_s(model, hw, cfg, eff) : 0.0);
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

  // Data-parallel traffic over the DP x CP group (stride tp) of the stage holding the most
  // parameters (stages sync in parallel); experts over their own smaller group.
  const ParamsPerGpu params = params_per_gpu(model, cfg);
  const Placement dp_group =
      cfg.dp_placement ? *cfg.dp_placement : placement_for(hw, p.dp * p.cp, p.tp);
  CollectiveCost dp = dp_traffic(params.dense, dp_group, p.zero_stage, m, eff);
  if (params.expert > 0) {
    const Placement expert_group = placement_for(hw, p.dp * p.cp / p.ep, p.tp * p.ep);
    const CollectiveCost experts = dp_traffic(params.expert, expert_group, p.zero_stage, m, eff);
    dp.time_s += experts.time_s;
    for (size_t i = 0; i < dp.bytes_per_tier.size() && i < experts.bytes_per_tier.size(); ++i) {
      dp.bytes_per_tier[i] += experts.bytes_per_tier[i];
    }
  }
  s.dp_comm_s = dp.time_s;
  s.dp_bytes_per_tier = dp.bytes_per_tier;
  for (double b : s.dp_bytes_per_tier) s.dp_bytes_per_gpu += b;
  // dp_overlap of it hides behind compute (gradient reduce-scatters behind backward, ZeRO-3
  // gathers prefetched a layer ahead), but never more than the step's compute time.
  const double hidden_s = std::min(cfg.dp_overlap * s.dp_comm_s, s.compute_s);
  s.dp_exposed_s = s.dp_comm_s - hidden_s;

  // Adam reads and writes fp32 master, momentum, variance, reads the gradient and writes the
  // bf16 weight: ~28 B per parameter this GPU updates.
  const double shards = p.zero_stage >= 1 ? p.dp * p.cp : 1;
  s.optimizer_s = params.total() / shards * 28.0 / (hw.hbm_bw_bytes_per_s * eff.hbm);

  s.step_time_s = (m + bubble_slots) * per_micro_batch_s + s.dp_exposed_s + s.optimizer_s;

  const double gpus = p.gpus();
  s.tokens_per_s = static_cast<double>(cfg.global_batch) * cfg.seq_len / s.step_time_s;
  s.model_flops = model_flops_per_step(model, cfg.global_batch, cfg.seq_len);
  s.hardware_flops = hardware_flops_per_step(model, cfg.global_batch, cfg.seq_len, cfg.recompute,
                                             cfg.flash_attention);
  const double peak = hw.peak_flops(cfg.precision);
  s.mfu = s.model_flops / (s.step_time_s * gpus * peak);
  s.hfu = s.hardware_flops / (s.step_time_s * gpus * peak);
  s.tflops_per_gpu = s.model_flops / s.step_time_s / gpus / 1e12;
  s.hardware_tflops_per_gpu = s.hardware_flops / s.step_time_s / gpus / 1e12;
  s.memory = training_memory(model, hw, cfg, eff);
  return s;
}

}  // namespace sovsim::models
