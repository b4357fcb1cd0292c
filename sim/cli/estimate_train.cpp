// sim/cli/estimate_train.cpp — `sovsim estimate --mode train`: resolves the flags into a
// TrainingConfig (choose_parallelism() picks what was not given), asks training_step() and prints;
// with --search, the N fastest fitting layouts from rank_layouts().
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
#include "models/parallelism_choice.hpp"
#include "models/training_step.hpp"

namespace sovsim::cli {
namespace {

using models::Hardware;
using models::Transformer;

constexpr int kDefaultSeq = 2048;  // TrainingConfig's and ChoiceRequest's default
// Default tokens per step: 4 Mi, Llama 3 405B's initial batch (Llama 3 paper, Sec. 3.4.1).
constexpr double kDefaultBatchTokens = 4.0 * 1024 * 1024;
// Hidden share of the gradient sync: the same default choose_parallelism() assumes for
// Megatron-Core / FSDP (parallelism_choice.hpp).
constexpr double kDefaultDpOverlap = 0.8;

models::Recompute parse_recompute(const std::string& s) {
  if (s == "none") return models::Recompute::kNone;
  if (s == "full") return models::Recompute::kFull;
  return models::Recompute::kSelective;
}

// The least memory per GPU a plain layout can reach: widest TP in the scale-up domain, deepest
// pipeline, ZeRO-3, full recompute. Shown when choose_parallelism() finds nothing that fits.
models::TrainingConfig frugal_layout(const Transformer& model, const Hardware& hw, int gpus) {
  int tp = 1;
  for (int t : {8, 4, 2}) {
    if (t <= hw.scaleup_domain && gpus % t == 0 && model.heads % t == 0 &&
        model.ffn_hidden % t == 0) {
      tp = t;
      break;
    }
  }
  const int rest = gpus / tp;
  int pp = 1;
  for (int p = std::min(rest, model.layers); p >= 1; --p) {
    if (rest % p == 0) {
      pp = p;
      break;
    }
  }
  models::TrainingConfig c;
  c.parallel = {tp, pp, rest / pp, 1, 1, 1, 1, 3, tp > 1};
  c.recompute = models::Recompute::kFull;
  return c;
}

// The pipeline split the flags ask for.
models::StageSplit split_from(const EstimateOptions& o) {
  models::StageSplit split;
  split.first_stage_layers = o.first_stage_layers.value_or(0);
  split.last_stage_layers = o.last_stage_layers.value_or(0);
  split.embedding_as_layer = o.embedding_as_layer;
  split.loss_as_layer = o.loss_as_layer;
  return split;
}

// What the user fixed, as constraints on the layout search.
models::ChoiceRequest choice_request(const EstimateOptions& o, int gpus, int global_batch, int seq,
                                     double overlap) {
  models::ChoiceRequest r{gpus, global_batch, seq, o.precision, overlap};
  r.flash_attention = o.flash_attention.value_or("on") == "on";
  r.sequence_parallel = o.sequence_parallel.value_or("on") == "on";
  r.ep = o.ep;
  r.micro_batch = o.micro_batch;
  r.virtual_stages = o.virtual_stages;
  r.zero_stage = o.zero;
  if (o.recompute) r.recompute = parse_recompute(*o.recompute);
  r.split = split_from(o);
  return r;
}

}  // namespace

int run_estimate_train(const EstimateOptions& o, const Hardware& hw, const Transformer& model,
              std::ostream& out, std::ostream& err) {
  if (!o.gpus) return estimate_error(err, "--gpus N is required with --mode train"), kExitBadInput;
  const int gpus = *o.gpus;
  TrainEstimate e{hw, model, {}, {}, false, ""};
  models::TrainingConfig& cfg = e.cfg;
  const int seq = o.seq.value_or(kDefaultSeq);
  const double overlap = o.dp_overlap.value_or(kDefaultDpOverlap);
  const bool explicit_layout = o.tp || o.pp || o.dp || o.cp;
  // Sequences per step: --global-batch, or 4 Mi tokens rounded up to a multiple of `unit` (the
  // given dp x micro-batch, so that they divide it; the chooser keeps only layouts that do).
  auto batch_for = [&](int64_t unit) {
    if (o.global_batch) return *o.global_batch;
    const auto sequences = static_cast<int64_t>(std::ceil(kDefaultBatchTokens / seq));
    return static_cast<int>(std::min<int64_t>((sequences + unit - 1) / unit * unit, INT_MAX));
  };
  if (o.search) {
    if (explicit_layout) {
      estimate_error(err, "--search ranks layouts itself; leave out --tp, --pp, --dp and --cp");
      return kExitBadInput;
    }
    if (hw.peak_flops(o.precision) <= 0) {
      estimate_error(err, fmt::format("{} has no {} support", hw.name, o.precision));
      return kExitBadInput;
    }
    TrainSearch search{hw, model, {}, *o.search, gpus, batch_for(o.micro_batch.value_or(1)), seq,
                       o.precision};
    search.layouts = models::rank_layouts(
        model, hw, choice_request(o, gpus, search.global_batch, seq, overlap), *o.search);
    if (o.json) {
      out << train_search_json(search).dump(2) << "\n";
    } else {
      print_train_search_text(search, out);
    }
    return kExitOk;
  }
  if (explicit_layout) {
    const int tp = o.tp.value_or(1), pp = o.pp.value_or(1), cp = o.cp.value_or(1);
    int dp = o.dp.value_or(0);
    if (!o.dp) {
      const int64_t rest = int64_t{tp} * pp * cp;
      if (gpus % rest != 0) {
        estimate_error(err, fmt::format("--gpus {} is not a multiple of tp x pp x cp = {} x {} x {} = {}",
                               gpus, tp, pp, cp, rest));
        return kExitBadInput;
      }
      dp = static_cast<int>(gpus / rest);
    }
    const int64_t product = int64_t{tp} * pp * dp * cp;  // 64-bit: degrees come from argv
    if (product != gpus) {
      estimate_error(err, fmt::format("--gpus {} must equal tp x pp x dp x cp = {} x {} x {} x {} = {}",
                             gpus, tp, pp, dp, cp, product));
      return kExitBadInput;
    }
    const int micro_batch = o.micro_batch.value_or(1);
    const bool sequence_parallel =
        o.sequence_parallel ? *o.sequence_parallel == "on" : tp > 1;
    cfg.parallel = {tp, pp, dp, cp, o.ep.value_or(1), micro_batch, o.virtual_stages.value_or(1),
                    o.zero.value_or(0), sequence_parallel};
    cfg.recompute = parse_recompute(o.recompute.value_or("selective"));
    cfg.global_batch = batch_for(int64_t{dp} * micro_batch);
  } else {
    if (hw.peak_flops(o.precision) <= 0) {
      estimate_error(err, fmt::format("{} has no {} support", hw.name, o.precision));
      return kExitBadInput;
    }
    const int global_batch = batch_for(o.micro_batch.value_or(1));
    // What the user fixed narrows the search; without a fitting layout it is applied to the
    // frugal one.
    auto chosen = models::choose_parallelism(model, hw,
                                             choice_request(o, gpus, global_batch, seq, overlap));
    if (chosen) {
      cfg = *chosen;
    } else {
      cfg = frugal_layout(model, hw, gpus);
      e.note = fmt::format(
          "no layout of {} x {} fits {} in memory; shown: the most memory-frugal one (widest TP, "
          "deepest PP, ZeRO-3, full recompute)",
          gpus, hw.name, model.name);
      if (o.ep) cfg.parallel.ep = *o.ep;
      if (o.micro_batch) cfg.parallel.micro_batch = *o.micro_batch;
      if (o.virtual_stages) cfg.parallel.virtual_stages = *o.virtual_stages;
      if (o.zero) cfg.parallel.zero_stage = *o.zero;
      if (o.recompute) cfg.recompute = parse_recompute(*o.recompute);
      if (o.sequence_parallel) {
        cfg.parallel.sequence_parallel = *o.sequence_parallel == "on" && cfg.parallel.tp > 1;
      }
    }
    cfg.global_batch = global_batch;
    e.parallelism_chosen = true;
  }
  cfg.split = split_from(o);
  cfg.precision = o.precision;
  cfg.seq_len = seq;
  cfg.flash_attention = o.flash_attention.value_or("on") == "on";
  cfg.dp_overlap = overlap;
  // Checked here in 64 bits: check_training() multiplies the degrees as int.
  const int64_t replica_batch = int64_t{cfg.parallel.dp} * cfg.parallel.micro_batch;
  const std::string reason =
      replica_batch > cfg.global_batch
          ? fmt::format("global batch {} is smaller than dp x micro_batch = {}", cfg.global_batch,
                        replica_batch)
          : models::check_training(model, hw, cfg);
  const std::string megatron =
      reason.empty() ? models::check_megatron_interleaving(model, cfg.parallel, cfg.split) : "";
  if (!reason.empty() || !megatron.empty()) {
    const auto& p = cfg.parallel;
    estimate_error(err, fmt::format("impossible configuration (TP={} PP={} DP={} CP={} EP={}, micro-batch "
                           "{}, global batch {}): {}",
                           p.tp, p.pp, p.dp, p.cp, p.ep, p.micro_batch, cfg.global_batch,
                           reason.empty() ? megatron : reason));
    return kExitBadInput;
  }
  e.step = *models::training_step(model, hw, cfg);
  if (o.json) {
    out << train_json(e).dump(2) << "\n";
  } else {
    print_train_text(e, out);
  }
  return kExitOk;
}

}  // namespace sovsim::cli
