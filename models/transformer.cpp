// models/transformer.cpp — parameter and FLOP counts, and parsing of the model catalog.
#include "models/transformer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "models/common/embedded_catalog.hpp"

namespace sovsim::models {

double Transformer::attention_matmul_params() const {
  const double h = hidden;
  return 2.0 * h * h + 2.0 * h * kv_dim();  // Q and output projection h x h; K and V h x kv_dim
}

double Transformer::expert_matmul_params() const {
  return (gated_ffn ? 3.0 : 2.0) * hidden * static_cast<double>(ffn_hidden);
}

double Transformer::router_params() const {
  return is_moe() ? static_cast<double>(hidden) * experts : 0.0;
}

double Transformer::layer_params(bool active_only) const {
  const double h = hidden;
  const int n_experts = active_only ? active_experts : experts;
  double p = attention_matmul_params() + n_experts * expert_matmul_params() + router_params();
  p += 2.0 * h * (biases ? 2.0 : 1.0);  // two norms: weight (and bias for LayerNorm)
  if (biases) {
    p += h + 2.0 * kv_dim() + h;                                  // QKV and projection
    p += n_experts * ((gated_ffn ? 2.0 : 1.0) * ffn_hidden + h);  // FFN in and out
  }
  return p;
}

double Transformer::embedding_params() const {
  const double h = hidden;
  return static_cast<double>(vocab) * h * (tied_embeddings ? 1.0 : 2.0) +
         static_cast<double>(learned_positions) * h + h * (biases ? 2.0 : 1.0);
}

double Transformer::params() const { return layers * layer_params(false) + embedding_params(); }

double Transformer::active_params() const {
  return layers * layer_params(true) + embedding_params();
}

double Transformer::expert_params() const {
  if (!is_moe()) return 0;
  return static_cast<double>(layers) * experts *
         (expert_matmul_params() + (biases ? (gated_ffn ? 2.0 : 1.0) * ffn_hidden + hidden : 0.0));
}

double Transformer::forward_matmul_flops_per_token() const {
  const double per_layer =
      attention_matmul_params() + active_experts * expert_matmul_params() + router_params();
  return 2.0 * (layers * per_layer + static_cast<double>(vocab) * hidden);
}

double Transformer::forward_attention_flops_per_token(double context_tokens) const {
  // QK^T: 2 * context * head_dim * heads; AV the same: 4 * context * h per layer.
  return 4.0 * context_tokens * hidden * layers;
}

double Transformer::kv_cache_bytes_per_token(double bytes_per_element) const {
  return 2.0 * layers * kv_dim() * bytes_per_element;
}

Transformer read_transformer(MapReader& m) {
  Transformer t;
  const YamlContext& ctx = m.context();
  t.name = m.require_string("name");
  if (m.has("name") && t.name.empty()) ctx.error(m.raw("name"), m.key_path("name"), "empty name");
  t.description = m.string("description", "");
  t.source = m.string("source", "");
  t.layers = static_cast<int>(m.require_integer("layers", 1, 10000));
  t.hidden = static_cast<int>(m.require_integer("hidden", 1, 1 << 20));
  t.heads = static_cast<int>(m.require_integer("heads", 1, 1 << 16));
  t.kv_heads = static_cast<int>(m.integer("kv_heads", t.heads, 1, 1 << 16));
  t.ffn_hidden = static_cast<int>(m.integer("ffn_hidden", 4LL * t.hidden, 1, 1 << 24));
  t.vocab = static_cast<int>(m.require_integer("vocab", 1, 1 << 24));
  t.gated_ffn = m.boolean("gated_ffn", false);
  t.biases = m.boolean("biases", false);
  t.tied_embeddings = m.boolean("tied_embeddings", false);
  t.learned_positions = static_cast<int>(m.integer("learned_positions", 0, 0, 1 << 24));
  t.experts = static_cast<int>(m.integer("experts", 1, 1, 1 << 16));
  t.active_experts = static_cast<int>(m.integer("active_experts", 1, 1, 1 << 16));
  t.max_context = static_cast<int>(m.integer("max_context", 0, 0, 1 << 30));
  if (t.heads > 0 && t.hidden % t.heads != 0) {
    ctx.error(m.raw("heads"), m.key_path("heads"),
              fmt::format("hidden {} is not divisible by heads {}", t.hidden, t.heads));
  }
  if (t.kv_heads > 0 && (t.kv_heads > t.heads || t.heads % t.kv_heads != 0)) {
    ctx.error(m.raw("kv_heads"), m.key_path("kv_heads"),
              fmt::format("heads {} must be a multiple of kv_heads {}", t.heads, t.kv_heads));
  }
  if (t.active_experts > t.experts) {
    ctx.error(m.raw("active_experts"), m.key_path("active_experts"),
              fmt::format("active_experts {} exceeds experts {}", t.active_experts, t.experts));
  }
  m.finish();
  return t;
}

Result<TransformerCatalog> TransformerCatalog::builtin() {
  return parse(std::string(embedded_catalog("models.yaml")), "models/catalog/models.yaml");
}

Result<TransformerCatalog> TransformerCatalog::parse(const std::string& text,
                                                     const std::string& file_name) {
  Diagnostics diagnostics;
  YamlContext ctx{file_name, &diagnostics};
  YAML::Node root = parse_yaml(text, ctx);
  if (!diagnostics.empty()) return diagnostics;
  MapReader top(root, "", ctx, YAML::Mark());
  TransformerCatalog out;
  std::map<std::string, int> first_line;
  for (const auto& [node, path] : top.list("models", /*required=*/true)) {
    MapReader m(node, path, ctx);
    Transformer t = read_transformer(m);
    if (t.name.empty()) continue;
    const YAML::Node name_node = m.raw("name");
    auto [it, added] = first_line.emplace(t.name, name_node.Mark().line + 1);
    if (!added) {
      ctx.error(
          name_node, path + ".name",
          fmt::format("duplicate model name '{}' (first defined at line {})", t.name, it->second));
      continue;
    }
    out.entries_.push_back(std::move(t));
  }
  top.finish();
  if (!diagnostics.empty()) return diagnostics;
  return out;
}

const Transformer* TransformerCatalog::find(std::string_view name) const {
  for (const auto& t : entries_) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::vector<std::string> TransformerCatalog::names() const {
  std::vector<std::string> out;
  for (const auto& t : entries_) out.push_back(t.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sovsim::models
