// models/training_config.cpp — feasibility checks of a training configuration.
#include "models/training_config.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace sovsim::models {

TrainingConfig megatron_2021_config(int tp, int pp, int dp, int global_batch, int seq_len,
                                    int micro_batch, int virtual_stages) {
  TrainingConfig c;
  c.parallel.tp = tp;
  c.parallel.pp = pp;
  c.parallel.dp = dp;
  c.parallel.micro_batch = micro_batch;
  c.parallel.virtual_stages = virtual_stages;
  c.precision = "bf16";        // fp16 on A100 has the same tensor-core peak (312 TFLOP/s)
  c.global_batch = global_batch;
  c.seq_len = seq_len;
  c.recompute = Recompute::kFull;
  c.flash_attention = false;  // FlashAttention appeared in 2022
  c.dp_overlap = 0.0;
  return c;
}

std::vector<int> stage_layers(const Transformer& model, const Parallelism& p, const StageSplit& s) {
  const int pp = std::max(p.pp, 1);
  std::vector<int> layers(pp, 0);
  if (pp == 1) {
    layers[0] = model.layers;
    return layers;
  }
  if (s.first_stage_layers > 0 || s.last_stage_layers > 0) {
    int rest = model.layers, middle = pp;
    if (s.first_stage_layers > 0) rest -= s.first_stage_layers, --middle;
    if (s.last_stage_layers > 0) rest -= s.last_stage_layers, --middle;
    for (int i = 0; i < pp; ++i) layers[i] = middle > 0 ? rest / middle : 0;
    if (s.first_stage_layers > 0) layers.front() = s.first_stage_layers;
    if (s.last_stage_layers > 0) layers.back() = s.last_stage_layers;
    return layers;
  }
  // The embedding and the loss count as a layer each when asked: pp equal shares of the total,
  // the first / last stage giving one of its share to them.
  const int extra = (s.embedding_as_layer ? 1 : 0) + (s.loss_as_layer ? 1 : 0);
  const int total = model.layers + extra;
  for (int i = 0; i < pp; ++i) layers[i] = total / pp + (i < total % pp ? 1 : 0);
  if (s.embedding_as_layer) --layers.front();
  if (s.loss_as_layer) --layers.back();
  return layers;
}

namespace {

// Megatron-LM's checks of a stage split (megatron/core/transformer/transformer_config.py).
std::string check_split(const Transformer& model, const Parallelism& p, const StageSplit& s) {
  const int v = p.virtual_stages;
  if (s.first_stage_layers < 0 || s.last_stage_layers < 0) return "stage layers must be >= 1";
  if (s.uneven() && p.pp == 1) return "an uneven pipeline split needs pp > 1";
  if ((s.first_stage_layers > 0 || s.last_stage_layers > 0) &&
      (s.embedding_as_layer || s.loss_as_layer)) {
    return "first/last stage layers cannot be combined with counting the embedding or loss as a "
           "layer";
  }
  if (s.first_stage_layers > 0 || s.last_stage_layers > 0) {
    const int given = (s.first_stage_layers > 0 ? 1 : 0) + (s.last_stage_layers > 0 ? 1 : 0);
    const int middle_stages = p.pp - given;
    const int middle_layers = model.layers - s.first_stage_layers - s.last_stage_layers;
    if (middle_layers < 0 || (middle_layers > 0) != (middle_stages > 0)) {
      return fmt::format("{} layers left for {} middle stages (of {} layers)", middle_layers,
                         middle_stages, model.layers);
    }
    if (middle_stages > 0 && middle_layers % middle_stages != 0) {
      return fmt::format("the {} layers left do not split evenly over {} middle stages",
                         middle_layers, middle_stages);
    }
    if (middle_stages > 0 && middle_layers / middle_stages < 1) return "a middle stage has no layer";
  } else if (s.uneven()) {
    const int total = model.layers + (s.embedding_as_layer ? 1 : 0) + (s.loss_as_layer ? 1 : 0);
    if (total % p.pp != 0) {
      return fmt::format("{} layers (counting the embedding/loss as layers) do not divide by pp {}",
                         total, p.pp);
    }
  }
  const std::vector<int> layers = stage_layers(model, p, s);
  for (size_t i = 0; i < layers.size(); ++i) {
    if (layers[i] < v) {
      return fmt::format("pipeline stage {} has {} layers, fewer than its {} virtual stages", i,
                         layers[i], v);
    }
  }
  return "";
}

}  // namespace

std::string check_megatron_interleaving(const Transformer& model, const Parallelism& p,
                                        const StageSplit& s) {
  if (p.virtual_stages == 1) return "";
  const std::vector<int> layers = stage_layers(model, p, s);
  for (size_t i = 0; i < layers.size(); ++i) {
    if (layers[i] % p.virtual_stages != 0) {
      return fmt::format("stage {} has {} layers, not a multiple of {} virtual stages", i,
                         layers[i], p.virtual_stages);
    }
  }
  return "";
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
  if (std::string split = check_split(model, p, cfg.split); !split.empty()) return split;
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
  if (p.virtual_stages > 1 && cfg.micro_batches() % p.pp != 0) {
    return fmt::format(
        "interleaving needs micro-batches ({}) to be a multiple of pp {} (Megatron-LM runs them "
        "in groups of pp)",
        cfg.micro_batches(), p.pp);
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
