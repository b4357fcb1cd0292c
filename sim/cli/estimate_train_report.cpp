// sim/cli/estimate_train_report.cpp — the training half of estimate_report.hpp: JSON and text
// of a training estimate and of a layout search (--search). JSON fields and units are listed in
// docs/estimate.md; keep in step.
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

json parallelism_json(const models::Transformer& model, const models::TrainingConfig& c,
                      const models::TrainingStep& s) {
  const models::Parallelism& p = c.parallel;
  return {{"tp", p.tp},
          {"pp", p.pp},
          {"dp", p.dp},
          {"cp", p.cp},
          {"ep", p.ep},
          {"micro_batch", p.micro_batch},
          {"micro_batches", s.micro_batches},
          {"virtual_stages", p.virtual_stages},
          {"stage_layers", models::stage_layers(model, p, c.split)},
          {"zero_stage", p.zero_stage},
          {"sequence_parallel", p.sequence_parallel},
          {"recompute", recompute_name(c.recompute)},
          {"flash_attention", c.flash_attention},
          {"dp_overlap", c.dp_overlap}};
}

std::string stage_layers_text(const models::Transformer& model, const models::TrainingConfig& c) {
  const std::vector<int> layers = models::stage_layers(model, c.parallel, c.split);
  const bool even = std::all_of(layers.begin(), layers.end(),
                                [&](int n) { return n == layers.front(); });
  if (even) return fmt::format("{} layers per stage", layers.front());
  std::string out = "layers per stage";
  for (int n : layers) out += fmt::format(" {}", n);
  return out;
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
      {"parallelism", parallelism_json(e.model, c, s)},
      {"step_time_s", s.step_time_s},
      {"tokens_per_s", s.tokens_per_s},
      {"tokens_per_s_per_gpu", s.tokens_per_s / p.gpus()},
      {"tflops_per_gpu", s.tflops_per_gpu},
      {"hardware_tflops_per_gpu", s.hardware_tflops_per_gpu},
      {"mfu", s.mfu},
      {"hfu", s.hfu},
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
      {"slowest_stage", s.slowest_stage},
      {"dp_bytes_per_gpu", s.dp_bytes_per_gpu},
      {"fits", m.fits},
      {"memory_per_gpu_gb", m.total_bytes / kGB},
      {"memory_gb",
       {{"weights", m.weights_bytes / kGB},
        {"grads", m.grads_bytes / kGB},
        {"optimizer", m.optimizer_bytes / kGB},
        {"activations", m.activations_bytes / kGB},
        {"total", m.total_bytes / kGB},
        {"capacity", m.capacity_bytes / kGB},
        {"stage", m.stage}}},
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
      "  micro-batch {} ({} per step), ZeRO-{}, recompute {}, {}flash attention {}, dp overlap "
      "{:.2f}\n",
      p.micro_batch, s.micro_batches, p.zero_stage, recompute_name(c.recompute),
      p.sequence_parallel ? "sequence parallel, " : "", c.flash_attention ? "on" : "off",
      c.dp_overlap);
  if (p.pp > 1) {
    out << fmt::format("  pipeline: {}{}\n", stage_layers_text(e.model, c),
                       p.virtual_stages > 1
                           ? fmt::format(", interleaved in {} chunks per stage", p.virtual_stages)
                           : "");
  }
  if (!e.note.empty()) out << "note: " << e.note << "\n";
  out << "\n";
  out << fmt::format("step time      {}\n", duration(s.step_time_s));
  out << fmt::format("tokens/s       {}  ({} per GPU)\n", grouped(s.tokens_per_s),
                     grouped(s.tokens_per_s / p.gpus()));
  out << fmt::format("TF/GPU         {:.1f} model, {:.1f} hardware  (MFU {:.1f}%, HFU {:.1f}%)\n",
                     s.tflops_per_gpu, s.hardware_tflops_per_gpu, 100 * s.mfu, 100 * s.hfu);
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
      fmt::format("  (DP traffic {}, {:.0f}% hidden)", duration(s.dp_comm_s),
                  s.dp_comm_s > 0 ? 100 * (1 - s.dp_exposed_s / s.dp_comm_s) : 100 * c.dp_overlap));
  row("optimizer", s.optimizer_s);
  out << "\nmemory per GPU          GB"
      << (p.pp > 1 ? fmt::format("   (pipeline stage {}, the most loaded)", m.stage) : "") << "\n";
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

json train_search_json(const TrainSearch& r) {
  json layouts = json::array();
  for (const models::RankedLayout& l : r.layouts) {
    const models::TrainingStep& s = l.step;
    layouts.push_back({{"parallelism", parallelism_json(r.model, l.config, s)},
                       {"step_time_s", s.step_time_s},
                       {"tokens_per_s", s.tokens_per_s},
                       {"tflops_per_gpu", s.tflops_per_gpu},
                       {"hardware_tflops_per_gpu", s.hardware_tflops_per_gpu},
                       {"mfu", s.mfu},
                       {"bubble_fraction", s.bubble_fraction},
                       {"dp_exposed_s", s.dp_exposed_s},
                       {"memory_per_gpu_gb", s.memory.total_bytes / kGB},
                       {"fits", s.memory.fits}});
  }
  json j = {{"mode", "train"},
            {"gpus", r.gpus},
            {"precision", r.precision},
            {"seq_len", r.seq_len},
            {"global_batch", r.global_batch},
            {"search", r.requested},
            {"layouts", layouts},
            {"hardware", hardware_json(r.hw)},
            {"model", model_json(r.model)}};
  if (r.layouts.empty()) {
    j["note"] = fmt::format("no layout of {} x {} fits {} in memory", r.gpus, r.hw.name,
                            r.model.name);
  }
  return j;
}

void print_train_search_text(const TrainSearch& r, std::ostream& out) {
  out << fmt::format("train {} on {} x {}, {}\n", model_line(r.model), r.gpus, r.hw.name,
                     r.precision);
  out << fmt::format("  seq {}, global batch {} sequences ({:.2f} M tokens per step)\n",
                     r.seq_len, r.global_batch,
                     static_cast<double>(r.global_batch) * r.seq_len / 1e6);
  if (r.layouts.empty()) {
    out << fmt::format("no layout of {} x {} fits {} in memory\n", r.gpus, r.hw.name,
                       r.model.name);
    return;
  }
  out << fmt::format("{} fastest layouts that fit (of {} asked)\n\n", r.layouts.size(),
                     r.requested);
  out << "  #  TP  PP  v   DP  CP  EP  mb  ZeRO recompute        step   tokens/s  TF/GPU    MFU  mem GB\n";
  int rank = 0;
  for (const models::RankedLayout& l : r.layouts) {
    const models::Parallelism& p = l.config.parallel;
    const models::TrainingStep& s = l.step;
    out << fmt::format("{:>3} {:>3} {:>3} {:>2} {:>4} {:>3} {:>3} {:>3} {:>5} {:<9} {:>10} {:>10} {:>7.1f} {:>5.1f}% {:>7.1f}\n",
                       ++rank, p.tp, p.pp, p.virtual_stages, p.dp, p.cp, p.ep, p.micro_batch,
                       p.zero_stage, recompute_name(l.config.recompute), duration(s.step_time_s),
                       grouped(s.tokens_per_s), s.tflops_per_gpu, 100 * s.mfu,
                       s.memory.total_bytes / kGB);
  }
}

}  // namespace sovsim::cli
