// models/serving_search.hpp — the serving operating point to run: over layouts (TP degrees of a
// replica, replicas from the devices given), the cap on running sequences and the per-step token
// budget of chunked prefill, the one with the most output tokens/s per device that meets a TTFT
// and a TPOT objective; with no objective, the offline maximum at the default budget. Pure.
#pragma once

#include <optional>
#include <vector>

#include "models/inference.hpp"

namespace sovsim::models {

struct ServingSlo {
  double ttft_s = 0;  // 0 = no objective
  double tpot_s = 0;
  bool any() const { return ttft_s > 0 || tpot_s > 0; }
  bool met_by(const InferencePoint& p) const {
    return p.batch > 0 && (ttft_s <= 0 || p.ttft_s <= ttft_s) && (tpot_s <= 0 || p.tpot_s <= tpot_s);
  }
};

// What the search may vary. Empty lists: the search chooses; one element: fixed.
struct ServingSearchSpace {
  std::vector<int> tps;            // TP degrees to try (each must pass check_inference)
  std::vector<int> token_budgets;  // empty: 256..8192 with an objective, the config's without
  bool batch_fixed = false;        // cfg.batch is the user's: do not search below it
};

struct ServingChoice {
  InferenceConfig cfg;   // the layout and batching chosen
  InferencePoint point;  // at that operating point
  bool meets_slo = false;
};

// The budgets tried when an objective is set: powers of two from 256 to the default 8192.
std::vector<int> default_token_budgets();

// nullopt if no TP in `space.tps` passes check_inference() or none fits in memory. When the
// objective cannot be met, the point closest to it (batch 1 at the fastest layout) with
// meets_slo = false.
std::optional<ServingChoice> best_serving_point(const Transformer& model, const Hardware& hw,
                                                const InferenceConfig& base,
                                                const ServingSearchSpace& space, const ServingSlo& slo,
                                                const Efficiency& eff = kEfficiency);

}  // namespace sovsim::models
