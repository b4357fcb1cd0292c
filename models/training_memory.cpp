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
namespace {

int layers_on_heaviest_stage(const Transformer& m, const Parallelism& p) {
  return (m.layers + p.pp - 1) / p.pp;
}

}  // namespace

ParamsPerGpu params_per_gpu(const Transformer& model, const TrainingConfig& cfg) {
  const Parallelism& p = cfg.parallel;
  const double layers = layers_on_heaviest_stage(model, p);
  const double expert_per_layer = model.is_moe() ? model.expert_params() / model.layers : 0.0;
  const double dense_per_layer = model.layer_params(false) - expert_per_layer;
  // One pipeline end holds the vocabulary matrix; without a pipeline every GPU holds all of it.
  const double h = model.hidden;
  const double embedding = p.pp == 1
                               ? model.embedding_params()
                               : (static_cast<double>(model.vocab) + model.learned_positions) * h;
  ParamsPerGpu out;
  out.dense = (layers * dense_per_layer + embedding) / p.tp;
  out.expert = layers * expert_per_layer / (p.tp * p.ep);
  return out;
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

TrainingMemory training_memory(const Transformer& model, const Hardware& hw,
                               const TrainingConfig& cfg, const Efficiency& eff) {
  const Parallelism& p = cfg.parallel;
  const ParamsPerGpu params = params_per_gpu(model, cfg);
  const double dense_shards = p.dp * p.cp;
  const double expert_shards = std::max(1, p.dp * p.cp / p.ep);
  auto sharded = [&](double per_param, bool shard) {
    return per_param *
           (shard ? params.dense / dense_shards + params.expert / expert_shards : params.total());
  };
  TrainingMemory m;
  m.weights_bytes = sharded(kWeightBytesPerParam, p.zero_stage >= 3);
  m.grads_bytes = sharded(kGradBytesPerParam, p.zero_stage >= 2);
  m.optimizer_bytes = sharded(kOptimizerBytesPerParam, p.zero_stage >= 1);

  // 1F1B: the first stage holds pp micro-batches in flight (fewer if there are fewer);
  // interleaving adds (pp - 1) / (pp * v) (Narayanan et al. SC'21, Sec. 2.2.2).
  const double layers = layers_on_heaviest_stage(model, p);
  const double per_layer = layer_activation_bytes(model, cfg);
  const double in_flight =
      p.pp == 1 ? 1.0
                : std::min<double>(p.pp, cfg.micro_batches()) *
                      (1.0 + (p.pp - 1.0) / (static_cast<double>(p.pp) * p.virtual_stages));
  const double tokens = static_cast<double>(p.micro_batch) * cfg.seq_len / p.cp;
  double first_stage = per_layer * layers * in_flight;
  if (cfg.recompute == Recompute::kFull) {
    // Backward of one layer rebuilds all of its activations at once.
    TrainingConfig kept = cfg;
    kept.recompute = Recompute::kNone;
    first_stage += layer_activation_bytes(model, kept);
  }
  // Logits in bf16 plus their fp32 softmax for cross-entropy, on the last stage.
  const double logits = tokens * 6.0 * model.vocab / p.tp;
  const double last_stage =
      p.pp == 1 ? first_stage + logits
                : per_layer * layers + logits + (first_stage - per_layer * layers * in_flight);
  m.activations_bytes = std::max(first_stage, last_stage);

  m.total_bytes = m.weights_bytes + m.grads_bytes + m.optimizer_bytes + m.activations_bytes;
  m.capacity_bytes = hw.hbm_bytes * eff.hbm_usable;
  m.fits = m.total_bytes <= m.capacity_bytes;
  return m;
}

}  // namespace sovsim::models
