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

template <class T>
std::vector<T> fixed_or(const std::optional<T>& fixed, std::vector<T> all) {
  return fixed ? std::vector<T>{*fixed} : all;
}

}  // namespace

std::vector<RankedLayout> rank_layouts(const Transformer& model, const Hardware& hw,
                                       const ChoiceRequest& request, int count,
                                       const Efficiency& eff) {
  std::vector<RankedLayout> fitting;
  if (request.gpus < 1 || request.global_batch < 1 || count < 1) return fitting;
  // TP beyond 8 rarely pays even inside an NVL72 domain (activations all-reduced every layer).
  const int max_tp = std::min({hw.scaleup_domain, 8, request.gpus});
  const int max_cp = request.seq_len >= 32768 ? 16 : 1;
  const auto recomputes = fixed_or<Recompute>(
      request.recompute, {Recompute::kNone, Recompute::kSelective, Recompute::kFull});
  for (int tp : powers_of_two_up_to(max_tp)) {
    for (int cp : powers_of_two_up_to(max_cp)) {
      if (request.gpus % (tp * cp) != 0) continue;
      const int rest = request.gpus / (tp * cp);
      for (int pp : divisors_up_to(rest, model.layers)) {
        const int dp = rest / pp;
        const auto eps = model.is_moe() ? divisors_up_to(model.experts, dp * cp) : std::vector{1};
        for (int ep : fixed_or(request.ep, eps)) {
          for (int v : fixed_or(request.virtual_stages, pp > 1 ? std::vector{1, 2, 4} : std::vector{1})) {
            for (int zero : fixed_or(request.zero_stage, {0, 1, 2, 3})) {
              for (int micro_batch : fixed_or(request.micro_batch, {1, 2, 4})) {
                for (Recompute rc : recomputes) {
                  TrainingConfig c;
                  c.parallel = {tp, pp, dp, cp, ep, micro_batch, v, zero,
                                request.sequence_parallel && tp > 1};
                  c.split = request.split;
                  c.precision = request.precision;
                  c.global_batch = request.global_batch;
                  c.seq_len = request.seq_len;
                  c.recompute = rc;
                  c.flash_attention = request.flash_attention;
                  c.dp_overlap = request.dp_overlap;
                  if (!check_megatron_interleaving(model, c.parallel, c.split).empty()) continue;
                  auto step = training_step(model, hw, c, eff);
                  if (!step || !step->memory.fits) continue;
                  fitting.push_back({c, *step});
                }
              }
            }
          }
        }
      }
    }
  }
  // Stable: among equal step times the first found (smaller TP, CP, PP, ...) wins.
  std::stable_sort(fitting.begin(), fitting.end(), [](const RankedLayout& a, const RankedLayout& b) {
    return a.step.step_time_s < b.step.step_time_s;
  });
  if (static_cast<int>(fitting.size()) > count) fitting.resize(count);
  return fitting;
}

std::optional<TrainingConfig> choose_parallelism(const Transformer& model, const Hardware& hw,
                                                 const ChoiceRequest& request,
                                                 const Efficiency& eff) {
  auto best = rank_layouts(model, hw, request, 1, eff);
  if (best.empty()) return std::nullopt;
  return best.front().config;
}

}  // namespace sovsim::models
