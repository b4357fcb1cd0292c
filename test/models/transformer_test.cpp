// test/models/transformer_test.cpp — the model catalog loads, parameter and KV-cache counts
// match the published model cards, and a wrong inline model gets positioned diagnostics.
#include "models/transformer.hpp"

#include <gtest/gtest.h>

namespace sovsim::models {
namespace {

const TransformerCatalog& builtin() {
  static const TransformerCatalog catalog = [] {
    auto r = TransformerCatalog::builtin();
    for (const auto& d : r.diagnostics()) ADD_FAILURE() << d.to_string();
    return r.ok() ? r.value() : TransformerCatalog();
  }();
  return catalog;
}

const Transformer& model(const char* name) {
  const Transformer* t = builtin().find(name);
  EXPECT_NE(t, nullptr) << name;
  static const Transformer empty;
  return t ? *t : empty;
}

TEST(TransformerCatalog, BuiltinHasTheRequiredFamilies) {
  for (const char* name :
       {"megatron-gpt-1.7b", "megatron-gpt-1t", "hyperclova-x-like-82b", "llama2-70b", "llama3-8b",
        "llama3-70b", "llama3-405b", "mixtral-8x7b"}) {
    EXPECT_NE(builtin().find(name), nullptr) << name;
  }
  auto names = builtin().names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end()) << "unique names";
}

TEST(Transformer, ParameterCountsMatchModelCards) {
  // Hugging Face model cards / config-derived counts; tolerance 0.5%.
  EXPECT_NEAR(model("llama2-70b").params() / 1e9, 68.98, 0.35);
  EXPECT_NEAR(model("llama3-8b").params() / 1e9, 8.03, 0.04);
  EXPECT_NEAR(model("llama3-70b").params() / 1e9, 70.55, 0.35);
  EXPECT_NEAR(model("llama3-405b").params() / 1e9, 405.8, 2.0);
  EXPECT_NEAR(model("gpt3-175b").params() / 1e9, 175.0, 0.9);
  // Mixtral paper: 46.7B total, 12.9B active per token.
  EXPECT_NEAR(model("mixtral-8x7b").params() / 1e9, 46.7, 0.25);
  EXPECT_NEAR(model("mixtral-8x7b").active_params() / 1e9, 12.9, 0.1);
  EXPECT_DOUBLE_EQ(model("llama3-8b").expert_params(), 0);
}

TEST(Transformer, MegatronRowsMatchTheirPublishedSize) {
  // Table 1 sizes are rounded; the paper's own formula 12lh^2(1 + 13/12h + (V+s)/12lh) gives
  // exactly what our count gives.
  for (const auto& [name, billions] :
       std::vector<std::pair<const char*, double>>{{"megatron-gpt-1.7b", 1.7},
                                                   {"megatron-gpt-18.4b", 18.4},
                                                   {"megatron-gpt-145.6b", 145.6},
                                                   {"megatron-gpt-1t", 1008.0}}) {
    const Transformer& t = model(name);
    const double l = t.layers, h = t.hidden, V = t.vocab, s = 2048;
    const double paper = 12 * l * h * h * (1 + 13 / (12 * h) + (V + s) / (12 * l * h));
    EXPECT_NEAR(t.params() / paper, 1.0, 1e-4) << name;
    EXPECT_NEAR(t.params() / 1e9, billions, 0.035 * billions) << name;
  }
}

TEST(Transformer, KvCacheAndFlopsPerToken) {
  // Llama 3 70B: 80 layers x 8 KV heads x 128 dims x (K, V) x 2 B = 320 KiB per token.
  EXPECT_DOUBLE_EQ(model("llama3-70b").kv_cache_bytes_per_token(2), 327680);
  // GPT: forward matmul FLOPs are 24 l h^2 + 2 V h per token.
  const Transformer& g = model("megatron-gpt-7.5b");
  const double l = g.layers, h = g.hidden, V = g.vocab;
  EXPECT_DOUBLE_EQ(g.forward_matmul_flops_per_token(), 24 * l * h * h + 2 * V * h);
  EXPECT_DOUBLE_EQ(g.forward_attention_flops_per_token(2048), 4 * 2048 * h * l);
  // MoE: only the routed experts count.
  const Transformer& mx = model("mixtral-8x7b");
  EXPECT_LT(mx.forward_matmul_flops_per_token(), 2 * mx.active_params() + 1);
  EXPECT_GT(mx.forward_matmul_flops_per_token(), 1.9 * mx.active_params());
}

struct Reading {
  Diagnostics diagnostics;
  YamlContext ctx{"s.yaml", &diagnostics};
  YAML::Node root;
  explicit Reading(const std::string& text) { root = parse_yaml(text, ctx); }
};

TEST(Transformer, InlineModelFromAScenarioMap) {
  Reading r("model:\n  name: mine\n  layers: 2\n  hidden: 64\n  heads: 4\n  vocab: 100\n");
  MapReader top(r.root, "", r.ctx);
  MapReader m = top.map("model");
  Transformer t = read_transformer(m);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(t.kv_heads, 4);
  EXPECT_EQ(t.ffn_hidden, 256);
  EXPECT_EQ(t.head_dim(), 16);
}

TEST(Transformer, BadShapeAndUnknownKeyArePositioned) {
  Reading r(
      "model:\n  name: bad\n  layers: 2\n  hidden: 100\n  heads: 3\n  kv_heads: 2\n"
      "  vocab: 10\n  expert: 4\n");
  MapReader top(r.root, "", r.ctx);
  MapReader m = top.map("model");
  read_transformer(m);
  ASSERT_EQ(r.diagnostics.size(), 3u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "s.yaml:5:10: model.heads: hidden 100 is not divisible by heads 3");
  EXPECT_EQ(r.diagnostics[1].key, "model.kv_heads");
  EXPECT_EQ(r.diagnostics[2].to_string(),
            "s.yaml:8:3: model.expert: unknown key; did you mean 'experts'?");
}

TEST(TransformerCatalog, DuplicateNameIsAnError) {
  auto r = TransformerCatalog::parse(
      "models:\n  - {name: a, layers: 1, hidden: 8, heads: 2, vocab: 4}\n"
      "  - {name: a, layers: 1, hidden: 8, heads: 2, vocab: 4}\n",
      "m.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics()[0].key, "models[1].name");
  EXPECT_EQ(r.diagnostics()[0].line, 3);
}

}  // namespace
}  // namespace sovsim::models
