// models/hardware.cpp — parsing the hardware catalog (see hardware.hpp, docs/hardware.md).
#include "models/hardware.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "models/common/embedded_catalog.hpp"
#include "models/common/input_file.hpp"

namespace sovsim::models {
double MigProfile::compute_fraction() const {
  return static_cast<double>(compute_slices) / kMigComputeSlices;
}
double MigProfile::memory_fraction() const {
  return static_cast<double>(memory_slices) / kMigMemorySlices;
}

const MigProfile* Hardware::mig(std::string_view name) const {
  for (const MigProfile& p : mig_profiles) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

namespace {

constexpr double kTera = 1e12;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;  // HBM capacity: vendors' "GB" are GiB
constexpr double kGiga = 1e9;
constexpr double kGbitToBytes = 1e9 / 8;  // network rates are quoted in bits per second
constexpr double kMaxTflops = 1e6;        // 1 EFLOP/s per device: anything above is a typo

bool is_year_month(const std::string& s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

}  // namespace

std::string canonical_memory_generation(std::string_view text) {
  const auto same = [](std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return std::tolower(static_cast<unsigned char>(x)) ==
             std::tolower(static_cast<unsigned char>(y));
    });
  };
  for (std::string_view g : kMemoryGenerations) {
    if (same(g, text)) return std::string(g);
  }
  return "";
}

double Hardware::peak_flops(std::string_view precision) const {
  if (precision == "bf16") return bf16_flops;
  if (precision == "fp8") return fp8_flops;
  if (precision == "fp4") return fp4_flops;
  return 0;
}

ServingEfficiency Hardware::serving(std::string_view precision) const {
  const auto it = serving_efficiency.find(precision);
  return it == serving_efficiency.end() ? ServingEfficiency{} : it->second;
}

namespace {

// `serving_efficiency: {fp8: {hbm: 0.8, gemm: 0.6, step_overhead_ms: 2}, ...}`.
void read_serving_efficiency(MapReader& m, Hardware& hw) {
  if (!m.has("serving_efficiency")) return;
  MapReader by_precision = m.map("serving_efficiency");
  for (const char* precision : {"bf16", "fp8", "fp4"}) {
    if (!by_precision.has(precision)) continue;
    MapReader e = by_precision.map(precision);
    const ServingEfficiency fallback;
    ServingEfficiency eff;
    eff.hbm = e.number("hbm", fallback.hbm, 0.01, 1.0);
    eff.gemm = e.number("gemm", fallback.gemm, 0.01, 1.0);
    eff.step_overhead_s = e.number("step_overhead_ms", fallback.step_overhead_s * 1e3, 0, 1e4) / 1e3;
    e.finish();
    hw.serving_efficiency.emplace(precision, eff);
  }
  by_precision.finish();
}

// `mig_profiles: [{name: 1g.18gb, compute_slices: 1, memory_slices: 1, instances: 7}, ...]`.
void read_mig_profiles(MapReader& m, Hardware& hw) {
  for (const auto& [node, path] : m.list("mig_profiles")) {
    MapReader p(node, path, m.context());
    MigProfile profile;
    profile.name = p.require_string("name");
    profile.compute_slices = static_cast<int>(p.require_integer("compute_slices", 1, kMigComputeSlices));
    profile.memory_slices = static_cast<int>(p.require_integer("memory_slices", 1, kMigMemorySlices));
    profile.instances = static_cast<int>(p.require_integer("instances", 1, kMigComputeSlices));
    if (profile.instances * profile.compute_slices > kMigComputeSlices ||
        profile.instances * profile.memory_slices > kMigMemorySlices) {
      m.context().error(node, path, fmt::format("{} instances of {} compute and {} memory slices "
                                                "exceed a GPU's {} and {}", profile.instances,
                                                profile.compute_slices, profile.memory_slices,
                                                kMigComputeSlices, kMigMemorySlices));
    }
    if (hw.mig(profile.name)) m.context().error(node, path, "duplicate profile '" + profile.name + "'");
    p.finish();
    hw.mig_profiles.push_back(std::move(profile));
  }
}

}  // namespace

Hardware read_hardware(MapReader& m) {
  Hardware hw;
  hw.name = m.require_string("name");
  if (m.has("name") && hw.name.empty()) {
    m.context().error(m.raw("name"), m.key_path("name"), "must not be empty");
  }
  hw.vendor = m.require_string("vendor");
  hw.description = m.string("description", "");
  hw.bf16_flops = m.require_number("bf16_tflops", 0, kMaxTflops) * kTera;
  hw.fp8_flops = m.number("fp8_tflops", 0, 0, kMaxTflops) * kTera;
  hw.fp4_flops = m.number("fp4_tflops", 0, 0, kMaxTflops) * kTera;
  hw.hbm_bytes = m.require_number("hbm_gib", 0, 1e6) * kGiB;
  hw.hbm_bw_bytes_per_s = m.require_number("hbm_tb_per_s", 0, 1e4) * kTera;
  hw.scaleup_bw_bytes_per_s = m.require_number("scaleup_gb_per_s", 0, 1e6) * kGiga;
  hw.scaleup_domain = static_cast<int>(m.integer("scaleup_domain", 8, 1, 1 << 20));
  hw.gpus_per_node = static_cast<int>(m.integer("gpus_per_node", 8, 1, 1024));
  hw.nic_bw_bytes_per_s = m.require_number("nic_gbit_per_s", 0, 1e6) * kGbitToBytes;
  hw.tdp_w = m.require_number("tdp_w", 0, 1e5);
  // Without a measured idle draw assume 20% of TDP (typical of HGX boards at rest; docs say so).
  hw.idle_w = m.number("idle_w", 0.2 * hw.tdp_w, 0, 1e5);
  hw.node_max_w = m.number("node_max_w", 0, 0, 1e7);
  const std::string generation = m.string("hbm_generation", "");
  hw.hbm_generation = canonical_memory_generation(generation);
  if (!generation.empty() && hw.hbm_generation.empty()) {
    m.context().error(m.raw("hbm_generation"), m.key_path("hbm_generation"),
                      fmt::format("expected one of {}, found '{}'",
                                  fmt::join(kMemoryGenerations, ", "), generation));
  }
  hw.price_usd = m.number("price_usd", 0, 0, 1e9);
  hw.available = m.string("available", "");
  if (!hw.available.empty() && !is_year_month(hw.available)) {
    m.context().error(m.raw("available"), m.key_path("available"),
                      fmt::format("expected a month as \"YYYY-MM\", found '{}'", hw.available));
  }
  hw.source = m.require_string("source");
  read_serving_efficiency(m, hw);
  read_mig_profiles(m, hw);
  if (hw.idle_w > hw.tdp_w && hw.tdp_w > 0) {
    m.context().error(m.raw("idle_w"), m.key_path("idle_w"),
                      fmt::format("idle power {} W exceeds TDP {} W", hw.idle_w, hw.tdp_w));
  }
  if (hw.node_max_w > 0 && hw.node_max_w < hw.gpus_per_node * hw.tdp_w) {
    m.context().error(m.raw("node_max_w"), m.key_path("node_max_w"),
                      fmt::format("node maximum {} W is below its {} devices' TDP ({} W)",
                                  hw.node_max_w, hw.gpus_per_node, hw.gpus_per_node * hw.tdp_w));
  }
  if (hw.fp8_flops > 0 && hw.fp8_flops < hw.bf16_flops) {
    m.context().error(m.raw("fp8_tflops"), m.key_path("fp8_tflops"),
                      "FP8 peak below BF16 peak: is it a sparse/dense or unit mix-up?");
  }
  m.finish();
  return hw;
}

Result<HardwareCatalog> HardwareCatalog::builtin() {
  return parse(std::string(embedded_catalog("hardware.yaml")), "models/catalog/hardware.yaml");
}

Result<HardwareCatalog> HardwareCatalog::parse(const std::string& text,
                                               const std::string& file_name) {
  return HardwareCatalog().merged_with_text(text, file_name);
}

Result<HardwareCatalog> HardwareCatalog::merged_with_text(const std::string& text,
                                                          const std::string& file_name) const {
  Diagnostics diagnostics;
  YamlContext ctx{file_name, &diagnostics};
  YAML::Node root = parse_yaml(text, ctx);
  if (!diagnostics.empty()) return diagnostics;
  if (!root.IsDefined() || root.IsNull()) {
    diagnostics.push_back({file_name, 1, 1, "hardware", "empty catalog: expected `hardware:`"});
    return diagnostics;
  }
  MapReader top(root, "", ctx);
  HardwareCatalog out = *this;
  std::map<std::string, int> first_line;  // names defined in THIS file -> line
  for (const auto& [node, path] : top.list("hardware", /*required=*/true)) {
    MapReader m(node, path, ctx);
    Hardware hw = read_hardware(m);
    if (hw.name.empty()) continue;
    const YAML::Node name_node = m.raw("name");
    const int line = name_node.Mark().line + 1;
    auto [it, added] = first_line.emplace(hw.name, line);
    if (!added) {
      ctx.error(name_node, path + ".name",
                fmt::format("duplicate hardware name '{}' (first defined at line {})", hw.name,
                            it->second));
      continue;
    }
    auto existing = std::find_if(out.entries_.begin(), out.entries_.end(),
                                 [&](const Hardware& h) { return h.name == hw.name; });
    if (existing != out.entries_.end()) {
      *existing = std::move(hw);
    } else {
      out.entries_.push_back(std::move(hw));
    }
  }
  top.finish();
  if (!diagnostics.empty()) return diagnostics;
  return out;
}

Result<HardwareCatalog> HardwareCatalog::merged_with_file(
    const std::filesystem::path& extra) const {
  auto text = read_input_file(extra, "hardware file", kMaxCatalogFileBytes);
  if (!text.ok()) return text.diagnostics();
  return merged_with_text(text.value(), extra.string());
}

const Hardware* HardwareCatalog::find(std::string_view name) const {
  for (const auto& h : entries_) {
    if (h.name == name) return &h;
  }
  return nullptr;
}

std::vector<std::string> HardwareCatalog::names() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& h : entries_) out.push_back(h.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sovsim::models
