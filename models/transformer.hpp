// models/transformer.hpp — a decoder-only transformer as the performance models see it: shapes
// (layers, hidden, heads, KV heads, FFN, vocabulary, MoE experts) and the counts derived from
// them (parameters, FLOPs per token, KV-cache bytes). The built-in catalog is
// models/catalog/models.yaml; a scenario can define an inline model with the same keys.
// Pure: no SimGrid, no I/O, no timing (that is training_step.hpp / inference.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "models/common/result.hpp"
#include "models/common/yaml_reader.hpp"

namespace sovsim::models {

struct Transformer {
  std::string name, description, source;
  int layers = 0;
  int hidden = 0;                // model width h
  int heads = 0;                 // query heads a
  int kv_heads = 0;              // key/value heads (< heads: grouped-query attention)
  int ffn_hidden = 0;            // FFN inner size, per expert for MoE
  int vocab = 0;                 // vocabulary V
  bool gated_ffn = false;        // SwiGLU (3 FFN matrices) instead of GeLU (2)
  bool biases = false;           // biases in linear layers (GPT-2/Megatron GPT yes, Llama no)
  bool tied_embeddings = false;  // output layer shares the input embedding
  int learned_positions = 0;     // learned absolute position embeddings (0 = rotary)
  int experts = 1;               // routed experts per layer (1 = dense)
  int active_experts = 1;        // experts each token is routed to (top-k)
  int max_context = 0;           // tokens the model was trained for (0 = unspecified)

  bool is_moe() const { return experts > 1; }
  int head_dim() const { return hidden / heads; }
  int kv_dim() const { return kv_heads * head_dim(); }

  // Weight-matrix parameters (no biases or norms) of one layer's attention block.
  double attention_matmul_params() const;
  // Weight-matrix parameters of one FFN (one expert), and the MoE router.
  double expert_matmul_params() const;
  double router_params() const;
  // Parameters of one layer: all experts (`active_only` = false) or the top-k a token uses.
  double layer_params(bool active_only) const;
  // Input embedding + output layer (once if tied) + learned positions + final norm.
  double embedding_params() const;
  double params() const;         // total, e.g. ~70.6e9 for Llama 2 70B
  double active_params() const;  // used per token (== params() for a dense model)
  double expert_params() const;  // the routed-expert share of params() (0 for dense)

  // Forward FLOPs per token of the weight matrices a token passes through, output layer
  // included (2 FLOPs per multiply-add; biases, norms and embedding lookup excluded).
  double forward_matmul_flops_per_token() const;
  // Forward attention-score FLOPs per token (QK^T and AV) against `context_tokens` keys, for all
  // layers. Counted without the causal saving, as Megatron-LM and PaLM count model FLOPs.
  double forward_attention_flops_per_token(double context_tokens) const;
  // Bytes of K and V cached per token over all layers at `bytes_per_element`.
  double kv_cache_bytes_per_token(double bytes_per_element) const;
};

// Reads one model from `m` (keys as in models.yaml) and checks its shape (hidden divisible by
// heads, heads by kv_heads, top-k <= experts). Errors go to m's context. Used by the catalog
// and by scenarios that define an inline model.
Transformer read_transformer(MapReader& m);

class TransformerCatalog {
 public:
  // The catalog compiled into the binary (models/catalog/models.yaml).
  static Result<TransformerCatalog> builtin();
  // Parses catalog text (`models:` list); `file_name` is what diagnostics name.
  static Result<TransformerCatalog> parse(const std::string& text, const std::string& file_name);

  const Transformer* find(std::string_view name) const;  // nullptr if absent (case-sensitive)
  std::vector<std::string> names() const;                // sorted
  const std::vector<Transformer>& all() const { return entries_; }  // in file order

 private:
  std::vector<Transformer> entries_;
};

}  // namespace sovsim::models
