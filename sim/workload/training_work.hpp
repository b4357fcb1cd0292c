// sim/workload/training_work.hpp — a training job described by what it computes (model, tokens
// or iterations, batch, sequence, parallelism) instead of by a duration. Its run time comes from
// the training-step model (models/training_step.hpp) on the hardware it is placed on, so the same
// job runs faster on B200 than on H100. Pure: no SimGrid.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "models/hardware.hpp"
#include "models/transformer.hpp"

namespace sovsim::sim {

struct TrainingWork {
  std::string model;              // models/catalog/models.yaml name
  double tokens = 0;              // tokens to train on; or
  int64_t iterations = 0;         // iterations (global batches) to run
  int global_batch = 1024;        // sequences per iteration
  int seq_len = 4096;             // tokens per sequence
  std::string precision = "bf16";
  int tp = 0, pp = 0, cp = 1, ep = 1;  // tp = pp = 0: chosen per hardware (choose_parallelism)
  int zero_stage = 1;
  std::string recompute = "selective";  // none | selective | full
  double dp_overlap = 0.8;

  int64_t total_iterations() const;
};

// What the engine needs of a training run on one hardware type.
struct TrainingRun {
  double run_time_s = 0;        // all iterations, undisturbed
  double network_fraction = 0;  // exposed scale-out (DP) communication / step time
};

// Bytes of a checkpoint of `model` trained with mixed-precision Adam (models::
// checkpoint_bytes_for_params: 14 B per parameter, weights and optimizer state, no gradients).
double training_checkpoint_bytes(const models::Transformer& model);

// `work` on `gpus` devices of `hw`, or why it cannot run there (in `why_not`).
std::optional<TrainingRun> training_run(const TrainingWork& work, const models::Transformer& model,
                                        int gpus, const models::Hardware& hw,
                                        std::string* why_not = nullptr);

}  // namespace sovsim::sim
