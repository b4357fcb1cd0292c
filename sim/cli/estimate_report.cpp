// sim/cli/estimate_report.cpp — see estimate_report.hpp. JSON fields and units are listed in
// docs/estimate.md; keep the two in step.
#include "sim/cli/estimate_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "models/collectives.hpp"
#include "models/efficiency.hpp"
#include "models/training_memory.hpp"

namespace sovsim::cli {
namespace {

using json = nlohmann::ordered_json;

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
constexpr double kGB = 1e9;  // memory figures are reported in GB = 1e9 bytes
constexpr double kSecondsPerDay = 86400;

// 1234567.8 -> "1,234,568".
std::string grouped(double value) {
  const std::string digits = fmt::format("{:.0f}", std::max(0.0, value));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A description cut to fit one line of a listing.
std::string one_line(const std::string& text) {
  constexpr size_t kMax = 64;
  return text.size() <= kMax ? text : text.substr(0, kMax - 3) + "...";
}

std::string duration(double s) {
  if (s >= 100) return fmt::format("{:.0f} s", s);
  if (s >= 1) return fmt::format("{:.2f} s", s);
  if (s >= 1e-3) return fmt::format("{:.2f} ms", s * 1e3);
  return fmt::format("{:.1f} us", s * 1e6);
}

const char* recompute_name(models::Recompute r) {
  switch (r) {
    case models::Recompute::kNone:
      return "none";
    case models::Recompute::kSelective:
      return "selective";
    case models::Recompute::kFull:
      return "full";
  }
  return "?";
}

// Datasheet units, as in hardware.yaml, so an entry can be copied into a --hw-file.
json hardware_json(const models::Hardware& h) {
  return {{"name", h.name},
          {"vendor", h.vendor},
          {"description", h.description},
          {"bf16_tflops", h.bf16_flops / 1e12},
          {"fp8_tflops", h.fp8_flops / 1e12},
          {"fp4_tflops", h.fp4_flops / 1e12},
          {"hbm_gib", h.hbm_bytes / kGiB},
          {"hbm_tb_per_s", h.hbm_bw_bytes_per_s / 1e12},
          {"scaleup_gb_per_s", h.scaleup_bw_bytes_per_s / 1e9},
          {"scaleup_domain", h.scaleup_domain},
          {"gpus_per_node", h.gpus_per_node},
          {"nic_gbit_per_s", h.nic_bw_bytes_per_s * 8 / 1e9},
          {"tdp_w", h.tdp_w},
          {"price_usd", h.price_usd},
          {"source", h.source}};
}

json model_json(const models::Transformer& m) {
  return {{"name", m.name},
          {"description", m.description},
          {"params", m.params()},
          {"active_params", m.active_params()},
          {"layers", m.layers},
          {"hidden", m.hidden},
          {"heads", m.heads},
          {"kv_heads", m.kv_heads},
          {"ffn_hidden", m.ffn_hidden},
          {"vocab", m.vocab},
          {"gated_ffn", m.gated_ffn},
          {"experts", m.experts},
          {"active_experts", m.active_experts},
          {"source", m.source}};
}

json constants_json() {
  const models::Efficiency& e = models::kEfficiency;
  return {{"efficiency",
           {{"matmul", e.matmul},
            {"hbm", e.hbm},
            {"network", e.network},
            {"hbm_usable", e.hbm_usable}}},
          {"scaleup_latency_s", models::kScaleupLatency_s},
          {"scaleout_latency_s", models::kScaleoutLatency_s}};
}

std::string model_line(const models::Transformer& m) {
  if (!m.is_moe()) return fmt::format("{} ({:.1f} B params)", m.name, m.params() / 1e9);
  return fmt::format("{} ({:.1f} B params, {:.1f} B active)", m.name, m.params() / 1e9,
                     m.active_params() / 1e9);
}

// Per device: weights plus the KV cache of `batch` sequences (split over min(tp, kv_heads)).
double infer_memory_bytes(const InferEstimate& e) {
  const models::InferencePoint& pt = e.point;
  return pt.weights_bytes_per_device +
         pt.batch * pt.kv_bytes_per_sequence / std::min(e.cfg.tp, e.model.kv_heads);
}

}  // namespace

json train_json(const TrainEstimate& e) {
  const models::TrainingConfig& c = e.cfg;
  const models::Parallelism& p = c.parallel;
  const models::TrainingStep& s = e.step;
  const models::TrainingMemory& m = s.memory;
  const double tokens_per_step = static_cast<double>(c.global_batch) * c.seq_len;
  json j = {
      {"mode", "train"},
      {"gpus", p.gpus()},
      {"precision", c.precision},
      {"seq_len", c.seq_len},
      {"global_batch", c.global_batch},
      {"tokens_per_step", tokens_per_step},
      {"parallelism_chosen", e.parallelism_chosen},
      {"parallelism",
       {{"tp", p.tp},
        {"pp", p.pp},
        {"dp", p.dp},
        {"cp", p.cp},
        {"ep", p.ep},
        {"micro_batch", p.micro_batch},
        {"micro_batches", s.micro_batches},
        {"virtual_stages", p.virtual_stages},
        {"zero_stage", p.zero_stage},
        {"sequence_parallel", p.sequence_parallel},
        {"recompute", recompute_name(c.recompute)},
        {"flash_attention", c.flash_attention},
        {"dp_overlap", c.dp_overlap}}},
      {"step_time_s", s.step_time_s},
      {"tokens_per_s", s.tokens_per_s},
      {"tokens_per_s_per_gpu", s.tokens_per_s / p.gpus()},
      {"tflops_per_gpu", s.tflops_per_gpu},
      {"mfu", s.mfu},
      {"model_flops_per_step", s.model_flops},
      {"hardware_flops_per_step", s.hardware_flops},
      {"days_per_trillion_tokens", 1e12 / s.tokens_per_s / kSecondsPerDay},
      {"breakdown_s",
       {{"compute", s.compute_s},
        {"tp_comm", s.tp_comm_s},
        {"cp_comm", s.cp_comm_s},
        {"ep_comm", s.ep_comm_s},
        {"pp_p2p", s.pp_p2p_s},
        {"pp_bubble", s.pp_bubble_s},
        {"dp_comm_total", s.dp_comm_s},
        {"dp_exposed", s.dp_exposed_s},
        {"optimizer", s.optimizer_s}}},
      {"bubble_fraction", s.bubble_fraction},
      {"dp_bytes_per_gpu", s.dp_bytes_per_gpu},
      {"fits", m.fits},
      {"memory_per_gpu_gb", m.total_bytes / kGB},
      {"memory_gb",
       {{"weights", m.weights_bytes / kGB},
        {"grads", m.grads_bytes / kGB},
        {"optimizer", m.optimizer_bytes / kGB},
        {"activations", m.activations_bytes / kGB},
        {"total", m.total_bytes / kGB},
        {"capacity", m.capacity_bytes / kGB}}},
      {"hardware", hardware_json(e.hw)},
      {"model", model_json(e.model)},
      {"constants", constants_json()},
  };
  j["constants"]["bytes_per_param"] = {{"weights", models::kWeightBytesPerParam},
                                       {"grads", models::kGradBytesPerParam},
                                       {"optimizer", models::kOptimizerBytesPerParam}};
  if (!e.note.empty()) j["note"] = e.note;
  return j;
}

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

void print_train_text(const TrainEstimate& e, std::ostream& out) {
  const models::TrainingConfig& c = e.cfg;
  const models::Parallelism& p = c.parallel;
  const models::TrainingStep& s = e.step;
  const models::TrainingMemory& m = s.memory;
  out << fmt::format("train {} on {} x {}, {}\n", model_line(e.model), p.gpus(), e.hw.name,
                     c.precision);
  out << fmt::format("  seq {}, global batch {} sequences ({:.2f} M tokens per step)\n", c.seq_len,
                     c.global_batch, static_cast<double>(c.global_batch) * c.seq_len / 1e6);
  out << fmt::format("parallelism{}: TP={} PP={} DP={} CP={} EP={}\n",
                     e.parallelism_chosen ? " chosen" : "", p.tp, p.pp, p.dp, p.cp, p.ep);
  out << fmt::format(
      "  micro-batch {} ({} per step), ZeRO-{}, recompute {}, {}flash attention, dp overlap "
      "{:.2f}\n",
      p.micro_batch, s.micro_batches, p.zero_stage, recompute_name(c.recompute),
      p.sequence_parallel ? "sequence parallel, " : "", c.dp_overlap);
  if (!e.note.empty()) out << "note: " << e.note << "\n";
  out << "\n";
  out << fmt::format("step time      {}\n", duration(s.step_time_s));
  out << fmt::format("tokens/s       {}  ({} per GPU)\n", grouped(s.tokens_per_s),
                     grouped(s.tokens_per_s / p.gpus()));
  out << fmt::format("TF/GPU         {:.1f}  (MFU {:.1f}%)\n", s.tflops_per_gpu, 100 * s.mfu);
  out << fmt::format("1T tokens      {:.1f} days\n", 1e12 / s.tokens_per_s / kSecondsPerDay);
  out << "\nstep breakdown        time   share\n";
  auto row = [&](const char* name, double t, const std::string& extra = "") {
    out << fmt::format("  {:<14} {:>9} {:>6.1f}%{}\n", name, duration(t), 100 * t / s.step_time_s,
                       extra);
  };
  row("compute", s.compute_s);
  if (p.tp > 1) row("TP comm", s.tp_comm_s);
  if (p.cp > 1) row("CP comm", s.cp_comm_s);
  if (p.ep > 1) row("EP comm", s.ep_comm_s);
  if (p.pp > 1) row("PP p2p", s.pp_p2p_s);
  if (p.pp > 1) row("PP bubble", s.pp_bubble_s);
  row("DP exposed", s.dp_exposed_s,
      fmt::format("  (gradient sync {}, {:.0f}% hidden)", duration(s.dp_comm_s),
                  100 * c.dp_overlap));
  row("optimizer", s.optimizer_s);
  out << "\nmemory per GPU          GB\n";
  auto mem = [&](const char* name, double bytes) {
    out << fmt::format("  {:<14} {:>9.1f}\n", name, bytes / kGB);
  };
  mem("weights", m.weights_bytes);
  mem("gradients", m.grads_bytes);
  mem("optimizer", m.optimizer_bytes);
  mem("activations", m.activations_bytes);
  out << fmt::format("  {:<14} {:>9.1f}  of {:.1f} usable ({:.0f} GiB x {:.2f}): {}\n", "total",
                     m.total_bytes / kGB, m.capacity_bytes / kGB, e.hw.hbm_bytes / kGiB,
                     models::kEfficiency.hbm_usable, m.fits ? "fits" : "DOES NOT FIT");
  if (!m.fits) {
    out << "DOES NOT FIT in device memory: the times above are what the step would take if it "
           "did.\nTry more GPUs, --zero 3, --recompute full, or omit the parallelism flags.\n";
  }
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

namespace {

// A catalog listing: JSON under `key` (each entry marked from_file), or one text line per entry
// with `marker` after the ones a user file added.
template <class Entry, class ToJson, class TextLine>
void print_catalog_list(const std::vector<Entry>& all, const std::vector<std::string>& file_names,
                        bool json_out, std::ostream& out, const char* key, const char* marker,
                        ToJson to_json, TextLine text_line) {
  auto from_file = [&](const std::string& n) {
    return std::find(file_names.begin(), file_names.end(), n) != file_names.end();
  };
  if (json_out) {
    json list = json::array();
    for (const auto& e : all) {
      json entry = to_json(e);
      entry["from_file"] = from_file(e.name);
      list.push_back(entry);
    }
    out << json{{key, list}}.dump(2) << "\n";
    return;
  }
  for (const auto& e : all) out << text_line(e) << (from_file(e.name) ? marker : "") << "\n";
}

}  // namespace

void print_hardware_list(const std::vector<models::Hardware>& all,
                         const std::vector<std::string>& file_names, bool json_out,
                         std::ostream& out) {
  print_catalog_list(all, file_names, json_out, out, "hardware", "  [--hw-file]", hardware_json,
                     [](const models::Hardware& h) {
                       return fmt::format("{:<12} {:>6.0f} TF bf16 {:>4.0f} GiB  {:<10} {}",
                                          h.name, h.bf16_flops / 1e12, h.hbm_bytes / kGiB,
                                          h.vendor, one_line(h.description));
                     });
}

void print_model_list(const std::vector<models::Transformer>& all,
                      const std::vector<std::string>& file_names, bool json_out,
                      std::ostream& out) {
  print_catalog_list(all, file_names, json_out, out, "models", "  [--model-file]", model_json,
                     [](const models::Transformer& m) {
                       const std::string& what = m.description.empty() ? m.source : m.description;
                       return fmt::format("{:<22} {:>7.1f} B  {}", m.name, m.params() / 1e9,
                                          one_line(what));
                     });
}

}  // namespace sovsim::cli
