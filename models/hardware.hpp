// models/hardware.hpp — the accelerator catalog: one Hardware value per GPU/NPU type with its
// peak dense FLOP/s per precision, memory (size, bandwidth, generation), scale-up and scale-out
// bandwidth, power (board and whole node), price and the public source of each number. The
// catalog text is YAML in datasheet units (models/catalog/hardware.yaml, docs/hardware.md); the
// struct holds SI units.
// Pure: no SimGrid, no I/O except merged_with_file() reading the user's --hw-file.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "models/common/result.hpp"
#include "models/common/yaml_reader.hpp"

namespace sovsim::models {

// The memory generations `hbm_generation` accepts, in their canonical spelling (an "HBM
// shortage" names one of them, so spelling variants must not escape it). GDDR/LPDDR name
// non-HBM devices such as ATOM.
inline constexpr std::string_view kMemoryGenerations[] = {
    "HBM2", "HBM2e", "HBM3", "HBM3e", "HBM4", "HBM4e", "GDDR6", "GDDR6X", "GDDR7", "LPDDR5X"};
// The canonical spelling of a memory generation, matched ignoring case ("HBM3E" -> "HBM3e");
// "" if it is none of kMemoryGenerations.
std::string canonical_memory_generation(std::string_view text);

// How close serving kernels get to the datasheet on one hardware at one precision, fitted on
// published serving measurements (docs/models.md, "Serving calibration"). `hbm` applies to the
// decode phase's weight and KV streaming, `gemm` to the compute of linear layers and attention
// (prefill and large decode batches), `step_overhead_s` to every engine step (scheduling,
// sampling, kernel launches not hidden by CUDA graphs).
struct ServingEfficiency {
  double hbm = 0.80;
  double gemm = 0.60;
  double step_overhead_s = 1.5e-3;
};

// A MIG (Multi-Instance GPU) profile: a hardware-isolated slice of one GPU with its own SMs,
// memory, L2 and memory bandwidth (NVIDIA MIG user guide, "Supported MIG Profiles"). NVIDIA's
// data-center GPUs from A100 to B200 have 7 compute slices and 8 memory slices; a profile
// "Ng.Mgb" holds N compute slices and a share of the memory slices (bandwidth follows memory).
struct MigProfile {
  std::string name;       // "1g.18gb"
  int compute_slices = 1; // of kMigComputeSlices
  int memory_slices = 1;  // of kMigMemorySlices
  int instances = 1;      // how many fit on one GPU when all are this profile
  double compute_fraction() const;
  double memory_fraction() const;
};
inline constexpr int kMigComputeSlices = 7;
inline constexpr int kMigMemorySlices = 8;

struct Hardware {
  std::string name;  // catalog key, e.g. "H100", "B200", "GB200", "RNGD" (case-sensitive)
  std::string vendor, description;
  double bf16_flops = 0, fp8_flops = 0, fp4_flops = 0;  // dense peak FLOP/s (0 = unsupported)
  double hbm_bytes = 0;                                 // device memory, bytes
  double hbm_bw_bytes_per_s = 0;                        // device memory bandwidth
  double scaleup_bw_bytes_per_s = 0;  // per device, per direction (NVLink4 H100: 450e9)
  int scaleup_domain = 8;             // devices per NVLink/scale-up domain (8 HGX, 72 NVL72)
  int gpus_per_node = 8;              // devices per host/node (NVL72: 4 per compute tray)
  double nic_bw_bytes_per_s = 0;      // scale-out per device, per direction
  double tdp_w = 0, idle_w = 0;       // board power at full load and when idle
  double node_max_w = 0;              // whole node's maximum draw (devices + host), 0 = unknown
  std::string hbm_generation;         // memory technology, as in kMemoryGenerations; "" = unknown
  double price_usd = 0;               // capex per device (approximate; 0 = unknown)
  std::string available;              // "YYYY-MM" of volume availability ("" = unknown)
  std::string source;                 // public source(s) for the numbers
  // Per precision ("bf16" | "fp8" | "fp4"); a precision not listed uses the defaults above.
  std::map<std::string, ServingEfficiency, std::less<>> serving_efficiency;
  std::vector<MigProfile> mig_profiles;  // empty: the device has no MIG

  // Dense peak FLOP/s for "bf16" | "fp8" | "fp4"; 0 if unsupported or an unknown precision.
  double peak_flops(std::string_view precision) const;
  // The fitted serving efficiency at `precision`, or ServingEfficiency{} if none was fitted.
  ServingEfficiency serving(std::string_view precision) const;
  // The MIG profile called `name`, or nullptr.
  const MigProfile* mig(std::string_view name) const;
};

class HardwareCatalog {
 public:
  // The catalog compiled into the binary (models/catalog/hardware.yaml).
  static Result<HardwareCatalog> builtin();
  // Parses catalog text; `file_name` is what diagnostics name. Reports every error in one pass.
  static Result<HardwareCatalog> parse(const std::string& text, const std::string& file_name);
  // This catalog plus the entries of a user file (--hw-file): an entry with an existing name
  // replaces it whole, a new name is added. Diagnostics name `extra`.
  Result<HardwareCatalog> merged_with_file(const std::filesystem::path& extra) const;
  // Same, from text already in memory.
  Result<HardwareCatalog> merged_with_text(const std::string& text,
                                           const std::string& file_name) const;

  const Hardware* find(std::string_view name) const;  // nullptr if absent (case-sensitive)
  std::vector<std::string> names() const;             // sorted
  const std::vector<Hardware>& all() const { return entries_; }  // in file order

 private:
  std::vector<Hardware> entries_;
};

// Reads one catalog entry from `m` (keys as in hardware.yaml). Errors go to m's context.
// Exposed so a scenario can describe an inline hardware type with the same keys.
Hardware read_hardware(MapReader& m);

}  // namespace sovsim::models
