// models/training_memory.cpp — memory per GPU during training (see training_memory.hpp).
// Activation counts per layer and token, in bytes with 2-byte activations, from Korthikanti et
// al., "Reducing Activation Recomputation in Large Transformer Models" (MLSys 2023), Sec. 4:
// s*b*h*(34 + 5*a*s/h) without parallelism, of which 10*s*b*h is replicated across TP ranks
// unless sequence parallelism shards it, and 5*a*s^2*b is the attention score/softmax/dropout
// state that selective recompute or flash attention avoid storing.
#include "models/training_memory.hpp"

#include <algorithm>
#include <cmath>

namespace sovsim::models {

ParamsPerGpu params_on_stage(const Transformer& model, const TrainingConfig& cfg, int stage) {
  const Parallelism& p = cfg.parallel;
  const double layers = stage_layers(model, p, cfg.split).at(stage);
  const double expert_per_layer = model.is_moe() ? model.expert_params() / model.layers : 0.0;
  const double dense_per_layer = model.layer_params(false) - expert_per_layer;
  // Without a pipeline one GPU holds every vocabulary matrix; with one, the first stage holds
  // the input embedding (and learned positions) and the last a copy or its own output layer.
  const double h = model.hidden, vocab = model.vocab;
  double embedding = 0;
  if (p.pp == 1) {
    embedding = model.embedding_params();
  } else if (stage == 0) {
    embedding = (vocab + model.learned_positions) * h;
  } else if (stage == p.pp - 1) {
    embedding = vocab * h;
  }
  ParamsPerGpu out;
  out.dense = (layers * dense_per_layer + embedding) / p.tp;
  out.expert = layers * expert_per_layer / (p.tp * p.ep);
  return out;
}

ParamsPerGpu params_per_gpu(const Transformer& model, const TrainingConfig& cfg) {
  ParamsPerGpu most;
  for (int stage = 0; stage < cfg.parallel.pp; ++stage) {
    const ParamsPerGpu here = params_on_stage(model, cfg, stage);
    if (here.total() > most.total()) most = here;
  }
  return most;
}

double layer_activation_bytes(const Transformer& model, const TrainingConfig& cfg) {
  const Parallelism& p = cfg.parallel;
  const double tokens = static_cast<double>(p.micro_batch) * cfg.seq_len / p.cp;
  const double h = model.hidden;
  const double replicated_div = p.sequence_parallel ? p.tp : 1;
  if (cfg.recompute == Recompute::kFull) return tokens * 2.0 * h / replicated_div;  // layer input
  // Sharded over TP: Q and attention output (4h), K and V (4 kv_dim), FFN activations.
  const double ffn = (model.gated_ffn ? 6.0 : 4.0) * model.ffn_hidden * model.active_experts;
  const double sharded = 4.0 * h + 4.0 * model.kv_dim() + ffn;
  double bytes = tokens * (10.0 * h / replicated_div + sharded / p.tp);
  const bool keeps_scores = !cfg.flash_attention && cfg.recompute == Recompute::kNone;
  if (keeps_scores) bytes += tokens * 5.0 * model.heads * cfg.seq_len / p.tp;
  return bytes;
}

double micro_batches_in_flight(const TrainingConfig& cfg, int stage) {
  const Parallelism& p = cfg.parallel;
  const double m = cfg.micro_batches();
  if (p.pp == 1) return 1.0;
  if (p.virtual_stages == 1) return std::min<double>(p.pp - stage, m);
  // Interleaved: 2(pp - stage - 1) + (v - 1) pp warm-up chunk forwards plus the one in progress,
  // each holding 1/v of the stage's layers. On the first stage this is pp (1 + (pp-1)/(pp v)).
  const double v = p.virtual_stages;
  const double chunks = 2.0 * (p.pp - stage - 1) + (v - 1) * p.pp + 1;
  return std::min(chunks, m * v) / v;
}

namespace {

TrainingMemory stage_memory(const Transformer& model, const TrainingConfig& cfg, int stage) {
  const Parallelism& p = cfg.parallel;
  const ParamsPerGpu params = params_on_stage(model, cfg, stage);
  const double dense_shards = p.dp * p.cp;
  const double expert_shards = std::max(1, p.dp * p.cp / p.ep);
  auto sharded = [&](double per_param, bool shard) {
    return per_param *
           (shard ? params.dense / dense_shards + params.expert / expert_shards : params.total());
  };
  TrainingMemory m;
  m.stage = stage;
  m.weights_bytes = sharded(kWeightBytesPerParam, p.zero_stage >= 3);
  if (p.zero_stage >= 3) {
    // Two layers gathered whole at a time: the one computing and the one being prefetched.
    const double layer = model.layer_params(false) / p.tp;
    m.weights_bytes += 2.0 * layer * kWeightBytesPerParam;
  }
  m.grads_bytes = sharded(kGradBytesPerParam, p.zero_stage >= 2);
  m.optimizer_bytes = sharded(kOptimizerBytesPerParam, p.zero_stage >= 1);

  const double layers = stage_layers(model, p, cfg.split).at(stage);
  double activations = layer_activation_bytes(model, cfg) * layers *
                       micro_batches_in_flight(cfg, stage);
  if (cfg.recompute == Recompute::kFull) {
    // Backward of one layer rebuilds all of its activations at once.
    TrainingConfig kept = cfg;
    kept.recompute = Recompute::kNone;
    activations += layer_activation_bytes(model, kept);
  }
  if (stage == p.pp - 1) {
    // Logits in bf16 plus their fp32 softmax for cross-entropy, on the last stage.
    const double tokens = static_cast<double>(p.micro_batch) * cfg.seq_len / p.cp;
    activations += tokens * 6.0 * model.vocab / p.tp;
  }
  m.activations_bytes = activations;
  m.total_bytes = m.weights_bytes + m.grads_bytes + m.optimizer_bytes + m.activations_bytes;
  return m;
}

}  // namespace

TrainingMemory training_memory(const Transformer& model, const Hardware& hw,
                               const TrainingConfig& cfg, const Efficiency& eff) {
  TrainingMemory most;
  for (int stage = 0; stage < cfg.parallel.pp; ++stage) {
    TrainingMemory here = stage_memory(model, cfg, stage);
    if (stage == 0 || here.total_bytes > most.total_bytes) most = here;
  }
  most.capacity_bytes = hw.hbm_bytes * eff.hbm_usable;
  most.fits = most.total_bytes <= most.capacity_bytes;
  return most;
}

}  // namespace sovsim::models
