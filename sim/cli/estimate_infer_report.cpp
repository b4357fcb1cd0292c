// sim/cli/estimate_infer_report.cpp — the serving half of estimate_report.hpp: JSON and text
// of a serving estimate. JSON fields and units are listed in docs/estimate.md; keep in step.
#include "sim/cli/estimate_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "models/collectives.hpp"
#include "models/efficiency.hpp"
#include "models/training_memory.hpp"
#include "sim/cli/estimate_format.hpp"

namespace sovsim::cli {

using namespace estimate_format;  // NOLINT: this file's vocabulary
namespace {

// Per device: weights plus the KV cache of `batch` sequences (split over min(tp, kv_heads)),
// for every replica sharing the device.
double infer_memory_bytes(const InferEstimate& e) {
  const models::InferencePoint& pt = e.point;
  return e.cfg.colocate * (pt.weights_bytes_per_device +
                           pt.batch * pt.kv_bytes_per_sequence / std::min(e.cfg.tp, e.model.kv_heads));
}

json step_json(const models::StepBreakdown& s) {
  return {{"weights_s", s.weights_s}, {"gemm_s", s.gemm_s},         {"kv_s", s.kv_s},
          {"attention_s", s.attention_s}, {"comm_s", s.comm_s}, {"overhead_s", s.overhead_s},
          {"total_s", s.total_s}};
}

json slo_json(const InferEstimate& e) {
  auto limit = [](double v) { return v > 0 ? json(v) : json(nullptr); };
  return {{"ttft_s", limit(e.slo.ttft_s)}, {"tpot_s", limit(e.slo.tpot_s)}, {"met", e.meets_slo}};
}

}  // namespace

json infer_json(const InferEstimate& e) {
  const models::InferenceConfig& c = e.cfg;
  const models::InferencePoint& pt = e.point;
  const bool running = pt.batch > 0;
  auto time_or_null = [&](double v) { return running ? json(v) : json(nullptr); };
  const int gpus = c.tp * e.replicas / c.colocate;
  const models::ServingEfficiency se = e.hw.serving(c.precision);
  json j = {
      {"mode", "infer"},
      {"gpus", gpus},
      {"precision", c.precision},
      {"input_tokens", c.prompt_tokens},
      {"output_tokens", c.output_tokens},
      {"parallelism_chosen", e.parallelism_chosen},
      {"parallelism", {{"tp", c.tp}, {"pp", 1}, {"dp", e.replicas}}},
      {"replicas", e.replicas},
      {"colocate", c.colocate},
      {"slo", slo_json(e)},
      {"batch_requested", e.requested_batch ? json(*e.requested_batch) : json(nullptr)},
      {"rate_requested_per_s", e.rate ? json(*e.rate) : json(nullptr)},
      {"batch", pt.batch},
      {"max_batch", pt.max_batch},
      {"kv_limited_batch", pt.max_batch},
      {"token_budget", pt.token_budget},
      {"budget_limited_batch", pt.budget_batch},
      {"prefill_tokens_per_step", pt.prefill_tokens_per_step},
      {"fits", pt.fits},
      {"saturated", pt.saturated},
      {"tokens_per_s", pt.output_tokens_per_s * e.replicas},
      {"tokens_per_s_per_gpu", pt.output_tokens_per_s_per_device},
      {"tokens_per_s_per_replica", pt.output_tokens_per_s},
      {"requests_per_s", pt.requests_per_s * e.replicas},
      {"ttft_s", time_or_null(pt.ttft_s)},
      {"tpot_s", time_or_null(pt.tpot_s)},
      {"prefill_s", time_or_null(pt.ttft_s - 0.5 * pt.tpot_s)},
      {"decode_step_s", time_or_null(pt.step.total_s)},
      {"step_breakdown", running ? step_json(pt.step) : json(nullptr)},
      {"memory_per_gpu_gb", infer_memory_bytes(e) / kGB},
      {"memory_gb",
       {{"weights", c.colocate * pt.weights_bytes_per_device / kGB},
        {"kv_cache", (infer_memory_bytes(e) - c.colocate * pt.weights_bytes_per_device) / kGB},
        {"kv_per_sequence_per_replica", pt.kv_bytes_per_sequence / kGB},
        {"capacity", e.hw.hbm_bytes * models::kEfficiency.hbm_usable / kGB}}},
      {"serving_efficiency",
       {{"hbm", se.hbm}, {"gemm", se.gemm}, {"step_overhead_s", se.step_overhead_s}}},
      {"hardware", hardware_json(e.hw)},
      {"model", model_json(e.model)},
      {"constants", constants_json()},
  };
  j["constants"]["weight_bytes_per_param"] = models::weight_bytes_per_param(c.precision);
  j["constants"]["kv_bytes_per_element"] = models::kv_bytes_per_element(c.precision);
  if (!e.note.empty()) j["note"] = e.note;
  return j;
}

void print_infer_text(const InferEstimate& e, std::ostream& out) {
  const models::InferenceConfig& c = e.cfg;
  const models::InferencePoint& pt = e.point;
  const int gpus = c.tp * e.replicas / c.colocate;
  out << fmt::format("infer {} on {} x {}, {}\n", model_line(e.model), gpus, e.hw.name,
                     c.precision);
  out << fmt::format("  {} input + {} output tokens per request\n", c.prompt_tokens,
                     c.output_tokens);
  out << fmt::format("parallelism{}: TP={} PP=1 DP={}  ({} replica{} of {} GPU{}{})\n",
                     e.parallelism_chosen ? " chosen" : "", c.tp, e.replicas, e.replicas,
                     e.replicas == 1 ? "" : "s", c.tp, c.tp == 1 ? "" : "s",
                     c.colocate > 1 ? fmt::format(", {} per GPU", c.colocate) : "");
  if (!e.note.empty()) out << "note: " << e.note << "\n";
  if (e.slo.any()) {
    out << fmt::format("objective      TTFT <= {}, TPOT <= {}: {}\n",
                       e.slo.ttft_s > 0 ? duration(e.slo.ttft_s) : "any",
                       e.slo.tpot_s > 0 ? duration(e.slo.tpot_s) : "any",
                       e.meets_slo ? "met" : "NOT MET at any layout and batch (closest shown)");
  }
  out << "\n";
  const double capacity = e.hw.hbm_bytes * models::kEfficiency.hbm_usable;
  if (!pt.fits) {
    out << fmt::format(
        "DOES NOT FIT: weights take {:.1f} GB per GPU of {:.1f} usable{}, leaving no room for "
        "the KV cache of one sequence.\nTry {}a lower --precision or hardware with more "
        "memory.\n",
        pt.weights_bytes_per_device / kGB, capacity / kGB,
        c.colocate > 1 ? fmt::format(" / {} replicas", c.colocate) : "",
        e.parallelism_chosen ? "" : "a larger --tp (or none: it is then chosen), ");
    return;
  }
  std::string batch_note = fmt::format("KV-cache limit {}, token budget {} allows {}",
                                       pt.max_batch, pt.token_budget, pt.budget_batch);
  if (e.requested_batch && *e.requested_batch > pt.batch) {
    batch_note = fmt::format("capped from {}; ", *e.requested_batch) + batch_note;
  }
  if (e.rate) {
    batch_note += fmt::format("; smallest that carries {:g} req/s per replica", *e.rate / e.replicas);
  }
  out << fmt::format("batch          {} sequences per replica ({})\n", pt.batch, batch_note);
  if (pt.saturated) {
    out << fmt::format("SATURATED: {} replicas carry at most {:.2f} req/s, below the {:g} asked\n",
                       e.replicas, pt.requests_per_s * e.replicas, *e.rate);
  }
  out << fmt::format("output tok/s   {}  ({} per GPU)\n",
                     grouped(pt.output_tokens_per_s * e.replicas),
                     grouped(pt.output_tokens_per_s_per_device));
  out << fmt::format("requests/s     {:.2f}\n", pt.requests_per_s * e.replicas);
  out << fmt::format("TTFT           {}\n", duration(pt.ttft_s));
  out << fmt::format("TPOT           {}\n", duration(pt.tpot_s));
  const models::StepBreakdown& s = pt.step;
  out << fmt::format(
      "  step {} = linear max(weights {}, GEMM {}) + attention max(KV {}, math {}) + TP comm {} "
      "+ overhead {}; {:.0f} prefill tokens per step\n",
      duration(s.total_s), duration(s.weights_s), duration(s.gemm_s), duration(s.kv_s),
      duration(s.attention_s), duration(s.comm_s), duration(s.overhead_s),
      pt.prefill_tokens_per_step);
  const double total = infer_memory_bytes(e);
  const double weights = c.colocate * pt.weights_bytes_per_device;
  out << fmt::format(
      "memory per GPU {:.1f} GB = weights {:.1f} + KV cache {:.1f}, of {:.1f} usable: fits\n",
      total / kGB, weights / kGB, (total - weights) / kGB, capacity / kGB);
}

}  // namespace sovsim::cli
