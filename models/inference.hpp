// models/inference.hpp — LLM serving on one replica (tp devices of one scale-up domain) under
// continuous batching with chunked prefill, as vLLM and TensorRT-LLM run it: every engine step
// decodes one token for each running sequence and prefills a chunk of newcomers' prompts, up to
// a token budget. A step's time is the sum of its kernels, each a roofline: the linear layers
// (weight streaming vs GEMM FLOPs), attention (KV streaming vs attention FLOPs), the TP
// all-reduces and a fixed per-step overhead, with each hardware's fitted serving efficiency
// (Hardware::serving). Gives tokens/s, TTFT and TPOT at an operating point with the breakdown.
// Pure: no SimGrid, no queueing (the engine queues requests and sizes replicas to the load).
// Formulas, sources and the calibration: docs/models.md ("Serving").
#pragma once

#include <optional>
#include <string>

#include "models/efficiency.hpp"
#include "models/hardware.hpp"
#include "models/transformer.hpp"

namespace sovsim::models {

// TensorRT-LLM's default max_num_tokens: the tokens one engine step may carry.
inline constexpr int kDefaultTokenBudget = 8192;

struct InferenceConfig {
  std::string precision = "bf16";  // weights and GEMMs: "bf16" | "fp8" | "fp4" (if hw has it)
  int tp = 1;                      // devices per replica, tensor parallel (<= scale-up domain)
  int prompt_tokens = 1024;        // input tokens per request
  int output_tokens = 256;         // generated tokens per request
  int batch = 0;                   // cap on running sequences; 0 = as many as the KV cache holds
  int token_budget = kDefaultTokenBudget;  // tokens per step (decodes + prefill chunks)
  int colocate = 1;  // replicas sharing each device (HBM split, bandwidth and compute shared)
};

// Bytes per weight and per cached K/V element at a precision. FP4 weights carry one FP8 scale
// per 16 values (NVFP4: 4.5 bits); KV caches stay FP8 with FP4 weights (TensorRT-LLM).
double weight_bytes_per_param(const std::string& precision);
double kv_bytes_per_element(const std::string& precision);

// One engine step of a replica, in seconds per term. The linear layers take
// max(weights_s, gemm_s) (one kernel either streams or computes), attention max(kv_s,
// attention_s); the step is linear + attention + comm_s + overhead_s.
struct StepBreakdown {
  double weights_s = 0;    // weight streaming from HBM (experts touched, for MoE)
  double gemm_s = 0;       // linear-layer FLOPs of every token in the step
  double kv_s = 0;         // KV-cache streaming of the decoding sequences
  double attention_s = 0;  // attention FLOPs (decode and the prefill chunks, causal)
  double comm_s = 0;       // TP all-reduces, two per layer
  double overhead_s = 0;   // fixed per-step cost (Hardware::serving().step_overhead_s)
  double total_s = 0;      // the step
};

struct InferencePoint {
  int batch = 0;           // sequences decoding per step (running sequences)
  int max_batch = 0;       // KV-cache limit of the replica (0: the weights do not fit)
  int token_budget = 0;    // tokens per step allowed
  int budget_batch = 0;    // sequences the token budget allows with their prefill share
  bool fits = false;       // weights + one sequence's KV fit in the replica's HBM share
  bool saturated = false;  // serving_point(): even the largest batch cannot carry the rate
  double weights_bytes_per_device = 0;
  double kv_bytes_per_sequence = 0;  // prompt + output tokens, whole replica
  double prefill_tokens_per_step = 0;
  StepBreakdown step;                // the steady step (its time is the TPOT)
  double ttft_s = 0;                 // time to first token: half a step + the prompt's chunks
  double tpot_s = 0;                 // time per output token
  double output_tokens_per_s = 0;    // per replica
  double output_tokens_per_s_per_device = 0;  // all co-located replicas of a device together
  double requests_per_s = 0;                  // per replica
};

// "" if `cfg` can serve `model` on `hw` (precision supported, tp divides heads and fits in the
// scale-up domain); otherwise why not. Capacity is not checked here: see InferencePoint::fits.
std::string check_inference(const Transformer& model, const Hardware& hw,
                            const InferenceConfig& cfg);

// One step decoding `decode_seqs` sequences whose KV caches hold `context_tokens` each, and
// prefilling `prefill_tokens` prompt tokens of prompts `prompt_tokens` long.
StepBreakdown step_time(const Transformer& model, const Hardware& hw, const InferenceConfig& cfg,
                        double decode_seqs, double context_tokens, double prefill_tokens,
                        const Efficiency& eff = kEfficiency);

// Steady continuous batching at cfg.batch running sequences (max_batch when 0, both capped by
// the token budget): each step decodes one token per sequence and prefills the prompts of the
// newcomers replacing finished ones (batch x prompt / output tokens per step). nullopt if
// check_inference() rejects cfg.
std::optional<InferencePoint> inference_point(const Transformer& model, const Hardware& hw,
                                              const InferenceConfig& cfg,
                                              const Efficiency& eff = kEfficiency);

// The smallest batch whose throughput carries `requests_per_s` on one replica (lowest latency
// at that load); the largest batch with saturated = true if none does. nullopt as above.
std::optional<InferencePoint> serving_point(const Transformer& model, const Hardware& hw,
                                            const InferenceConfig& cfg, double requests_per_s,
                                            const Efficiency& eff = kEfficiency);

}  // namespace sovsim::models
