// sim/scenario/workload_schema.cpp — the workload sections of the scenario format (explicit jobs,
// generators, train:, serve:, trace, distributions); see scenario_schema.hpp.
#include "sim/scenario/scenario_schema.hpp"

#include "models/common/units.hpp"
#include "sim/scenario/limits.hpp"
#include "sim/trace/trace_importer.hpp"

namespace sovsim::sim::scenario_schema {

using schema::Key;
using schema::Section;
using schema::Type;

namespace {

const std::vector<std::string_view> kPrecisions = {"bf16", "fp8", "fp4"};
}  // namespace

const Section kWorkload{"workload", {
  {.name = "jobs", .type = Type::kList, .section = &kJob, .shown_default = "`[]`",
   .type_text = "list of [jobs](#workloadjobs)", .description = "Explicit jobs."},
  {.name = "generators", .type = Type::kList, .section = &kGenerator, .shown_default = "`[]`",
   .type_text = "list of [generators](#workloadgenerators)",
   .description = "Synthetic Poisson job streams."},
  {.name = "trace", .type = Type::kMap, .section = &kTrace, .shown_default = "none",
   .type_text = "[map](#workloadtrace)", .description = "A public cluster trace to replay."},
}};

// Keys explicit jobs and generators share (read_run_options, read_constraints).
#define SOVSIM_RUN_OPTION_KEYS                                                                     \
  {.name = "priority", .type = Type::kInteger, .fallback = 0, .min = -1000, .max = 1000,          \
   .description = "Job priority."},                                                                \
  {.name = "checkpoint_interval", .type = Type::kDuration, .fallback = 0, .min = 0,                \
   .max = kMaxDuration_s, .choices = {"young", "daly"},                                           \
   .shown_default = "`0`; `train:` jobs: `daly`",                                                 \
   .type_text = "duration ≥ 0, or `young` / `daly`",                                              \
   .description = "Progress between checkpoints. A preempted job loses the work since its last "   \
                  "checkpoint (`0`: it loses nothing); a failed one too (`0`: everything since "   \
                  "its first start). `young` / `daly`: the optimum for its write time "            \
                  "(`checkpoint_gb` over its site's `storage_gbps`) and its own MTBF under "       \
                  "`failures` ([failures.md](failures.md)), at least 1 min; without `failures` no " \
                  "checkpoints. Needs `checkpoint_gb` unless the job is model-defined. A `train:` job "  \
                  "without this key checkpoints at `daly`: a training run with no checkpoint "   \
                  "redoes everything after a failure, which no one runs."},          \
  {.name = "checkpoint_gb", .type = Type::kNumber, .unit = "GB", .fallback = 0, .min = 0,          \
   .max = 1e9, .shown_default = "`0`; `train:` jobs: 14 B × parameters",                          \
   .description = "Bytes written to the site's shared storage at each checkpoint; writes of all "  \
                  "jobs of a site share its storage bandwidth, and the job holds its GPUs "         \
                  "meanwhile. `0`: checkpoints cost nothing."},                                    \
  {.name = "hbm_demand", .type = Type::kNumber, .fallback = -1, .min = 0.001, .max = 1,           \
   .shown_default = "its GPU share (`gpus` below 1)",                                           \
   .description = "Share of one GPU's HBM bandwidth the job draws when it runs alone at full "   \
                  "speed. On a `shared` GPU, jobs whose demands add up to more than 1 share the "   \
                  "bandwidth max-min fairly and slow down (`hbm_stretch_s` in jobs.csv; "          \
                  "[gpu-sharing.md](gpu-sharing.md)). A MIG instance's bandwidth is its own."},    \
  {.name = "network_fraction", .type = Type::kNumber, .fallback = 0, .min = 0, .max = 0.99,       \
   .shown_default = "`0`; `train:` jobs: from the training model",                                \
   .description = "Share of its undisturbed run time spent in exposed scale-out communication. "   \
                  "When its nodes span leaves or pods, that traffic crosses the uplinks and is "    \
                  "shared with other jobs there ([fabric.md](fabric.md#how-the-engine-uses-it)); "  \
                  "on an oversubscribed or busy uplink the job runs longer. Not allowed beside "    \
                  "`train:`."},                                                                    \
  {.name = "site", .type = Type::kString, .shown_default = "any",                                 \
   .description = "Run only at this site."},                                                       \
  {.name = "hardware", .type = Type::kString, .shown_default = "any",                             \
   .description = "Run only on this hardware type."}

const Section kJob{"workload.jobs[]", {
  {.name = "id", .type = Type::kInteger, .min = 0, .max = 9.0e18,
   .shown_default = "position in the list (1-based)",
   .description = "Unique job id (`job_id` in `jobs.csv`)."},
  {.name = "tenant", .type = Type::kString, .required = true, .description = "A tenant name."},
  {.name = "kind", .type = Type::kString, .text_fallback = "batch", .shown_default = "`batch` (`infer` with `serve`)",
   .description = "Free label (`train`, `infer`, `sim`, ...), reported in `jobs.csv`."},
  {.name = "submit", .type = Type::kTime, .fallback = 0, .min = 0, .max = kMaxDuration_s,
   .description = "Submission time."},
  {.name = "gpus", .type = Type::kNumber, .unit = "GPUs", .min = 0.001, .max = 10'000'000,
   .shown_default = "**required** unless `serve` is given",
   .type_text = "whole number ≥ 1, or a fraction below 1",
   .description = "GPUs requested. A job that fits on one node shares that node with others; a "
                  "larger job holds `ceil(gpus / gpus_per_node)` whole nodes. A fraction below 1 "
                  "(`0.25`) asks for that share of one GPU: a slot of a `mig`/`shared` node group "
                  "it fits in, else one whole GPU ([gpu-sharing.md](gpu-sharing.md))."},
  {.name = "duration", .type = Type::kDuration, .min = 0, .max = kMaxDuration_s,
   .shown_default = "**required** unless `train` is given", .description = "Run time on its resources."},
  {.name = "train", .type = Type::kMap, .section = &kTrain, .shown_default = "none",
   .type_text = "[map](#train-model-defined-training-jobs)",
   .description = "What the job computes; its run time then comes from the performance models on "
                  "the hardware it lands on."},
  {.name = "serve", .type = Type::kMap, .section = &kServe, .shown_default = "none",
   .type_text = "[map](#serve-model-defined-inference-services)",
   .description = "An inference service: its GPU count comes from the serving model, its lifetime "
                  "is `duration`. Kind defaults to `infer`."},
  {.name = "estimate", .type = Type::kDuration, .min = 0, .max = kMaxDuration_s, .shown_default = "`duration`",
   .description = "User's run-time estimate (for backfilling policies)."},
  SOVSIM_RUN_OPTION_KEYS,
}};

const Section kGenerator{"workload.generators[]", {
  {.name = "tenant", .type = Type::kString, .required = true, .description = "A tenant name."},
  {.name = "kind", .type = Type::kString, .text_fallback = "batch", .shown_default = "`batch` (`infer` with `serve`)",
   .description = "Label for its jobs."},
  {.name = "rate_per_hour", .type = Type::kNumber, .unit = "jobs/h", .min = 1e-9, .max = kMaxRatePerHour,
   .required = true, .description = "Mean arrival rate (exponential inter-arrival times)."},
  {.name = "start", .type = Type::kTime, .fallback = 0, .min = 0, .max = kMaxDuration_s,
   .description = "No arrival before."},
  {.name = "end", .type = Type::kTime, .min = 0, .max = kMaxDuration_s, .shown_default = "`horizon`",
   .description = "No arrival at or after."},
  {.name = "count", .type = Type::kInteger, .unit = "jobs", .fallback = 0, .min = 0, .max = 1e9,
   .shown_default = "`0` = unlimited", .description = "Stop after this many jobs."},
  {.name = "gpus", .type = Type::kDistribution, .unit = "GPUs", .shown_default = "**required** unless `serve` is given",
   .type_text = "[distribution](#distributions)",
   .description = "GPUs per job (rounded to an integer ≥ 1)."},
  {.name = "gpu_share", .type = Type::kDistribution, .unit = "GPU", .shown_default = "none: whole GPUs",
   .type_text = "[distribution](#distributions) of values in (0, 1)",
   .description = "Jobs ask for this fraction of one GPU instead of `gpus` (which must then be "
                  "absent): see `gpus` of jobs and [gpu-sharing.md](gpu-sharing.md)."},
  {.name = "duration", .type = Type::kDurationDistribution, .shown_default = "**required** unless `train` is given",
   .type_text = "[distribution](#distributions) of durations",
   .description = "Run time per job (at least 1 s)."},
  {.name = "train", .type = Type::kMap, .section = &kTrain, .shown_default = "none",
   .type_text = "[map](#train-model-defined-training-jobs)",
   .description = "Every job of the generator trains this (with its sampled GPU count)."},
  {.name = "serve", .type = Type::kMap, .section = &kServe, .shown_default = "none",
   .type_text = "[map](#serve-model-defined-inference-services)",
   .description = "Every job of the generator is this service (sized by the models)."},
  {.name = "estimate_factor", .type = Type::kNumber, .fallback = 1, .min = 0.01, .max = 1000,
   .description = "Estimate = factor × duration."},
  SOVSIM_RUN_OPTION_KEYS,
}};
#undef SOVSIM_RUN_OPTION_KEYS

const Section kTrain{"train", {
  {.name = "model", .type = Type::kString, .required = true,
   .description = "A name from `models/catalog/models.yaml` (`llama3-70b`, `hyperclova-x-like-82b`, "
                  "`mixtral-8x7b`, `megatron-gpt-145.6b`, ...)."},
  {.name = "tokens", .type = Type::kNumber, .unit = "tokens", .min = 1, .max = 1e18,
   .shown_default = "this or `iterations` **required**",
   .description = "Tokens to train on (iterations = ⌈tokens / (global_batch × seq)⌉)."},
  {.name = "iterations", .type = Type::kInteger, .min = 1, .max = 1e15,
   .shown_default = "this or `tokens` **required**", .description = "Training iterations."},
  {.name = "global_batch", .type = Type::kInteger, .unit = "sequences", .fallback = 1024, .min = 1, .max = 1 << 24,
   .description = "Sequences per iteration."},
  {.name = "seq", .type = Type::kInteger, .unit = "tokens", .fallback = 4096, .min = 1, .max = 1 << 24,
   .description = "Tokens per sequence."},
  {.name = "precision", .type = Type::kChoice, .text_fallback = "bf16", .choices = kPrecisions,
   .description = "GEMM precision (the hardware must support it)."},
  {.name = "tp", .type = Type::kInteger, .fallback = 0, .min = 0, .max = 1024, .shown_default = "chosen per hardware",
   .description = "Tensor parallel degree; give `tp` and `pp` both or neither. Data parallel = "
                  "gpus / (tp × pp × cp). Without them the fastest layout that fits is chosen on "
                  "each hardware type."},
  {.name = "pp", .type = Type::kInteger, .fallback = 0, .min = 0, .max = 1024, .shown_default = "chosen per hardware",
   .description = "Pipeline parallel degree (with `tp`)."},
  {.name = "cp", .type = Type::kInteger, .fallback = 1, .min = 1, .max = 1024, .description = "Context parallel degree."},
  {.name = "ep", .type = Type::kInteger, .fallback = 1, .min = 1, .max = 1024, .description = "Expert parallel degree."},
  {.name = "zero", .type = Type::kInteger, .fallback = 1, .min = 0, .max = 3, .description = "ZeRO stage."},
  {.name = "recompute", .type = Type::kChoice, .text_fallback = "selective", .choices = {"none", "selective", "full"},
   .description = "Activation recomputation."},
  {.name = "dp_overlap", .type = Type::kNumber, .fallback = 0.8, .min = 0, .max = 1,
   .description = "Fraction of the gradient synchronisation hidden behind compute."},
}};

const Section kAutoscale{"serve.autoscale", {
  {.name = "min_replicas", .type = Type::kInteger, .fallback = 1, .min = 0, .max = 1 << 20,
   .description = "Replicas kept however low the load."},
  {.name = "max_replicas", .type = Type::kInteger, .fallback = 0, .min = 0, .max = 1 << 20, .shown_default = "`0` = no cap",
   .description = "Replicas at most, whatever the load (the excess is not served)."},
  {.name = "interval", .type = Type::kDuration, .fallback = 900, .min = 60, .max = 7 * 86400,
   .description = "Decision period: at its start the service sizes itself for the interval's peak rate."},
  {.name = "scale_up_delay", .type = Type::kDuration, .fallback = 300, .min = 0, .max = 86400,
   .description = "From a replica's start on its GPUs to serving (loading weights, warm-up)."},
}};

const Section kServe{"serve", {
  {.name = "model", .type = Type::kString, .required = true,
   .description = "A name from `models/catalog/models.yaml`."},
  {.name = "requests_per_s", .type = Type::kNumber, .unit = "requests/s", .min = 1e-6, .max = 1e9, .required = true,
   .description = "Offered load, times `rate_profile` at each moment."},
  {.name = "rate_profile", .type = Type::kProfile, .unit = "× requests_per_s", .fallback = 1, .min = 0, .max = 1e6,
   .description = "The load's shape over time: a number, or a repeating profile `{values: [...], step: 1h}` "
                  "(24 values: a day; 168: a week). Without `autoscale` the service is sized for its peak."},
  {.name = "autoscale", .type = Type::kMap, .section = &kAutoscale, .shown_default = "none",
   .type_text = "[map](#serveautoscale)",
   .description = "Make it a living service: replicas follow the load at the SLO (docs/serving.md)."},
  {.name = "ttft_slo", .type = Type::kDuration, .fallback = 2, .min = 1e-6, .max = 86400,
   .description = "Time to first token, at most."},
  {.name = "tpot_slo", .type = Type::kDuration, .fallback = 0.1, .min = 1e-6, .max = 86400,
   .description = "Time per output token, at most."},
  {.name = "input_tokens", .type = Type::kInteger, .unit = "tokens", .fallback = 1024, .min = 1, .max = 1 << 22,
   .description = "Per request."},
  {.name = "output_tokens", .type = Type::kInteger, .unit = "tokens", .fallback = 256, .min = 1, .max = 1 << 22,
   .description = "Per request."},
  {.name = "precision", .type = Type::kChoice, .text_fallback = "bf16", .choices = kPrecisions,
   .description = "Weights and GEMMs (the hardware must support it)."},
  {.name = "tp", .type = Type::kInteger, .fallback = 0, .min = 0, .max = 1024, .shown_default = "`0` = chosen",
   .description = "GPUs per replica; `0` tries powers of two up to the scale-up domain."},
}};

const Section kTrace{"workload.trace", {
  {.name = "format", .type = Type::kChoice, .required = true,
   .choices = {trace_formats().begin(), trace_formats().end()},  // the importer's own table
   .description = "Trace format (see `docs/traces.md`)."},
  {.name = "path", .type = Type::kString, .required = true,
   .description = "Trace file, relative to the scenario file."},
  {.name = "time_scale", .type = Type::kNumber, .fallback = 1, .min = 1e-9, .max = 1e9,
   .description = "Multiplies submit times and durations."},
  {.name = "arrival_scale", .type = Type::kNumber, .fallback = 1, .min = 1e-9, .max = 1e9,
   .description = "Multiplies submit times only: `< 1` packs arrivals closer with unchanged run "
                  "times, raising the offered load (0.8 → 1.25× the load)."},
  {.name = "size_scale", .type = Type::kNumber, .fallback = 1, .min = 1e-9, .max = 1e9,
   .description = "Multiplies GPU counts (rounded, at least 1)."},
  {.name = "window_start", .type = Type::kDuration, .fallback = 0, .min = 0, .max = kMaxDuration_s,
   .description = "Keep jobs submitted at or after this trace time; times are shifted so it is 0."},
  {.name = "window_end", .type = Type::kDuration, .fallback = kMaxDuration_s, .min = 0, .max = kMaxDuration_s,
   .shown_default = "whole trace", .description = "Keep jobs submitted before this trace time."},
  {.name = "max_jobs", .type = Type::kInteger, .fallback = 0, .min = 0, .max = 1e12, .shown_default = "`0` = all",
   .description = "Keep the first N jobs of the window."},
  {.name = "tenant_map", .type = Type::kStringMap, .shown_default = "`{}`", .type_text = "map `\"field:value\": tenant`",
   .description = "Maps trace users/groups/VCs to tenants, e.g. `{\"user:12\": physics}`."},
  {.name = "default_tenant", .type = Type::kString, .shown_default = "first tenant",
   .description = "Tenant of unmapped jobs."},
  {.name = "kind", .type = Type::kString, .text_fallback = "batch", .description = "Label of imported jobs."},
}};


}  // namespace sovsim::sim::scenario_schema
