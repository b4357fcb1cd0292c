// models/inference.cpp — the serving model of inference.hpp (docs/models.md, "Serving").
#include "models/inference.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "models/collectives.hpp"

namespace sovsim::models {
namespace {

constexpr double kActivationBytes = 2;  // bf16 activations between layers

// Weight bytes one step reads on one device: every dense weight, and the experts that at least
// one of the step's tokens is routed to (uniform routing: 1 - (1 - k/E)^tokens of them).
double weights_read_per_device(const Transformer& m, const InferenceConfig& cfg, double tokens) {
  const double bytes = weight_bytes_per_param(cfg.precision);
  const double expert = m.expert_params();
  const double touched =
      m.is_moe() ? 1.0 - std::pow(1.0 - static_cast<double>(m.active_experts) / m.experts, tokens)
                 : 0.0;
  return bytes * ((m.params() - expert) + expert * touched) / cfg.tp;
}

// K/V heads are split over TP ranks; with more ranks than KV heads they are replicated.
double kv_divisor(const Transformer& m, const InferenceConfig& cfg) {
  return std::min(cfg.tp, m.kv_heads);
}

double kv_bytes_per_token_per_device(const Transformer& m, const InferenceConfig& cfg) {
  return m.kv_cache_bytes_per_token(kv_bytes_per_element(cfg.precision)) / kv_divisor(m, cfg);
}

double tp_all_reduces_s(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                        double tokens, const Efficiency& eff) {
  if (cfg.tp <= 1 || tokens <= 0) return 0;
  // Two all-reduces per layer (after attention, after the FFN), Megatron-style TP.
  const Placement group = placement_for(hw, cfg.tp, 1);
  const double bytes = tokens * m.hidden * kActivationBytes;
  return 2.0 * m.layers *
         collective(CollectiveOp::kAllReduce, bytes, group, Algorithm::kBest, eff).time_s;
}

// Sequences of prompt + output tokens the replica's share of HBM holds beside its weights.
// Each is reserved at its full length, as TensorRT-LLM's default GUARANTEED_NO_EVICT does.
int kv_limited_batch(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                     const Efficiency& eff) {
  const double capacity = hw.hbm_bytes * eff.hbm_usable / cfg.colocate;
  const double weights = weight_bytes_per_param(cfg.precision) * m.params() / cfg.tp;
  const double per_sequence =
      (cfg.prompt_tokens + cfg.output_tokens) * kv_bytes_per_token_per_device(m, cfg);
  if (capacity <= weights || per_sequence <= 0) return 0;
  return static_cast<int>(std::min(1e9, std::floor((capacity - weights) / per_sequence)));
}

// Running sequences the token budget allows when each also brings its prompt's share.
int budget_limited_batch(const InferenceConfig& cfg) {
  const double per_sequence = 1.0 + static_cast<double>(cfg.prompt_tokens) / cfg.output_tokens;
  return std::max(1, static_cast<int>(std::floor(cfg.token_budget / per_sequence)));
}

InferencePoint point_at(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                        int max_batch, int batch, const Efficiency& eff) {
  InferencePoint p;
  p.max_batch = max_batch;
  p.token_budget = cfg.token_budget;
  p.budget_batch = budget_limited_batch(cfg);
  p.fits = max_batch >= 1;
  p.batch = batch;
  p.weights_bytes_per_device = weight_bytes_per_param(cfg.precision) * m.params() / cfg.tp;
  p.kv_bytes_per_sequence = (cfg.prompt_tokens + cfg.output_tokens) *
                            m.kv_cache_bytes_per_token(kv_bytes_per_element(cfg.precision));
  if (batch < 1) return p;
  const double context = cfg.prompt_tokens + cfg.output_tokens / 2.0;
  p.prefill_tokens_per_step = static_cast<double>(batch) * cfg.prompt_tokens / cfg.output_tokens;
  p.step = step_time(m, hw, cfg, batch, context, p.prefill_tokens_per_step, eff);
  p.tpot_s = p.step.total_s;
  // A newcomer waits half a step, then its prompt goes through in chunks of what the budget
  // leaves beside the decodes; a chunk step carries at least the steady prefill share.
  const double chunk = std::max(1.0, static_cast<double>(cfg.token_budget) - batch);
  const double chunks = std::ceil(cfg.prompt_tokens / chunk);
  const double chunk_tokens =
      std::max(p.prefill_tokens_per_step, std::min<double>(cfg.prompt_tokens, chunk));
  const double chunk_step_s = step_time(m, hw, cfg, batch, context, chunk_tokens, eff).total_s;
  p.ttft_s = 0.5 * p.tpot_s + chunks * chunk_step_s;
  p.output_tokens_per_s = batch / p.tpot_s;
  p.output_tokens_per_s_per_device = p.output_tokens_per_s * cfg.colocate / cfg.tp;
  p.requests_per_s = p.output_tokens_per_s / cfg.output_tokens;
  return p;
}

int largest_batch(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                  const Efficiency& eff) {
  const int kv = kv_limited_batch(m, hw, cfg, eff);
  if (kv < 1) return 0;
  int batch = std::min(kv, budget_limited_batch(cfg));
  if (cfg.batch > 0) batch = std::min(batch, cfg.batch);
  return batch;
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
  if (cfg.token_budget < 1 || cfg.colocate < 1) return "token_budget and colocate must be >= 1";
  return "";
}

StepBreakdown step_time(const Transformer& m, const Hardware& hw, const InferenceConfig& cfg,
                        double decode_seqs, double context_tokens, double prefill_tokens,
                        const Efficiency& eff) {
  const ServingEfficiency se = hw.serving(cfg.precision);
  const double bandwidth = hw.hbm_bw_bytes_per_s * se.hbm;
  const double tokens = decode_seqs + prefill_tokens;
  StepBreakdown s;
  s.weights_s = weights_read_per_device(m, cfg, tokens) / bandwidth;
  s.gemm_s = tokens * m.forward_matmul_flops_per_token() / cfg.tp /
             (hw.peak_flops(cfg.precision) * se.gemm);
  s.kv_s = decode_seqs * context_tokens * kv_bytes_per_token_per_device(m, cfg) / bandwidth;
  // Attention math in bf16; a prompt token attends to half the prompt on average (causal).
  const double attention_flops =
      decode_seqs * m.forward_attention_flops_per_token(context_tokens) +
      prefill_tokens * m.forward_attention_flops_per_token(0.5 * cfg.prompt_tokens);
  s.attention_s = attention_flops / cfg.tp / (hw.bf16_flops * se.gemm);
  s.comm_s = tp_all_reduces_s(m, hw, cfg, tokens, eff);
  s.overhead_s = se.step_overhead_s;
  // Co-located replicas take turns on the device: every roofline term is shared N ways, the
  // fixed overhead (launches, host work) overlaps with the neighbours' kernels.
  const double share = cfg.colocate;
  s.weights_s *= share, s.gemm_s *= share, s.kv_s *= share, s.attention_s *= share;
  s.comm_s *= share;
  s.total_s = std::max(s.weights_s, s.gemm_s) + std::max(s.kv_s, s.attention_s) + s.comm_s +
              s.overhead_s;
  return s;
}

std::optional<InferencePoint> inference_point(const Transformer& model, const Hardware& hw,
                                              const InferenceConfig& cfg, const Efficiency& eff) {
  if (!check_inference(model, hw, cfg).empty()) return std::nullopt;
  const int batch = largest_batch(model, hw, cfg, eff);
  return point_at(model, hw, cfg, kv_limited_batch(model, hw, cfg, eff), batch, eff);
}

std::optional<InferencePoint> serving_point(const Transformer& model, const Hardware& hw,
                                            const InferenceConfig& cfg, double requests_per_s,
                                            const Efficiency& eff) {
  if (!check_inference(model, hw, cfg).empty()) return std::nullopt;
  const int max_batch = kv_limited_batch(model, hw, cfg, eff);
  const int top_batch = largest_batch(model, hw, cfg, eff);
  if (top_batch < 1) return point_at(model, hw, cfg, max_batch, 0, eff);
  // Throughput grows with the batch: bisect for the smallest batch that carries the rate.
  InferencePoint top = point_at(model, hw, cfg, max_batch, top_batch, eff);
  if (top.requests_per_s < requests_per_s) {
    top.saturated = true;
    return top;
  }
  int lo = 1, hi = top_batch;
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
