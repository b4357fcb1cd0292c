// sim/cli/estimate_format.cpp — see estimate_format.hpp.
#include "sim/cli/estimate_format.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "models/collectives.hpp"
#include "models/efficiency.hpp"

namespace sovsim::cli::estimate_format {
// 1234567.8 -> "1,234,568".
std::string grouped(double value) {
  const std::string digits = fmt::format("{:.0f}", std::max(0.0, value));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A description cut to fit one line of a listing.
std::string one_line(const std::string& text) {
  constexpr size_t kMax = 64;
  return text.size() <= kMax ? text : text.substr(0, kMax - 3) + "...";
}

std::string duration(double s) {
  if (s >= 100) return fmt::format("{:.0f} s", s);
  if (s >= 1) return fmt::format("{:.2f} s", s);
  if (s >= 1e-3) return fmt::format("{:.2f} ms", s * 1e3);
  return fmt::format("{:.1f} us", s * 1e6);
}

const char* recompute_name(models::Recompute r) {
  switch (r) {
    case models::Recompute::kNone:
      return "none";
    case models::Recompute::kSelective:
      return "selective";
    case models::Recompute::kFull:
      return "full";
  }
  return "?";
}

// Datasheet units, as in hardware.yaml, so an entry can be copied into a --hw-file.
json hardware_json(const models::Hardware& h) {
  return {{"name", h.name},
          {"vendor", h.vendor},
          {"description", h.description},
          {"bf16_tflops", h.bf16_flops / 1e12},
          {"fp8_tflops", h.fp8_flops / 1e12},
          {"fp4_tflops", h.fp4_flops / 1e12},
          {"hbm_gib", h.hbm_bytes / kGiB},
          {"hbm_tb_per_s", h.hbm_bw_bytes_per_s / 1e12},
          {"scaleup_gb_per_s", h.scaleup_bw_bytes_per_s / 1e9},
          {"scaleup_domain", h.scaleup_domain},
          {"gpus_per_node", h.gpus_per_node},
          {"nic_gbit_per_s", h.nic_bw_bytes_per_s * 8 / 1e9},
          {"tdp_w", h.tdp_w},
          {"price_usd", h.price_usd},
          {"source", h.source}};
}

json model_json(const models::Transformer& m) {
  return {{"name", m.name},
          {"description", m.description},
          {"params", m.params()},
          {"active_params", m.active_params()},
          {"layers", m.layers},
          {"hidden", m.hidden},
          {"heads", m.heads},
          {"kv_heads", m.kv_heads},
          {"ffn_hidden", m.ffn_hidden},
          {"vocab", m.vocab},
          {"gated_ffn", m.gated_ffn},
          {"experts", m.experts},
          {"active_experts", m.active_experts},
          {"source", m.source}};
}

json constants_json() {
  const models::Efficiency& e = models::kEfficiency;
  return {{"efficiency",
           {{"matmul", e.matmul},
            {"hbm", e.hbm},
            {"network", e.network},
            {"hbm_usable", e.hbm_usable}}},
          {"scaleup_latency_s", models::kScaleupLatency_s},
          {"scaleout_latency_s", models::kScaleoutLatency_s}};
}

std::string model_line(const models::Transformer& m) {
  if (!m.is_moe()) return fmt::format("{} ({:.1f} B params)", m.name, m.params() / 1e9);
  return fmt::format("{} ({:.1f} B params, {:.1f} B active)", m.name, m.params() / 1e9,
                     m.active_params() / 1e9);
}

}  // namespace sovsim::cli::estimate_format
