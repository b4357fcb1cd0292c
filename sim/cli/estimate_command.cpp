// sim/cli/estimate_command.cpp — see estimate_command.hpp. Resolves the flags into a
// TrainingConfig or InferenceConfig (choosing what was not given), asks models/ and hands the
// result to estimate_report.cpp. Every bad input is reported here and returns kExitBadInput.
#include "sim/cli/estimate_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "models/common/input_file.hpp"
#include "models/common/yaml_reader.hpp"
#include "models/hardware.hpp"
#include "models/inference.hpp"
#include "models/parallelism_choice.hpp"
#include "models/training_step.hpp"
#include "models/transformer.hpp"
#include "sim/cli/estimate_report.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/scenario_input.hpp"

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

void error(std::ostream& err, const std::string& message) { err << "error: " << message << "\n"; }

std::string unknown_name(const char* what, const std::string& name,
                         const std::vector<std::string>& valid) {
  // Names are case-sensitive; a case slip ("h100") is the likeliest typo, so it wins.
  auto lower = [](std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  std::string hint = closest_match(name, valid);
  for (const auto& v : valid) {
    if (lower(v) == lower(name)) hint = v;
  }
  return fmt::format("unknown {} '{}'{} (valid: {})", what, name,
                     hint.empty() ? "" : "; did you mean '" + hint + "'?", fmt::join(valid, ", "));
}

// The models of a --model-file: one map with the models.yaml keys, or a `models:` list.
Result<std::vector<Transformer>> read_model_file(const std::string& path) {
  const auto text = read_input_file(path, "model file", kMaxCatalogFileBytes);
  if (!text.ok()) return text.diagnostics();
  Diagnostics diagnostics;
  YamlContext ctx{path, &diagnostics};
  const YAML::Node root = parse_yaml(text.value(), ctx);
  if (!diagnostics.empty()) return diagnostics;
  if (root.IsMap() && root["models"]) {
    auto catalog = models::TransformerCatalog::parse(text.value(), path);
    if (!catalog.ok()) return catalog.diagnostics();
    return catalog->all();
  }
  if (!root.IsMap()) {
    return Diagnostics{{path, 1, 1, "",
                        "expected one model (name, layers, hidden, heads, vocab, ...) or a "
                        "`models:` list, found " +
                            describe_node(root)}};
  }
  MapReader m(root, "", ctx);
  Transformer t = models::read_transformer(m);
  if (!diagnostics.empty()) return diagnostics;
  return std::vector<Transformer>{t};
}

struct Catalogs {
  models::HardwareCatalog hardware;
  std::vector<std::string> hardware_from_file;
  std::vector<Transformer> models;  // built-in, then the file's (replacing same names)
  std::vector<std::string> models_from_file;
};

std::optional<Catalogs> load_catalogs(const EstimateOptions& o, std::ostream& err) {
  auto hw = models::HardwareCatalog::builtin();
  auto tf = models::TransformerCatalog::builtin();
  if (!hw.ok() || !tf.ok()) {
    // The built-in catalogs are part of the program: a problem there is a bug, not bad input.
    for (const auto& d : hw.diagnostics()) err << "internal error: " << d.to_string() << "\n";
    for (const auto& d : tf.diagnostics()) err << "internal error: " << d.to_string() << "\n";
    throw std::runtime_error("built-in catalog is invalid");
  }
  Catalogs c{hw.value(), {}, tf->all(), {}};
  if (!o.hw_file.empty()) {
    auto merged = c.hardware.merged_with_file(o.hw_file);
    if (!merged.ok()) {
      print_diagnostics(merged.diagnostics(), err);
      return std::nullopt;
    }
    c.hardware = std::move(merged).value();
    c.hardware_from_file = models::HardwareCatalog().merged_with_file(o.hw_file)->names();
  }
  if (!o.model_file.empty()) {
    auto extra = read_model_file(o.model_file);
    if (!extra.ok()) {
      print_diagnostics(extra.diagnostics(), err);
      return std::nullopt;
    }
    for (const Transformer& t : extra.value()) {
      c.models_from_file.push_back(t.name);
      auto it = std::find_if(c.models.begin(), c.models.end(),
                             [&](const Transformer& m) { return m.name == t.name; });
      if (it != c.models.end()) {
        *it = t;
      } else {
        c.models.push_back(t);
      }
    }
  }
  return c;
}

std::optional<Transformer> find_model(const EstimateOptions& o, const Catalogs& c,
                                      std::ostream& err) {
  std::string name = o.model;
  if (name.empty()) {
    if (c.models_from_file.size() != 1) {
      error(err, c.models_from_file.empty()
                     ? "--model NAME or --model-file FILE is required (see --list-models)"
                     : fmt::format("{} defines {} models; pick one with --model ({})", o.model_file,
                                   c.models_from_file.size(), fmt::join(c.models_from_file, ", ")));
      return std::nullopt;
    }
    name = c.models_from_file.front();
  }
  for (const auto& m : c.models) {
    if (m.name == name) return m;
  }
  std::vector<std::string> names;
  for (const auto& m : c.models) names.push_back(m.name);
  std::sort(names.begin(), names.end());
  error(err, unknown_name("model", name, names));
  return std::nullopt;
}

// Flags that only one mode reads; giving them in the other mode is a usage error.
std::string foreign_flags(const EstimateOptions& o) {
  std::vector<std::string> bad;
  auto check = [&](bool given, const char* flag) {
    if (given) bad.emplace_back(flag);
  };
  if (o.mode == "train") {
    check(o.input_tokens.has_value(), "--input-tokens");
    check(o.output_tokens.has_value(), "--output-tokens");
    check(o.batch.has_value(), "--batch");
    check(o.rate.has_value(), "--rate");
  } else {
    check(o.seq.has_value(), "--seq");
    check(o.global_batch.has_value(), "--global-batch");
    check(o.micro_batch.has_value(), "--micro-batch");
    check(o.recompute.has_value(), "--recompute");
    check(o.zero.has_value(), "--zero");
    check(o.dp_overlap.has_value(), "--dp-overlap");
    check(o.pp.value_or(1) != 1, "--pp");
    check(o.cp.value_or(1) != 1, "--cp");
    check(o.ep.value_or(1) != 1, "--ep");
  }
  if (bad.empty()) return "";
  return fmt::format("{} do{} not apply to --mode {}", fmt::join(bad, ", "),
                     bad.size() == 1 ? "es" : "", o.mode);
}

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

int run_train(const EstimateOptions& o, const Hardware& hw, const Transformer& model,
              std::ostream& out, std::ostream& err) {
  if (!o.gpus) return error(err, "--gpus N is required with --mode train"), kExitBadInput;
  const int gpus = *o.gpus;
  TrainEstimate e{hw, model, {}, {}, false, ""};
  models::TrainingConfig& cfg = e.cfg;
  const int seq = o.seq.value_or(kDefaultSeq);
  const double overlap = o.dp_overlap.value_or(kDefaultDpOverlap);
  // Sequences per step: --global-batch, or 4 Mi tokens rounded up to a multiple of `unit` (the
  // given dp x micro-batch, so that they divide it; the chooser keeps only layouts that do).
  auto batch_for = [&](int64_t unit) {
    if (o.global_batch) return *o.global_batch;
    const auto sequences = static_cast<int64_t>(std::ceil(kDefaultBatchTokens / seq));
    return static_cast<int>(std::min<int64_t>((sequences + unit - 1) / unit * unit, INT_MAX));
  };
  if (o.tp || o.pp || o.dp || o.cp) {
    const int tp = o.tp.value_or(1), pp = o.pp.value_or(1), cp = o.cp.value_or(1);
    int dp = o.dp.value_or(0);
    if (!o.dp) {
      const int64_t rest = int64_t{tp} * pp * cp;
      if (gpus % rest != 0) {
        error(err, fmt::format("--gpus {} is not a multiple of tp x pp x cp = {} x {} x {} = {}",
                               gpus, tp, pp, cp, rest));
        return kExitBadInput;
      }
      dp = static_cast<int>(gpus / rest);
    }
    const int64_t product = int64_t{tp} * pp * dp * cp;  // 64-bit: degrees come from argv
    if (product != gpus) {
      error(err, fmt::format("--gpus {} must equal tp x pp x dp x cp = {} x {} x {} x {} = {}",
                             gpus, tp, pp, dp, cp, product));
      return kExitBadInput;
    }
    const int micro_batch = o.micro_batch.value_or(1);
    cfg.parallel = {tp, pp, dp, cp, o.ep.value_or(1), micro_batch, 1, o.zero.value_or(0), tp > 1};
    cfg.recompute = parse_recompute(o.recompute.value_or("selective"));
    cfg.global_batch = batch_for(int64_t{dp} * micro_batch);
  } else {
    if (hw.peak_flops(o.precision) <= 0) {
      error(err, fmt::format("{} has no {} support", hw.name, o.precision));
      return kExitBadInput;
    }
    const int global_batch = batch_for(o.micro_batch.value_or(1));
    auto chosen =
        models::choose_parallelism(model, hw, {gpus, global_batch, seq, o.precision, overlap});
    if (chosen) {
      cfg = *chosen;
    } else {
      cfg = frugal_layout(model, hw, gpus);
      e.note = fmt::format(
          "no layout of {} x {} fits {} in memory; shown: the most memory-frugal one (widest TP, "
          "deepest PP, ZeRO-3, full recompute)",
          gpus, hw.name, model.name);
    }
    cfg.global_batch = global_batch;
    e.parallelism_chosen = true;
    // What the user fixed overrides the chooser's pick (which may then no longer fit).
    if (o.ep) cfg.parallel.ep = *o.ep;
    if (o.micro_batch) cfg.parallel.micro_batch = *o.micro_batch;
    if (o.zero) cfg.parallel.zero_stage = *o.zero;
    if (o.recompute) cfg.recompute = parse_recompute(*o.recompute);
  }
  cfg.precision = o.precision;
  cfg.seq_len = seq;
  cfg.flash_attention = true;
  cfg.dp_overlap = overlap;
  // Checked here in 64 bits: check_training() multiplies the degrees as int.
  const int64_t replica_batch = int64_t{cfg.parallel.dp} * cfg.parallel.micro_batch;
  const std::string reason =
      replica_batch > cfg.global_batch
          ? fmt::format("global batch {} is smaller than dp x micro_batch = {}", cfg.global_batch,
                        replica_batch)
          : models::check_training(model, hw, cfg);
  if (!reason.empty()) {
    const auto& p = cfg.parallel;
    error(err, fmt::format("impossible configuration (TP={} PP={} DP={} CP={} EP={}, micro-batch "
                           "{}, global batch {}): {}",
                           p.tp, p.pp, p.dp, p.cp, p.ep, p.micro_batch, cfg.global_batch, reason));
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

// TP degrees a replica may use: powers of two inside the scale-up domain (and --gpus).
std::vector<int> tp_candidates(const Hardware& hw, std::optional<int> gpus) {
  std::vector<int> out;
  for (int t = 1; t <= hw.scaleup_domain && (!gpus || t <= *gpus); t *= 2) {
    if (!gpus || *gpus % t == 0) out.push_back(t);
  }
  return out;
}

int run_infer(const EstimateOptions& o, const Hardware& hw, const Transformer& model,
              std::ostream& out, std::ostream& err) {
  if (o.batch && o.rate) {
    return error(err, "give --batch or --rate, not both"), kExitBadInput;
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
      error(err, fmt::format("--gpus {} is not a multiple of --dp {}", *o.gpus, *o.dp));
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
      error(err, fmt::format("no tensor-parallel degree of {} can serve {}: {}", hw.name,
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
    error(err, fmt::format("--gpus {} must equal tp x dp (replicas) = {} x {}", gpus, cfg.tp,
                           o.dp ? fmt::to_string(*o.dp) : "?"));
    return kExitBadInput;
  }
  e.replicas = gpus / cfg.tp;
  const std::string reason = models::check_inference(model, hw, cfg);
  if (!reason.empty()) {
    return error(err, "impossible configuration: " + reason), kExitBadInput;
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

}  // namespace

void setup_estimate_command(CLI::App& app, EstimateOptions& o) {
  auto* cmd = app.add_subcommand(
      "estimate",
      "Ask the performance models one question: training step time, MFU and memory, or "
      "serving tokens/s, TTFT and TPOT, for a model on a hardware type (docs/estimate.md)");
  cmd->add_option("--mode", o.mode, "train or infer")
      ->check(CLI::IsMember({"train", "infer"}))
      ->capture_default_str();
  cmd->add_option("--hw", o.hardware, "Hardware name (see --list-hardware)");
  cmd->add_option("--hw-file", o.hw_file,
                  "YAML file of extra or overriding hardware entries (docs/hardware.md)");
  cmd->add_option("--model", o.model, "Model name (see --list-models)");
  cmd->add_option("--model-file", o.model_file,
                  "YAML file with one model (models.yaml keys) or a `models:` list");
  cmd->add_option("--gpus", o.gpus, "Devices (train: required; infer: default one replica)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--tp", o.tp, "Tensor parallel degree")->check(CLI::PositiveNumber);
  cmd->add_option("--pp", o.pp, "Pipeline stages (train)")->check(CLI::PositiveNumber);
  cmd->add_option("--dp", o.dp, "Data-parallel replicas (infer: serving replicas)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--cp", o.cp, "Context parallel degree (train)")->check(CLI::PositiveNumber);
  cmd->add_option("--ep", o.ep, "Expert parallel degree (train, MoE)")->check(CLI::PositiveNumber);
  cmd->add_option("--seq", o.seq, "Train: tokens per sequence [2048]")->check(CLI::PositiveNumber);
  cmd->add_option("--global-batch", o.global_batch,
                  "Train: sequences per step [~4 Mi tokens, rounded up]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--micro-batch", o.micro_batch, "Train: sequences per micro-batch [1]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--precision", o.precision, "GEMM (and, infer, weight) precision")
      ->check(CLI::IsMember({"bf16", "fp8", "fp4"}))
      ->capture_default_str();
  cmd->add_option("--recompute", o.recompute, "Train: activation recompute [selective]")
      ->check(CLI::IsMember({"none", "selective", "full"}));
  cmd->add_option("--zero", o.zero, "Train: ZeRO stage 0..3 [0]")->check(CLI::Range(0, 3));
  cmd->add_option("--dp-overlap", o.dp_overlap,
                  "Train: fraction of the gradient sync hidden behind backward [0.8]")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--input-tokens", o.input_tokens, "Infer: prompt tokens per request [1024]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--output-tokens", o.output_tokens, "Infer: output tokens per request [256]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--batch", o.batch,
                  "Infer: concurrent sequences per replica [as many as the KV cache holds]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--rate", o.rate,
                  "Infer: requests/s over all replicas; picks the smallest batch that carries it")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--json", o.json, "Print JSON instead of the text table");
  cmd->add_flag("--list-hardware", o.list_hardware, "List hardware names and exit");
  cmd->add_flag("--list-models", o.list_models, "List model names and exit");
}

int run_estimate(const EstimateOptions& o, std::ostream& out, std::ostream& err) {
  auto catalogs = load_catalogs(o, err);
  if (!catalogs) return kExitBadInput;
  if (o.list_hardware || o.list_models) {
    if (o.list_hardware) {
      print_hardware_list(catalogs->hardware.all(), catalogs->hardware_from_file, o.json, out);
    }
    if (o.list_models) {
      print_model_list(catalogs->models, catalogs->models_from_file, o.json, out);
    }
    return kExitOk;
  }
  if (o.mode != "train" && o.mode != "infer") {
    return error(err, "--mode must be train or infer"), kExitBadInput;
  }
  if (const std::string bad = foreign_flags(o); !bad.empty()) {
    return error(err, bad), kExitBadInput;
  }
  if (o.hardware.empty()) {
    return error(err, "--hw NAME is required (see --list-hardware)"), kExitBadInput;
  }
  const Hardware* hw = catalogs->hardware.find(o.hardware);
  if (!hw) {
    error(err, unknown_name("hardware", o.hardware, catalogs->hardware.names()));
    return kExitBadInput;
  }
  auto model = find_model(o, *catalogs, err);
  if (!model) return kExitBadInput;
  return o.mode == "train" ? run_train(o, *hw, *model, out, err)
                           : run_infer(o, *hw, *model, out, err);
}

}  // namespace sovsim::cli
