// models/serving_search.cpp — see serving_search.hpp.
#include "models/serving_search.hpp"

namespace sovsim::models {
namespace {

// A point's distance from the objective, for choosing the least-bad point when none meets it.
double violation(const InferencePoint& p, const ServingSlo& slo) {
  double v = 0;
  if (slo.ttft_s > 0) v += std::max(0.0, p.ttft_s / slo.ttft_s - 1);
  if (slo.tpot_s > 0) v += std::max(0.0, p.tpot_s / slo.tpot_s - 1);
  return v;
}

}  // namespace

std::vector<int> default_token_budgets() {
  std::vector<int> out;
  for (int b = 256; b <= kDefaultTokenBudget; b *= 2) out.push_back(b);
  return out;
}

std::optional<ServingChoice> best_serving_point(const Transformer& model, const Hardware& hw,
                                                const InferenceConfig& base,
                                                const ServingSearchSpace& space,
                                                const ServingSlo& slo, const Efficiency& eff) {
  std::vector<int> budgets = space.token_budgets;
  if (budgets.empty()) budgets = slo.any() ? default_token_budgets() : std::vector{base.token_budget};
  std::optional<ServingChoice> best, closest;
  double closest_violation = 0;
  for (int tp : space.tps) {
    for (int budget : budgets) {
      InferenceConfig cfg = base;
      cfg.tp = tp;
      cfg.token_budget = budget;
      const auto top = inference_point(model, hw, cfg, eff);
      if (!top || !top->fits) continue;
      // TTFT and TPOT grow with the batch, throughput too: bisect for the largest batch that
      // meets the objective (the largest allowed when there is none, or the batch is fixed).
      int lo = 1, hi = top->batch;
      auto at = [&](int batch) {
        InferenceConfig c = cfg;
        c.batch = batch;
        return *inference_point(model, hw, c, eff);
      };
      if (!space.batch_fixed && slo.any()) {
        if (!slo.met_by(at(1))) hi = 0;
        while (lo < hi) {
          const int mid = lo + (hi - lo + 1) / 2;
          if (slo.met_by(at(mid))) lo = mid; else hi = mid - 1;
        }
      }
      if (hi >= 1) {
        InferencePoint p = at(hi);
        cfg.batch = hi;
        if (slo.met_by(p) || !slo.any()) {
          if (!best ||
              p.output_tokens_per_s_per_device > best->point.output_tokens_per_s_per_device) {
            best = ServingChoice{cfg, p, true};
          }
          continue;
        }
      }
      InferencePoint p = at(space.batch_fixed ? top->batch : 1);
      cfg.batch = p.batch;
      if (!closest || violation(p, slo) < closest_violation) {
        closest = ServingChoice{cfg, p, false};
        closest_violation = violation(p, slo);
      }
    }
  }
  if (best) best->meets_slo = slo.met_by(best->point) || !slo.any();
  return best ? best : closest;
}

}  // namespace sovsim::models
