// sim/cli/estimate_infer.cpp — `sovsim estimate --mode infer`: resolves the flags into an
// InferenceConfig (picking the TP when not given), asks models/inference and prints.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/cli/estimate_modes.hpp"
#include "sim/cli/estimate_report.hpp"
#include "sim/cli/exit_codes.hpp"
#include "models/inference.hpp"

namespace sovsim::cli {
namespace {

using models::Hardware;
using models::Transformer;

// TP degrees a replica may use: powers of two inside the scale-up domain (and --gpus).
std::vector<int> tp_candidates(const Hardware& hw, std::optional<int> gpus) {
  std::vector<int> out;
  for (int t = 1; t <= hw.scaleup_domain && (!gpus || t <= *gpus); t *= 2) {
    if (!gpus || *gpus % t == 0) out.push_back(t);
  }
  return out;
}

}  // namespace

int run_estimate_infer(const EstimateOptions& o, const Hardware& hw, const Transformer& model,
              std::ostream& out, std::ostream& err) {
  if (o.batch && o.rate) {
    return estimate_error(err, "give --batch or --rate, not both"), kExitBadInput;
  }
  InferEstimate e{hw, model, {}, {}, 1, false, o.batch, o.rate, ""};
  models::InferenceConfig& cfg = e.cfg;
  cfg.precision = o.precision;
  cfg.prompt_tokens = o.input_tokens.value_or(cfg.prompt_tokens);
  cfg.output_tokens = o.output_tokens.value_or(cfg.output_tokens);
  cfg.batch = o.batch.value_or(0);
  std::optional<int> tp = o.tp;
  if (!tp && o.gpus && o.dp) {
    if (*o.gpus % *o.dp != 0) {
      estimate_error(err, fmt::format("--gpus {} is not a multiple of --dp {}", *o.gpus, *o.dp));
      return kExitBadInput;
    }
    tp = *o.gpus / *o.dp;
  }
  if (tp) {
    cfg.tp = *tp;
  } else {
    // The TP with the most output tokens/s per device at the batch asked for (or the KV-cache
    // limit); the widest possible one when nothing fits. Ties go to the smaller TP.
    std::vector<int> possible;
    std::string first_reason;
    double best = 0;
    for (int t : tp_candidates(hw, o.gpus)) {
      models::InferenceConfig c = cfg;
      c.tp = t;
      const std::string reason = models::check_inference(model, hw, c);
      if (!reason.empty()) {
        if (first_reason.empty()) first_reason = reason;
        continue;
      }
      possible.push_back(t);
      const auto point = models::inference_point(model, hw, c);
      if (point->fits && point->output_tokens_per_s_per_device > best) {
        best = point->output_tokens_per_s_per_device, cfg.tp = t;
      }
    }
    if (possible.empty()) {
      estimate_error(err, fmt::format("no tensor-parallel degree of {} can serve {}: {}", hw.name,
                             model.name, first_reason.empty() ? "no candidate" : first_reason));
      return kExitBadInput;
    }
    if (best == 0) {
      cfg.tp = possible.back();
      e.note =
          fmt::format("{} does not fit on a replica of up to {} x {}", model.name, cfg.tp, hw.name);
    }
    e.parallelism_chosen = true;
  }
  const int gpus = o.gpus.value_or(cfg.tp * o.dp.value_or(1));
  if (gpus % cfg.tp != 0 || (o.dp && cfg.tp * *o.dp != gpus)) {
    estimate_error(err, fmt::format("--gpus {} must equal tp x dp (replicas) = {} x {}", gpus, cfg.tp,
                           o.dp ? fmt::to_string(*o.dp) : "?"));
    return kExitBadInput;
  }
  e.replicas = gpus / cfg.tp;
  const std::string reason = models::check_inference(model, hw, cfg);
  if (!reason.empty()) {
    return estimate_error(err, "impossible configuration: " + reason), kExitBadInput;
  }
  e.point = o.rate ? *models::serving_point(model, hw, cfg, *o.rate / e.replicas)
                   : *models::inference_point(model, hw, cfg);
  if (o.json) {
    out << infer_json(e).dump(2) << "\n";
  } else {
    print_infer_text(e, out);
  }
  return kExitOk;
}

}  // namespace sovsim::cli
