// sim/cli/estimate_infer.cpp — `sovsim estimate --mode infer`: resolves the flags into an
// InferenceConfig and a search space (TP, running-sequence cap, token budget), asks
// models/serving_search for the best operating point under the TTFT/TPOT objectives, sizes the
// replicas to --rate if asked, and prints.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "models/common/units.hpp"
#include "models/inference.hpp"
#include "models/serving_search.hpp"
#include "sim/cli/estimate_modes.hpp"
#include "sim/cli/estimate_report.hpp"
#include "sim/cli/exit_codes.hpp"

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

// "2s", "200ms", "0.2" (seconds) -> seconds; nullopt (and a message) if not a positive duration.
std::optional<double> slo_seconds(const std::optional<std::string>& text, const char* flag,
                                  std::ostream& err) {
  if (!text) return 0.0;
  const auto s = parse_duration_s(*text);
  if (!s || *s <= 0) {
    estimate_error(err, fmt::format("{} expects a positive duration such as 2s or 200ms, found '{}'",
                                    flag, *text));
    return std::nullopt;
  }
  return *s;
}

}  // namespace

int run_estimate_infer(const EstimateOptions& o, const Hardware& hw, const Transformer& model,
                       std::ostream& out, std::ostream& err) {
  if (o.batch && o.rate) {
    return estimate_error(err, "give --batch or --rate, not both"), kExitBadInput;
  }
  const auto ttft = slo_seconds(o.ttft_slo, "--ttft-slo", err);
  const auto tpot = slo_seconds(o.tpot_slo, "--tpot-slo", err);
  if (!ttft || !tpot) return kExitBadInput;
  InferEstimate e{hw, model, {}, {}, 1, false, o.batch, o.rate, ""};
  e.slo = {*ttft, *tpot};
  models::InferenceConfig& cfg = e.cfg;
  cfg.precision = o.precision;
  cfg.prompt_tokens = o.input_tokens.value_or(cfg.prompt_tokens);
  cfg.output_tokens = o.output_tokens.value_or(cfg.output_tokens);
  cfg.batch = o.batch.value_or(0);
  cfg.token_budget = o.token_budget.value_or(cfg.token_budget);
  cfg.colocate = o.colocate.value_or(1);
  std::optional<int> tp = o.tp;
  if (!tp && o.gpus && o.dp) {
    if (*o.gpus % *o.dp != 0) {
      estimate_error(err, fmt::format("--gpus {} is not a multiple of --dp {}", *o.gpus, *o.dp));
      return kExitBadInput;
    }
    tp = *o.gpus / *o.dp;
  }
  models::ServingSearchSpace space;
  space.tps = tp ? std::vector<int>{*tp} : tp_candidates(hw, o.gpus);
  if (o.token_budget) space.token_budgets = {*o.token_budget};
  space.batch_fixed = o.batch.has_value();
  std::string first_reason;
  std::vector<int> possible;
  for (int t : space.tps) {
    models::InferenceConfig c = cfg;
    c.tp = t;
    const std::string reason = models::check_inference(model, hw, c);
    if (reason.empty()) {
      possible.push_back(t);
    } else if (first_reason.empty()) {
      first_reason = reason;
    }
  }
  if (possible.empty()) {
    estimate_error(err, tp ? "impossible configuration: " + first_reason
                           : fmt::format("no tensor-parallel degree of {} can serve {}: {}",
                                         hw.name, model.name,
                                         first_reason.empty() ? "no candidate" : first_reason));
    return kExitBadInput;
  }
  space.tps = possible;
  e.parallelism_chosen = !tp;
  const auto choice = models::best_serving_point(model, hw, cfg, space, e.slo);
  if (choice) {
    cfg = choice->cfg;
    e.point = choice->point;
    e.meets_slo = choice->meets_slo;
  } else {
    cfg.tp = possible.back();
    e.point = *models::inference_point(model, hw, cfg);
    e.note = fmt::format("{} does not fit on a replica of {} x {}{}", model.name, cfg.tp, hw.name,
                         cfg.colocate > 1 ? fmt::format(" shared {} ways", cfg.colocate) : "");
  }
  const int gpus = o.gpus.value_or(cfg.tp * o.dp.value_or(1));
  if (gpus % cfg.tp != 0 || (o.dp && cfg.tp * *o.dp != gpus)) {
    estimate_error(err, fmt::format("--gpus {} must equal tp x dp (replicas) = {} x {}", gpus,
                                    cfg.tp, o.dp ? fmt::to_string(*o.dp) : "?"));
    return kExitBadInput;
  }
  e.replicas = gpus / cfg.tp * cfg.colocate;
  if (o.rate && e.point.fits) {
    if (!o.gpus && !o.dp && e.point.requests_per_s > 0) {
      // Size the service: as many replicas of the chosen point as the rate needs.
      const int groups = static_cast<int>(
          std::ceil(*o.rate / (e.point.requests_per_s * cfg.colocate) - 1e-9));
      e.replicas = std::max(1, groups) * cfg.colocate;
    }
    // At that size, the smallest batch that carries the rate (the lowest latency).
    e.point = *models::serving_point(model, hw, cfg, *o.rate / e.replicas);
    e.meets_slo = e.slo.met_by(e.point) || !e.slo.any();
  }
  if (o.json) {
    out << infer_json(e).dump(2) << "\n";
  } else {
    print_infer_text(e, out);
  }
  return kExitOk;
}

}  // namespace sovsim::cli
