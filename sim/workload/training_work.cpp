// sim/workload/training_work.cpp — see training_work.hpp.
#include "sim/workload/training_work.hpp"

#include <fmt/format.h>

#include <cmath>

#include "models/failures.hpp"
#include "models/parallelism_choice.hpp"
#include "models/training_step.hpp"

namespace sovsim::sim {

int64_t TrainingWork::total_iterations() const {
  if (iterations > 0) return iterations;
  return static_cast<int64_t>(std::ceil(tokens / (static_cast<double>(global_batch) * seq_len)));
}

double training_checkpoint_bytes(const models::Transformer& model) {
  return models::checkpoint_bytes_for_params(model.params());
}

std::optional<TrainingRun> training_run(const TrainingWork& work, const models::Transformer& model,
                                        int gpus, const models::Hardware& hw,
                                        std::string* why_not) {
  auto fail = [&](std::string reason) -> std::optional<TrainingRun> {
    if (why_not) *why_not = std::move(reason);
    return std::nullopt;
  };
  std::optional<models::TrainingConfig> config;
  if (work.tp == 0 && work.pp == 0) {
    models::ChoiceRequest request;
    request.gpus = gpus;
    request.global_batch = work.global_batch;
    request.seq_len = work.seq_len;
    request.precision = work.precision;
    request.dp_overlap = work.dp_overlap;
    config = models::choose_parallelism(model, hw, request);
    if (!config) return fail(fmt::format("no parallelism of {} on {} GPUs of {} fits", model.name, gpus, hw.name));
  } else {
    const int tp = std::max(work.tp, 1), pp = std::max(work.pp, 1);
    const int per_replica = tp * pp * work.cp;
    if (gpus % per_replica != 0) {
      return fail(fmt::format("{} GPUs are not a multiple of tp*pp*cp = {}", gpus, per_replica));
    }
    config.emplace();
    config->parallel.tp = tp;
    config->parallel.pp = pp;
    config->parallel.cp = work.cp;
    config->parallel.ep = work.ep;
    config->parallel.dp = gpus / per_replica;
    config->parallel.zero_stage = work.zero_stage;
    config->parallel.sequence_parallel = tp > 1;
    config->precision = work.precision;
    config->global_batch = work.global_batch;
    config->seq_len = work.seq_len;
    config->recompute = work.recompute == "none"   ? models::Recompute::kNone
                        : work.recompute == "full" ? models::Recompute::kFull
                                                   : models::Recompute::kSelective;
    config->dp_overlap = work.dp_overlap;
    const std::string problem = models::check_training(model, hw, *config);
    if (!problem.empty()) return fail(problem);
  }
  auto step = models::training_step(model, hw, *config);
  if (!step) return fail("the training-step model rejected the configuration");
  if (!step->memory.fits) {
    return fail(fmt::format("{} does not fit in {} memory with this parallelism", model.name, hw.name));
  }
  TrainingRun run;
  run.run_time_s = step->step_time_s * static_cast<double>(work.total_iterations());
  run.network_fraction = step->step_time_s > 0 ? step->dp_exposed_s / step->step_time_s : 0;
  return run;
}

}  // namespace sovsim::sim
