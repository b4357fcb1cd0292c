// models/inference.hpp — LLM serving on one replica (tp devices of one scale-up domain): prefill
// is compute-bound, decode reads the weights and the KV cache every token (HBM-bound at the
// batch sizes that fit), continuous batching admits as many sequences as the KV cache holds.
// Gives tokens/s, TTFT and TPOT at a batch, or the smallest batch that sustains a request rate.
// Pure: no SimGrid, no queueing (the engine queues requests and sizes replicas to the load).
// Constants: models/efficiency.hpp only. Formulas and sources: docs/models.md.
#pragma once

#include <optional>
#include <string>

#include "models/efficiency.hpp"
#include "models/hardware.hpp"
#include "models/transformer.hpp"

namespace sovsim::models {

struct InferenceConfig {
  std::string precision = "bf16";  // weights and GEMMs: "bf16" | "fp8" | "fp4" (if hw has it)
  int tp = 1;                      // devices per replica, tensor parallel (<= scale-up domain)
  int prompt_tokens = 1024;        // input tokens per request
  int output_tokens = 256;         // generated tokens per request
  int batch = 0;                   // concurrent sequences; 0 = as many as the KV cache holds
};

// Bytes per weight and per cached K/V element at a precision. FP4 weights carry one FP8 scale
// per 16 values (NVFP4: 4.5 bits); KV caches stay FP8 with FP4 weights (TensorRT-LLM).
double weight_bytes_per_param(const std::string& precision);
double kv_bytes_per_element(const std::string& precision);

struct InferencePoint {
  int batch = 0;           // concurrent sequences used
  int max_batch = 0;       // KV-cache limit of the replica (0: the weights do not fit)
  bool fits = false;       // weights + one sequence's KV fit in the replica's HBM
  bool saturated = false;  // serving_point(): even max_batch cannot carry the rate
  double weights_bytes_per_device = 0;
  double kv_bytes_per_sequence = 0;  // prompt + output tokens, whole replica
  double prefill_s = 0;              // one prompt alone
  double decode_step_s = 0;          // one decode iteration of `batch` sequences
  double ttft_s = 0;                 // time to first token: half an iteration's wait + prefill
  double tpot_s = 0;                 // time per output token, prefill stalls of newcomers included
  double output_tokens_per_s = 0;    // per replica
  double output_tokens_per_s_per_device = 0;
  double requests_per_s = 0;  // per replica
};

// "" if `cfg` can serve `model` on `hw` (precision supported, tp divides heads and fits in the
// scale-up domain); otherwise why not. Capacity is not checked here: see InferencePoint::fits.
std::string check_inference(const Transformer& model, const Hardware& hw,
                            const InferenceConfig& cfg);

// Seconds to prefill `prompt_tokens` of one request on the replica.
double prefill_time_s(const Transformer& model, const Hardware& hw, const InferenceConfig& cfg,
                      double prompt_tokens, const Efficiency& eff = kEfficiency);

// Seconds of one decode iteration for `batch` sequences whose KV caches hold `context_tokens`
// each: max(HBM time of weights + KV, compute time) + TP all-reduces.
double decode_step_time_s(const Transformer& model, const Hardware& hw, const InferenceConfig& cfg,
                          int batch, double context_tokens, const Efficiency& eff = kEfficiency);

// Steady continuous batching at cfg.batch (or max_batch when 0): each iteration decodes one
// token per sequence and prefills the newcomers replacing finished sequences
// (batch / output_tokens prompts per iteration, as in vLLM without chunked prefill).
// nullopt if check_inference() rejects cfg.
std::optional<InferencePoint> inference_point(const Transformer& model, const Hardware& hw,
                                              const InferenceConfig& cfg,
                                              const Efficiency& eff = kEfficiency);

// The smallest batch whose throughput carries `requests_per_s` on one replica (lowest latency
// at that load); max_batch with saturated = true if none does. nullopt as above.
std::optional<InferencePoint> serving_point(const Transformer& model, const Hardware& hw,
                                            const InferenceConfig& cfg, double requests_per_s,
                                            const Efficiency& eff = kEfficiency);

}  // namespace sovsim::models
