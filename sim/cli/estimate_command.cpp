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
#include "models/transformer.hpp"
#include "sim/cli/estimate_modes.hpp"
#include "sim/cli/estimate_report.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/scenario_input.hpp"

namespace sovsim::cli {
namespace {

using models::Hardware;
using models::Transformer;


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
      estimate_error(err, c.models_from_file.empty()
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
  estimate_error(err, unknown_name("model", name, names));
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
    check(o.ttft_slo.has_value(), "--ttft-slo");
    check(o.tpot_slo.has_value(), "--tpot-slo");
    check(o.token_budget.has_value(), "--token-budget");
    check(o.colocate.has_value(), "--colocate");
  } else {
    check(o.seq.has_value(), "--seq");
    check(o.global_batch.has_value(), "--global-batch");
    check(o.micro_batch.has_value(), "--micro-batch");
    check(o.recompute.has_value(), "--recompute");
    check(o.zero.has_value(), "--zero");
    check(o.dp_overlap.has_value(), "--dp-overlap");
    check(o.virtual_stages.has_value(), "--virtual-stages");
    check(o.flash_attention.has_value(), "--flash-attention");
    check(o.sequence_parallel.has_value(), "--sequence-parallel");
    check(o.first_stage_layers.has_value(), "--first-stage-layers");
    check(o.last_stage_layers.has_value(), "--last-stage-layers");
    check(o.embedding_as_layer, "--account-for-embedding");
    check(o.loss_as_layer, "--account-for-loss");
    check(o.search.has_value(), "--search");
    check(o.pp.value_or(1) != 1, "--pp");
    check(o.cp.value_or(1) != 1, "--cp");
    check(o.ep.value_or(1) != 1, "--ep");
  }
  if (bad.empty()) return "";
  return fmt::format("{} do{} not apply to --mode {}", fmt::join(bad, ", "),
                     bad.size() == 1 ? "es" : "", o.mode);
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
  cmd->add_option("--virtual-stages", o.virtual_stages,
                  "Train: interleaved 1F1B, model chunks per pipeline rank [1]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--flash-attention", o.flash_attention, "Train: fused attention on or off [on]")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_option("--sequence-parallel", o.sequence_parallel,
                  "Train: shard norm/dropout activations over TP, on or off [on when tp > 1]")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_option("--first-stage-layers", o.first_stage_layers,
                  "Train: transformer layers on the first pipeline stage (the rest split evenly)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--last-stage-layers", o.last_stage_layers,
                  "Train: transformer layers on the last pipeline stage (the rest split evenly)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--account-for-embedding", o.embedding_as_layer,
                "Train: count the embedding as a layer when splitting the pipeline");
  cmd->add_flag("--account-for-loss", o.loss_as_layer,
                "Train: count the output layer and loss as a layer when splitting the pipeline");
  cmd->add_option("--search", o.search, "Train: list the N fastest layouts that fit")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--input-tokens", o.input_tokens, "Infer: prompt tokens per request [1024]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--output-tokens", o.output_tokens, "Infer: output tokens per request [256]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--batch", o.batch,
                  "Infer: concurrent sequences per replica [as many as the KV cache holds]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--rate", o.rate,
                  "Infer: requests/s over all replicas; picks the smallest batch that carries it "
                  "(without --gpus/--dp: also the replicas it needs)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--ttft-slo", o.ttft_slo,
                  "Infer: time-to-first-token objective, e.g. 2s; the point with the most tokens/s "
                  "per GPU that meets it");
  cmd->add_option("--tpot-slo", o.tpot_slo,
                  "Infer: time-per-output-token objective, e.g. 200ms");
  cmd->add_option("--token-budget", o.token_budget,
                  "Infer: tokens per engine step, decodes + prefill chunks [8192; searched with "
                  "an objective]")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--colocate", o.colocate,
                  "Infer: replicas sharing each GPU (HBM split, bandwidth and compute shared) [1]")
      ->check(CLI::Range(1, 64));
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
    return estimate_error(err, "--mode must be train or infer"), kExitBadInput;
  }
  if (const std::string bad = foreign_flags(o); !bad.empty()) {
    return estimate_error(err, bad), kExitBadInput;
  }
  if (o.hardware.empty()) {
    return estimate_error(err, "--hw NAME is required (see --list-hardware)"), kExitBadInput;
  }
  const Hardware* hw = catalogs->hardware.find(o.hardware);
  if (!hw) {
    estimate_error(err, unknown_name("hardware", o.hardware, catalogs->hardware.names()));
    return kExitBadInput;
  }
  auto model = find_model(o, *catalogs, err);
  if (!model) return kExitBadInput;
  return o.mode == "train" ? run_estimate_train(o, *hw, *model, out, err)
                           : run_estimate_infer(o, *hw, *model, out, err);
}

}  // namespace sovsim::cli
