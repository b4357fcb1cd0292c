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

// Per device: weights plus the KV cache of `batch` sequences (split over min(tp, kv_heads)).
double infer_memory_bytes(const InferEstimate& e) {
  const models::InferencePoint& pt = e.point;
  return pt.weights_bytes_per_device +
         pt.batch * pt.kv_bytes_per_sequence / std::min(e.cfg.tp, e.model.kv_heads);
}

}  // namespace

json infer_json(const InferEstimate& e) {
  const models::InferenceConfig& c = e.cfg;
  const models::InferencePoint& pt = e.point;
  const bool running = pt.batch > 0;
  auto time_or_null = [&](double v) { return running ? json(v) : json(nullptr); };
  json j = {
      {"mode", "infer"},
      {"gpus", c.tp * e.replicas},
      {"precision", c.precision},
      {"input_tokens", c.prompt_tokens},
      {"output_tokens", c.output_tokens},
      {"parallelism_chosen", e.parallelism_chosen},
      {"parallelism", {{"tp", c.tp}, {"pp", 1}, {"dp", e.replicas}}},
      {"replicas", e.replicas},
      {"batch_requested", e.requested_batch ? json(*e.requested_batch) : json(nullptr)},
      {"rate_requested_per_s", e.rate ? json(*e.rate) : json(nullptr)},
      {"batch", pt.batch},
      {"max_batch", pt.max_batch},
      {"fits", pt.fits},
      {"saturated", pt.saturated},
      {"tokens_per_s", pt.output_tokens_per_s * e.replicas},
      {"tokens_per_s_per_gpu", pt.output_tokens_per_s_per_device},
      {"tokens_per_s_per_replica", pt.output_tokens_per_s},
      {"requests_per_s", pt.requests_per_s * e.replicas},
      {"ttft_s", time_or_null(pt.ttft_s)},
      {"tpot_s", time_or_null(pt.tpot_s)},
      {"prefill_s", time_or_null(pt.prefill_s)},
      {"decode_step_s", time_or_null(pt.decode_step_s)},
      {"memory_per_gpu_gb", infer_memory_bytes(e) / kGB},
      {"memory_gb",
       {{"weights", pt.weights_bytes_per_device / kGB},
        {"kv_cache", (infer_memory_bytes(e) - pt.weights_bytes_per_device) / kGB},
        {"kv_per_sequence_per_replica", pt.kv_bytes_per_sequence / kGB},
        {"capacity", e.hw.hbm_bytes * models::kEfficiency.hbm_usable / kGB}}},
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
  out << fmt::format("infer {} on {} x {}, {}\n", model_line(e.model), c.tp * e.replicas, e.hw.name,
                     c.precision);
  out << fmt::format("  {} input + {} output tokens per request\n", c.prompt_tokens,
                     c.output_tokens);
  out << fmt::format("parallelism{}: TP={} PP=1 DP={}  ({} replica{} of {} GPU{})\n",
                     e.parallelism_chosen ? " chosen" : "", c.tp, e.replicas, e.replicas,
                     e.replicas == 1 ? "" : "s", c.tp, c.tp == 1 ? "" : "s");
  if (!e.note.empty()) out << "note: " << e.note << "\n";
  out << "\n";
  const double capacity = e.hw.hbm_bytes * models::kEfficiency.hbm_usable;
  if (!pt.fits) {
    out << fmt::format(
        "DOES NOT FIT: weights take {:.1f} GB per GPU of {:.1f} usable, leaving no room for the "
        "KV cache of one sequence.\nTry {}a lower --precision or hardware with more memory.\n",
        pt.weights_bytes_per_device / kGB, capacity / kGB,
        e.parallelism_chosen ? "" : "a larger --tp (or none: it is then chosen), ");
    return;
  }
  std::string batch_note = fmt::format("KV-cache limit {}", pt.max_batch);
  if (e.requested_batch && *e.requested_batch > pt.batch) {
    batch_note = fmt::format("capped from {} at the KV-cache limit", *e.requested_batch);
  }
  if (e.rate && e.replicas == 1) {
    batch_note += fmt::format("; smallest that carries {:g} req/s", *e.rate);
  } else if (e.rate) {
    batch_note += fmt::format("; smallest that carries {:g} req/s per replica = {:g} / {}",
                              *e.rate / e.replicas, *e.rate, e.replicas);
  }
  out << fmt::format("batch          {} sequences per replica ({})\n", pt.batch, batch_note);
  if (pt.saturated) {
    out << fmt::format("SATURATED: {} x {} carries at most {:.2f} req/s, below the {:g} asked\n",
                       e.replicas, e.hw.name, pt.requests_per_s * e.replicas, *e.rate);
  }
  out << fmt::format("output tok/s   {}  ({} per GPU)\n",
                     grouped(pt.output_tokens_per_s * e.replicas),
                     grouped(pt.output_tokens_per_s_per_device));
  out << fmt::format("requests/s     {:.2f}\n", pt.requests_per_s * e.replicas);
  out << fmt::format("TTFT           {}\n", duration(pt.ttft_s));
  out << fmt::format("TPOT           {}\n", duration(pt.tpot_s));
  out << fmt::format("  prefill {} per prompt, decode step {} at batch {}\n",
                     duration(pt.prefill_s), duration(pt.decode_step_s), pt.batch);
  const double total = infer_memory_bytes(e);
  out << fmt::format(
      "memory per GPU {:.1f} GB = weights {:.1f} + KV cache {:.1f}, of {:.1f} usable: fits\n",
      total / kGB, pt.weights_bytes_per_device / kGB, (total - pt.weights_bytes_per_device) / kGB,
      capacity / kGB);
}

}  // namespace sovsim::cli
