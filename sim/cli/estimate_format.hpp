// sim/cli/estimate_format.hpp — small formatting pieces shared by the training and serving
// reports of `sovsim estimate`: grouped numbers, durations, the catalog entries as JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/hardware.hpp"
#include "models/training_config.hpp"
#include "models/transformer.hpp"

namespace sovsim::cli::estimate_format {

using json = nlohmann::ordered_json;

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
constexpr double kGB = 1e9;  // memory figures are reported in GB = 1e9 bytes
constexpr double kSecondsPerDay = 86400;

std::string grouped(double value);        // 1234567.8 -> "1,234,568"
std::string one_line(const std::string& text);  // a description cut to fit one listing line
std::string duration(double s);           // "12.34 ms", "1.20 s", "340 s"
const char* recompute_name(models::Recompute r);
json hardware_json(const models::Hardware& h);  // datasheet units, as in hardware.yaml
json model_json(const models::Transformer& m);
json constants_json();  // the efficiency constants and latencies the models used
std::string model_line(const models::Transformer& m);  // "Llama-3-70B (70.6 B params)"

}  // namespace sovsim::cli::estimate_format
