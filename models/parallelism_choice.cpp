// models/parallelism_choice.cpp — grid search over parallel layouts (see the header).
#include "models/parallelism_choice.hpp"

#include <algorithm>
#include <vector>

namespace sovsim::models {
namespace {

std::vector<int> powers_of_two_up_to(int limit) {
  std::vector<int> out;
  for (int v = 1; v <= limit; v *= 2) out.push_back(v);
  return out;
}

std::vector<int> divisors_up_to(int n, int limit) {
  std::vector<int> out;
  for (int d = 1; d <= n && d <= limit; ++d) {
    if (n % d == 0) out.push_back(d);
  }
  return out;
}

}  // namespace

std::optional<TrainingConfig> choose_parallelism(const Transformer& model, const Hardware& hw,
                                                 const ChoiceRequest& request,
                                                 const Efficiency& eff) {
  if (request.gpus < 1 || request.global_batch < 1) return std::nullopt;
  std::optional<TrainingConfig> best;
  double best_tokens_per_s = 0;
  // TP beyond 8 rarely pays even inside an NVL72 domain (activations all-reduced every layer).
  const int max_tp = std::min({hw.scaleup_domain, 8, request.gpus});
  const int max_cp = request.seq_len >= 32768 ? 16 : 1;
  for (int tp : powers_of_two_up_to(max_tp)) {
    for (int cp : powers_of_two_up_to(max_cp)) {
      if (request.gpus % (tp * cp) != 0) continue;
      const int rest = request.gpus / (tp * cp);
      for (int pp : divisors_up_to(rest, model.layers)) {
        const int dp = rest / pp;
        for (int ep : model.is_moe() ? divisors_up_to(model.experts, dp * cp) : std::vector{1}) {
          for (int zero : {0, 1, 3}) {
            for (int micro_batch : {1, 2, 4}) {
              for (Recompute rc : {Recompute::kNone, Recompute::kSelective, Recompute::kFull}) {
                TrainingConfig c;
                c.parallel = {tp, pp, dp, cp, ep, micro_batch, 1, zero, tp > 1};
                c.precision = request.precision;
                c.global_batch = request.global_batch;
                c.seq_len = request.seq_len;
                c.recompute = rc;
                c.flash_attention = true;
                c.dp_overlap = request.dp_overlap;
                auto step = training_step(model, hw, c, eff);
                if (!step || !step->memory.fits) continue;
                if (step->tokens_per_s > best_tokens_per_s * (1 + 1e-9)) {
                  best_tokens_per_s = step->tokens_per_s;
                  best = c;
                }
              }
            }
          }
        }
      }
    }
  }
  return best;
}

}  // namespace sovsim::models
