// sim/cli/estimate_report.hpp — what `sovsim estimate` prints: the JSON document (--json) and
// the one-screen text table of a training or serving estimate, and the catalog listings.
// Formatting only: the numbers are computed by estimate_command.cpp with models/.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "models/hardware.hpp"
#include "models/inference.hpp"
#include "models/parallelism_choice.hpp"
#include "models/serving_search.hpp"
#include "models/training_step.hpp"
#include "models/transformer.hpp"

namespace sovsim::cli {

struct TrainEstimate {
  models::Hardware hw;
  models::Transformer model;
  models::TrainingConfig cfg;
  models::TrainingStep step;
  bool parallelism_chosen = false;  // choose_parallelism() picked the layout
  std::string note;                 // e.g. why a non-fitting layout is shown ("" = none)
};

// `estimate --search N`: the fastest layouts that fit, fastest first (possibly fewer than N).
struct TrainSearch {
  models::Hardware hw;
  models::Transformer model;
  std::vector<models::RankedLayout> layouts;
  int requested = 0;  // N
  int gpus = 0, global_batch = 0, seq_len = 0;
  std::string precision;
};

struct InferEstimate {
  models::Hardware hw;
  models::Transformer model;
  models::InferenceConfig cfg;
  models::InferencePoint point;  // one replica
  int replicas = 1;
  bool parallelism_chosen = false;     // TP picked by the command
  std::optional<int> requested_batch;  // --batch as given (the point may cap it)
  std::optional<double> rate;          // --rate, requests/s over all replicas
  std::string note;
  models::ServingSlo slo;  // --ttft-slo / --tpot-slo (0 = none)
  bool meets_slo = true;   // the point meets slo (true when there is none)
};

nlohmann::ordered_json train_json(const TrainEstimate& e);
nlohmann::ordered_json train_search_json(const TrainSearch& s);
nlohmann::ordered_json infer_json(const InferEstimate& e);
void print_train_text(const TrainEstimate& e, std::ostream& out);
void print_train_search_text(const TrainSearch& s, std::ostream& out);
void print_infer_text(const InferEstimate& e, std::ostream& out);

// `file_names`: entries that came from --hw-file / --model-file (marked in the listing).
void print_hardware_list(const std::vector<models::Hardware>& all,
                         const std::vector<std::string>& file_names, bool json, std::ostream& out);
void print_model_list(const std::vector<models::Transformer>& all,
                      const std::vector<std::string>& file_names, bool json, std::ostream& out);

}  // namespace sovsim::cli
