// models/training_config.cpp — feasibility checks of a training configuration.
#include "models/training_config.hpp"

#include <fmt/format.h>

namespace sovsim::models {

TrainingConfig megatron_2021_config(int tp, int pp, int dp, int global_batch, int seq_len) {
  TrainingConfig c;
  c.parallel.tp = tp;
  c.parallel.pp = pp;
  c.parallel.dp = dp;
  c.parallel.micro_batch = 1;  // NVIDIA's GPT example scripts for the large runs (check)
  c.precision = "bf16";        // fp16 on A100 has the same tensor-core peak (312 TFLOP/s)
  c.global_batch = global_batch;
  c.seq_len = seq_len;
  c.recompute = Recompute::kFull;
  c.flash_attention = false;  // FlashAttention appeared in 2022
  c.dp_overlap = 0.0;
  return c;
}

std::string check_training(const Transformer& model, const Hardware& hw,
                           const TrainingConfig& cfg) {
  const Parallelism& p = cfg.parallel;
  if (p.tp < 1 || p.pp < 1 || p.dp < 1 || p.cp < 1 || p.ep < 1 || p.micro_batch < 1 ||
      p.virtual_stages < 1) {
    return "every parallel degree and the micro-batch must be >= 1";
  }
  if (model.layers < 1 || model.hidden < 1 || model.heads < 1) return "model has no shape";
  if (model.heads % p.tp != 0) {
    return fmt::format("tp {} does not divide {} attention heads", p.tp, model.heads);
  }
  if (model.ffn_hidden % p.tp != 0) {
    return fmt::format("tp {} does not divide ffn_hidden {}", p.tp, model.ffn_hidden);
  }
  if (p.pp * p.virtual_stages > model.layers) {
    return fmt::format("{} pipeline stages x {} virtual stages exceed {} layers", p.pp,
                       p.virtual_stages, model.layers);
  }
  if (p.virtual_stages > 1 && p.pp == 1) return "virtual_stages > 1 needs pp > 1";
  if (cfg.seq_len < 1 || cfg.seq_len % p.cp != 0) {
    return fmt::format("cp {} does not divide sequence length {}", p.cp, cfg.seq_len);
  }
  if (p.ep > 1) {
    if (!model.is_moe() || model.experts % p.ep != 0) {
      return fmt::format("ep {} does not divide the model's {} experts", p.ep, model.experts);
    }
    if ((p.dp * p.cp) % p.ep != 0) {
      return fmt::format("ep {} does not divide dp x cp = {}", p.ep, p.dp * p.cp);
    }
  }
  const int64_t per_step = int64_t{p.dp} * p.micro_batch;  // 64-bit: both can be large
  if (cfg.global_batch < per_step || cfg.global_batch % per_step) {
    return fmt::format("global batch {} is not a multiple of dp x micro_batch = {}",
                       cfg.global_batch, per_step);
  }
  if (p.zero_stage < 0 || p.zero_stage > 3) return "zero_stage must be 0, 1, 2 or 3";
  if (p.sequence_parallel && p.tp == 1) return "sequence_parallel needs tp > 1";
  if (cfg.dp_overlap < 0 || cfg.dp_overlap > 1) return "dp_overlap must be in [0, 1]";
  if (hw.peak_flops(cfg.precision) <= 0) {
    return fmt::format("{} has no {} support", hw.name, cfg.precision);
  }
  if (cfg.dp_placement && cfg.dp_placement->size() != p.dp * p.cp) {
    return fmt::format("dp_placement spans {} devices, dp x cp is {}", cfg.dp_placement->size(),
                       p.dp * p.cp);
  }
  return "";
}

}  // namespace sovsim::models
