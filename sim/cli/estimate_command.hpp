// sim/cli/estimate_command.hpp — `sovsim estimate`: one question to the performance models from
// the command line (training step time / MFU / memory, or serving tokens/s / TTFT / TPOT) for a
// model on a hardware type, with the catalogs extendable by --hw-file / --model-file. No engine,
// no scenario, no files written. Output formatting lives in estimate_report.hpp; docs/estimate.md.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <optional>
#include <string>

namespace sovsim::cli {

// Every flag of `sovsim estimate`. An unset optional means "not given": the command either
// chooses it (parallelism) or uses the documented default (docs/estimate.md).
struct EstimateOptions {
  std::string mode = "train";  // "train" | "infer"
  std::string hardware;        // --hw: catalog name
  std::string hw_file;         // --hw-file: extra/overriding hardware entries
  std::string model;           // --model: catalog (or --model-file) name
  std::string model_file;      // --model-file: one model, or `models:` list
  std::optional<int> gpus;     // train: required; infer: default one replica (tp)
  std::optional<int> tp, pp, dp, cp, ep;
  std::optional<int> seq;                // train: tokens per sequence (default 2048)
  std::optional<int> global_batch;       // train: sequences per step (default ~4 Mi tokens)
  std::optional<int> micro_batch;        // train: sequences per micro-batch (default 1)
  std::string precision = "bf16";        // "bf16" | "fp8" | "fp4"
  std::optional<std::string> recompute;  // train: "none" | "selective" | "full"
  std::optional<int> zero;               // train: ZeRO stage 0..3
  std::optional<double> dp_overlap;      // train: hidden fraction of gradient sync (default 0.8)
  std::optional<int> virtual_stages;     // train: interleaved 1F1B chunks per pipeline rank (1)
  std::optional<std::string> flash_attention;  // train: "on" | "off" (default on)
  std::optional<std::string> sequence_parallel;  // train: "on" | "off" (default on when tp > 1)
  std::optional<int> first_stage_layers;       // train: layers on the first pipeline stage
  std::optional<int> last_stage_layers;        // train: layers on the last pipeline stage
  bool embedding_as_layer = false;  // train: the embedding counts as a layer in the stage split
  bool loss_as_layer = false;       // train: the output layer + loss count as a layer likewise
  std::optional<int> search;        // train: list the N fastest layouts that fit
  std::optional<int> input_tokens, output_tokens;  // infer: per request (default 1024 / 256)
  std::optional<int> batch;                        // infer: concurrent sequences per replica
  std::optional<double> rate;                      // infer: requests/s over all replicas
  std::optional<std::string> ttft_slo, tpot_slo;   // infer: objectives, durations ("2s", "200ms")
  std::optional<int> token_budget;                 // infer: tokens per engine step
  std::optional<int> colocate;                     // infer: replicas sharing each GPU
  bool json = false;
  bool list_hardware = false;
  bool list_models = false;
};

void setup_estimate_command(CLI::App& app, EstimateOptions& options);

// Returns the exit code (exit_codes.hpp): 0 for an answer (a model that does not fit is an
// answer), 2 for bad input (unknown names, bad files, impossible parallelism).
int run_estimate(const EstimateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
