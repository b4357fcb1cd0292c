// sim/workload/serving_work.hpp — an inference service described by what it serves (model,
// request rate, latency SLOs) instead of by a GPU count. Its size — replicas x tensor-parallel
// GPUs — comes from the serving model (models/inference.hpp) on the hardware it may use: the
// smallest deployment whose TTFT and TPOT meet the SLOs at that rate. Pure: no SimGrid.
#pragma once

#include <optional>
#include <string>

#include "models/hardware.hpp"
#include "models/time_profile.hpp"
#include "models/transformer.hpp"

namespace sovsim::sim {

// How a living service follows its load: replicas are added and removed at every `interval_s`
// to carry the coming interval's peak rate at the SLO (service_plan.hpp).
struct ServiceAutoscale {
  bool enabled = false;
  int min_replicas = 1;
  int max_replicas = 0;          // 0 = no cap
  double interval_s = 900;       // decision period
  double scale_up_delay_s = 300; // from a replica's start to serving (weights load, warm-up)
};

struct ServingWork {
  std::string model;              // models/catalog/models.yaml name
  double requests_per_s = 1;      // offered load, times rate_profile(t)
  models::TimeProfile rate_profile = models::TimeProfile::constant(1);  // daily/weekly shape
  ServiceAutoscale autoscale;
  double ttft_slo_s = 2.0;        // time to first token, at most
  double tpot_slo_s = 0.1;        // time per output token, at most
  int input_tokens = 1024;        // per request
  int output_tokens = 256;
  std::string precision = "bf16";
  int tp = 0;                     // GPUs per replica; 0 = chosen per hardware
};

struct ServiceSize {
  int replicas = 0;
  int tp = 0;
  int gpus() const { return replicas * tp; }
  double ttft_s = 0, tpot_s = 0;  // at the chosen size and the offered rate
};

// One replica's layout and the rate it carries within the SLOs on `hw` (the serving model's best
// point); nullopt if no layout meets them.
struct ReplicaPoint {
  int tp = 0;
  double requests_per_s = 0;
  double ttft_s = 0, tpot_s = 0;
};
std::optional<ReplicaPoint> replica_point(const ServingWork& work, const models::Transformer& model,
                                          const models::Hardware& hw);

// The peak offered rate: requests_per_s times the profile's largest value.
double peak_requests_per_s(const ServingWork& work);

// The fewest GPUs (ties: smaller tp) that serve `work` within its SLOs on `hw`; nullopt, with
// the reason in `why_not`, if no deployment of at most `max_gpus` does.
std::optional<ServiceSize> size_service(const ServingWork& work, const models::Transformer& model,
                                        const models::Hardware& hw, int max_gpus = 65536,
                                        std::string* why_not = nullptr);

}  // namespace sovsim::sim
