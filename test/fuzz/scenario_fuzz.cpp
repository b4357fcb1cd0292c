// test/fuzz/scenario_fuzz.cpp — libFuzzer target for the scenario loader: any input must load or
// produce diagnostics, never crash. Built in build-fuzz/ by tools/setup --fuzz (clang,
// -DSOVSIM_FUZZ=ON; docs/testing.md#fuzzing):
//   build-fuzz/test/scenario_fuzz -max_total_time=60 -max_len=32768 scenarios/
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/scenario/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto catalog = sovsim::models::Catalogs::builtin();
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto result = sovsim::sim::parse_scenario(text, "fuzz.yaml", {}, catalog.value());
  if (!result.ok() && result.diagnostics().empty()) __builtin_trap();
  return 0;
}
