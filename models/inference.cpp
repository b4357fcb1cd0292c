// models/inference.cpp — roofline serving model (see inference.hpp, docs/models.md).
#include "models/inference.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "models/collectives.hpp"

namespace sovsim::models {
namespace {

constexpr double kActivationBytes = 2;  // bf16 activations between layers

// Weight bytes one decode step reads on one device: every dense weight, and the experts that at
// least one of the batch's tokens is routed to (uniform routing: 1 - (1 - k/E)^batch of them).
double weights_read_per_device(const Transformer& m, const InferenceConfig& cfg, int batch) {
  const double bytes = weight_bytes_per_param(cfg.precision);
  const double expert = m.expert_params();
  const double touched =
      m.is_moe() ? 1.0 - std::pow(1.0 - static_cast<double>(m.active_experts) / m.experts, batch)
                 : 0.0;
  return bytes * ((m.params() - expert) + expert * touched) / cfg.tp;
}

// K/V heads are split over TP ranks; with more ranks than KV heads they are replicated.
double kv_divisor(const Transformer& m, const InferenceConfig& cfg) {
  return std::min(cfg.tp, m.kv_heads);
}

double tp_all_reduces_s(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                        double tokens, const Efficiency& eff) {
  if (cfg.tp <= 1) return 0;
  // Two all-reduces per layer (after attention, after the FFN), Megatron-style TP.
  const Placement group = placement_for(hw, cfg.tp, 1);
  const double bytes = tokens * m.hidden * kActivationBytes;
  return 2.0 * m.layers *
         collective(CollectiveOp::kAllReduce, bytes, group, Algorithm::kBest, eff).time_s;
}

InferencePoint point_at(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                        int max_batch, int batch, const Efficiency& eff) {
  InferencePoint p;
  p.max_batch = max_batch;
  p.fits = max_batch >= 1;
  p.batch = batch;
  p.weights_bytes_per_device = weight_bytes_per_param(cfg.precision) * m.params() / cfg.tp;
  p.kv_bytes_per_sequence = (cfg.prompt_tokens + cfg.output_tokens) *
                            m.kv_cache_bytes_per_token(kv_bytes_per_element(cfg.precision));
  if (batch < 1) return p;
  const double mean_context = cfg.prompt_tokens + cfg.output_tokens / 2.0;
  p.prefill_s = prefill_time_s(m, hw, cfg, cfg.prompt_tokens, eff);
  p.decode_step_s = decode_step_time_s(m, hw, cfg, batch, mean_context, eff);
  const double admitted_per_iteration = static_cast<double>(batch) / cfg.output_tokens;
  p.tpot_s = p.decode_step_s + admitted_per_iteration * p.prefill_s;
  p.ttft_s = 0.5 * p.tpot_s + p.prefill_s;
  p.output_tokens_per_s = batch / p.tpot_s;
  p.output_tokens_per_s_per_device = p.output_tokens_per_s / cfg.tp;
  p.requests_per_s = p.output_tokens_per_s / cfg.output_tokens;
  return p;
}

int kv_limited_batch(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                     const Efficiency& eff) {
  const double capacity = hw.hbm_bytes * eff.hbm_usable * cfg.tp;
  const double weights = weight_bytes_per_param(cfg.precision) * m.params();
  // Replicated KV heads (tp > kv_heads) cost tp / kv_heads times the memory.
  const double replication = static_cast<double>(cfg.tp) / kv_divisor(m, cfg);
  const double per_sequence = (cfg.prompt_tokens + cfg.output_tokens) * replication *
                              m.kv_cache_bytes_per_token(kv_bytes_per_element(cfg.precision));
  if (capacity <= weights || per_sequence <= 0) return 0;
  return static_cast<int>(std::min(1e9, std::floor((capacity - weights) / per_sequence)));
}

}  // namespace

double weight_bytes_per_param(const std::string& precision) {
  if (precision == "fp8") return 1.0;
  if (precision == "fp4") return 0.5625;  // 4 bits + an 8-bit scale per 16 values
  return 2.0;
}

double kv_bytes_per_element(const std::string& precision) {
  return precision == "bf16" ? 2.0 : 1.0;
}

std::string check_inference(const Transformer& model, const Hardware& hw,
                            const InferenceConfig& cfg) {
  if (hw.peak_flops(cfg.precision) <= 0) {
    return fmt::format("{} has no {} support", hw.name, cfg.precision);
  }
  if (cfg.tp < 1 || model.heads % cfg.tp != 0) {
    return fmt::format("tp {} does not divide {} attention heads", cfg.tp, model.heads);
  }
  if (cfg.tp > hw.scaleup_domain) {
    return fmt::format("tp {} exceeds the scale-up domain of {} ({} devices)", cfg.tp, hw.name,
                       hw.scaleup_domain);
  }
  if (cfg.prompt_tokens < 1 || cfg.output_tokens < 1 || cfg.batch < 0) {
    return "prompt_tokens and output_tokens must be >= 1, batch >= 0";
  }
  return "";
}

double prefill_time_s(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                      double prompt_tokens, const Efficiency& eff) {
  const double linear = prompt_tokens * m.forward_matmul_flops_per_token() / cfg.tp;
  // Causal attention with a fused kernel: half of the full P x P score work.
  const double attention =
      0.5 * prompt_tokens * m.forward_attention_flops_per_token(prompt_tokens) / cfg.tp;
  const double compute_s = linear / (hw.peak_flops(cfg.precision) * eff.matmul) +
                           attention / (hw.bf16_flops * eff.matmul);
  const double memory_s = weights_read_per_device(m, cfg, static_cast<int>(prompt_tokens)) /
                          (hw.hbm_bw_bytes_per_s * eff.hbm);
  return std::max(compute_s, memory_s) + tp_all_reduces_s(m, hw, cfg, prompt_tokens, eff);
}

double decode_step_time_s(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                          int batch, double context_tokens, const Efficiency& eff) {
  const double kv_bytes = static_cast<double>(batch) * context_tokens *
                          m.kv_cache_bytes_per_token(kv_bytes_per_element(cfg.precision)) /
                          kv_divisor(m, cfg);
  const double memory_s =
      (weights_read_per_device(m, cfg, batch) + kv_bytes) / (hw.hbm_bw_bytes_per_s * eff.hbm);
  const double linear = batch * m.forward_matmul_flops_per_token() / cfg.tp;
  const double attention = batch * m.forward_attention_flops_per_token(context_tokens) / cfg.tp;
  const double compute_s = linear / (hw.peak_flops(cfg.precision) * eff.matmul) +
                           attention / (hw.bf16_flops * eff.matmul);
  return std::max(memory_s, compute_s) + tp_all_reduces_s(m, hw, cfg, batch, eff);
}

std::optional<InferencePoint> inference_point(const Transformer& model, const Hardware& hw,
                                              const InferenceConfig& cfg, const Efficiency& eff) {
  if (!check_inference(model, hw, cfg).empty()) return std::nullopt;
  const int max_batch = kv_limited_batch(model, hw, cfg, eff);
  const int batch = cfg.batch > 0 ? std::min(cfg.batch, max_batch) : max_batch;
  return point_at(model, hw, cfg, max_batch, batch, eff);
}

std::optional<InferencePoint> serving_point(const Transformer& model, const Hardware& hw,
                                            const InferenceConfig& cfg, double requests_per_s,
                                            const Efficiency& eff) {
  if (!check_inference(model, hw, cfg).empty()) return std::nullopt;
  const int max_batch = kv_limited_batch(model, hw, cfg, eff);
  if (max_batch < 1) return point_at(model, hw, cfg, max_batch, 0, eff);
  // Throughput grows with the batch: bisect for the smallest batch that carries the rate.
  InferencePoint top = point_at(model, hw, cfg, max_batch, max_batch, eff);
  if (top.requests_per_s < requests_per_s) {
    top.saturated = true;
    return top;
  }
  int lo = 1, hi = max_batch;
  while (lo < hi) {
    const int mid = lo + (hi - lo) / 2;
    if (point_at(model, hw, cfg, max_batch, mid, eff).requests_per_s >= requests_per_s) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return point_at(model, hw, cfg, max_batch, lo, eff);
}

}  // namespace sovsim::models
