// sim/cli/estimate_modes.hpp — the two halves of `sovsim estimate` behind estimate_command.cpp:
// resolve the flags of one mode into a config (choosing what was not given), ask models/ and
// print the answer. Internal to sim/cli.
#pragma once

#include <iosfwd>
#include <string>

#include "models/hardware.hpp"
#include "models/transformer.hpp"
#include "sim/cli/estimate_command.hpp"

namespace sovsim::cli {

inline void estimate_error(std::ostream& err, const std::string& message) {
  err << "error: " << message << "\n";
}

int run_estimate_train(const EstimateOptions& o, const models::Hardware& hw,
                       const models::Transformer& model, std::ostream& out, std::ostream& err);
int run_estimate_infer(const EstimateOptions& o, const models::Hardware& hw,
                       const models::Transformer& model, std::ostream& out, std::ostream& err);

}  // namespace sovsim::cli
