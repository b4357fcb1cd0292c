// sim/workload/serving_work.cpp — see serving_work.hpp.
#include "sim/workload/serving_work.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "models/inference.hpp"
#include "models/serving_search.hpp"

namespace sovsim::sim {
namespace {

// True if `replicas` replicas of `cfg` meet the SLOs at the offered rate; fills `size`.
bool meets_slo(const ServingWork& work, const models::Transformer& model,
               const models::Hardware& hw, const models::InferenceConfig& cfg, int replicas,
               ServiceSize& size) {
  auto point = models::serving_point(model, hw, cfg, peak_requests_per_s(work) / replicas);
  if (!point || !point->fits || point->saturated) return false;
  if (point->ttft_s > work.ttft_slo_s || point->tpot_s > work.tpot_slo_s) return false;
  size = {replicas, cfg.tp, point->ttft_s, point->tpot_s};
  return true;
}

}  // namespace

double peak_requests_per_s(const ServingWork& work) {
  const auto& v = work.rate_profile.values();
  return work.requests_per_s * *std::max_element(v.begin(), v.end());
}

std::optional<ReplicaPoint> replica_point(const ServingWork& work, const models::Transformer& model,
                                          const models::Hardware& hw) {
  models::InferenceConfig base;
  base.precision = work.precision;
  base.prompt_tokens = work.input_tokens;
  base.output_tokens = work.output_tokens;
  models::ServingSearchSpace space;
  for (int tp = 1; tp <= hw.scaleup_domain; tp *= 2) {
    if (work.tp > 0 && tp != work.tp) continue;
    base.tp = tp;
    if (models::check_inference(model, hw, base).empty()) space.tps.push_back(tp);
  }
  const auto choice = models::best_serving_point(model, hw, base, space,
                                                 {work.ttft_slo_s, work.tpot_slo_s});
  if (!choice || !choice->meets_slo) return std::nullopt;
  return ReplicaPoint{choice->cfg.tp, choice->point.requests_per_s, choice->point.ttft_s,
                      choice->point.tpot_s};
}

std::optional<ServiceSize> size_service(const ServingWork& work, const models::Transformer& model,
                                        const models::Hardware& hw, int max_gpus,
                                        std::string* why_not) {
  std::optional<ServiceSize> best;
  for (int tp = 1; tp <= hw.scaleup_domain && tp <= max_gpus; tp *= 2) {
    if (work.tp > 0 && tp != work.tp) continue;
    models::InferenceConfig cfg;
    cfg.precision = work.precision;
    cfg.tp = tp;
    cfg.prompt_tokens = work.input_tokens;
    cfg.output_tokens = work.output_tokens;
    if (!models::check_inference(model, hw, cfg).empty()) continue;
    // More replicas only lower each one's load, so feasibility is monotone in replicas:
    // double until it holds, then bisect for the fewest.
    ServiceSize size;
    int hi = 1;
    while (hi * tp <= max_gpus && !meets_slo(work, model, hw, cfg, hi, size)) hi *= 2;
    if (hi * tp > max_gpus) continue;
    int lo = hi / 2;  // fails (or 0)
    while (hi - lo > 1) {
      const int mid = lo + (hi - lo) / 2;
      ServiceSize trial;
      (meets_slo(work, model, hw, cfg, mid, trial) ? hi : lo) = mid;
    }
    meets_slo(work, model, hw, cfg, hi, size);
    if (!best || size.gpus() < best->gpus()) best = size;
  }
  if (!best && why_not) {
    *why_not = fmt::format("no deployment of {} on up to {} {} GPUs meets TTFT <= {} s and "
                           "TPOT <= {} s at {} requests/s",
                           model.name, max_gpus, hw.name, work.ttft_slo_s, work.tpot_slo_s,
                           work.requests_per_s);
  }
  return best;
}

}  // namespace sovsim::sim
