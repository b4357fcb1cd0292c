// models/failures.hpp — hardware and software interruptions of a GPU fleet, and the checkpoint
// arithmetic that trades checkpoint cost against work lost to them (docs/failures.md).
// FailureRates holds per-GPU and per-scale-up-domain rates whose defaults reproduce Meta's Llama 3
// pre-training run; FailureProcess draws the fleet's failure events as one superposed Poisson
// process from sovsim's own Rng; the free functions give a job's MTBF and Young's and Daly's
// optimal checkpoint intervals. Pure: no SimGrid, no I/O, no clocks.
#pragma once

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "models/common/rng.hpp"
#include "models/common/units.hpp"  // kSecondsPerYear
#include "models/training_memory.hpp"

namespace sovsim::models {

// Defaults: Dubey et al. 2024, "The Llama 3 Herd of Models", Sec. 3.3.4 and Table 5 (checked
// against the table as reproduced on glennklockwood.com/garden/component-reliability): 419
// unexpected interruptions in 54 days of Llama 3 405B pre-training on 16,384 H100 GPUs (2,048
// Grand Teton hosts of 8). Exposure: 16,384 GPUs x 54 d / 365 d = 2,423.93 GPU-years. The
// paper's table rows, grouped into our four components (counts sum to 419):
//   gpu     = faulty GPU 148 + GPU SRAM 19 + GPU system processor 17 + silent data corruption 6
//             + GPU thermal interface/sensor 6                                      = 196
//   hbm     = GPU HBM3 memory                                                        =  72
//   network = network switch/cable 35 + NIC 7                                        =  42
//   host    = software bug 54 + host maintenance 32 + NCCL watchdog 7 + SSD 3 + PSU 3
//             + chassis 2 + IO expansion board 2 + dependency 2 + CPU 2 + DRAM 2    = 109
// Rate = count / 2,423.93: gpu 0.08086, hbm 0.02970, network 0.01733, host 0.04497; total
// 0.17286 per GPU-year. Check: 16,384 x 0.17286 = 2,832 per year = one per 3.09 h, the paper's
// "one every ~3 hours" (54 d x 24 h / 419). Note: the table prints 30.1% for the 148 faulty-GPU
// interruptions, but 148/419 = 35.3% and every other row's share equals count/419; we trust the
// counts. Software causes are kept (in host) because a training job is interrupted by them alike.
inline constexpr double kLlama3GpuYears = 16384.0 * 54.0 / 365.0;  // 2,423.93

struct FailureRates {
  // Off unless the scenario has a `failures:` section; then the engine draws events.
  bool enabled = false;

  // Interruptions per GPU per year, by component (a node's rate is its GPU count times these).
  double gpu_per_year = 196 / kLlama3GpuYears;     // GPU die, SRAM, GSP, SDC, thermal
  double hbm_per_year = 72 / kLlama3GpuYears;      // HBM3 stacks
  double network_per_year = 42 / kLlama3GpuYears;  // NIC, switch port, cable
  double host_per_year = 109 / kLlama3GpuYears;    // software, host maintenance, CPU, PSU, SSD, ...

  // Whole-domain failures per multi-node scale-up domain (an NVL72 rack) per year: NVLink switch
  // tray, power shelf, cooling loop. ASSUMPTION, no public rate found: a rack holds 9 NVLink
  // switch trays; if each failed as often as a Llama 3 host's network path (42 / (2,048 hosts x
  // 0.148 y) = 0.139 per year), a rack would lose its fabric ~1.2 times a year; rounded to 1.
  double domain_per_year = 1.0;

  // Time a failed node (or domain) stays out of service, log-normal: median and sigma of ln.
  // ASSUMPTION (the Llama 3 paper gives no repair times): a node is drained, diagnosed and
  // rebooted or has a part swapped in a few hours, median 4 h (mean 6.6 h, p95 21 h); a rack-level
  // fault needs a technician and parts, median 24 h.
  double repair_median_s = 4 * 3600.0;
  double repair_sigma = 1.0;
  double domain_repair_median_s = 24 * 3600.0;
  double domain_repair_sigma = 1.0;

  // Time an interrupted job needs before it makes progress again once it has GPUs: relaunch,
  // NCCL set-up, reading its checkpoint back. ASSUMPTION: 10 min. Public accounts of large runs
  // give minutes to tens of minutes per restart (the Llama 3 paper automates recovery but gives
  // no figure); with it, a Llama 3 405B run keeps ~90% effective training time, as the paper
  // reports (test/validation/llama3_goodput_test.cpp).
  double restart_s = 600;

  // Sum of the four component rates, per GPU per second.
  double per_gpu_rate_per_s() const {
    return (gpu_per_year + hbm_per_year + network_per_year + host_per_year) / kSecondsPerYear;
  }
  double domain_rate_per_s() const { return domain_per_year / kSecondsPerYear; }
};

enum class FailureComponent { kGpu, kHbm, kNetwork, kHost, kDomain };

// "gpu", "hbm", "network", "host", "domain" (for outputs).
const char* component_name(FailureComponent c);

struct FailureEvent {
  enum class Kind { kNode, kDomain };
  double time_s = std::numeric_limits<double>::infinity();  // +inf: no failure ever
  Kind kind = Kind::kNode;
  int32_t node_or_domain = -1;  // a node index, or a domain id of domain_of_node
  FailureComponent component = FailureComponent::kGpu;  // kDomain for domain events
  double repair_s = 0;  // how long the node/domain stays out of service
};

// Stream id of the failure process under the scenario seed; far from the generators' 1000 + g.
inline constexpr uint64_t kFailureStreamId = 0xFA11'0000'0000ULL;

// The failures of a fixed fleet: node i has gpus_per_node[i] GPUs and belongs to scale-up domain
// domain_of_node[i] (-1: none; pass -1 for single-node domains such as an 8-GPU HGX box, whose
// failures the node rates already cover). Domain ids are any values >= 0; the domains are the
// distinct ids present. An empty domain_of_node means no domains.
//
// Superposition: each node fails at gpus x per-GPU rate, each domain at domain_per_year, all
// independent Poisson processes, so the fleet is one Poisson process of rate
// Λ = total_gpus x per-GPU rate + domains x domain rate. Each next() draws the gap ~ Exp(mean 1/Λ),
// then node vs domain in proportion to their rates, the victim (a node with probability
// proportional to its GPUs: binary search on a prefix sum of GPU counts, or a uniform pick when
// all nodes are equal; a domain uniformly), the component in proportion to the component rates,
// and the repair time. O(log n) per event, O(n) memory.
//
// The process does not know which nodes are down. An event for a node or domain already in
// repair should be ignored by the caller: dropping those events (thinning) gives exactly the
// process in which out-of-service hardware does not fail.
//
// Deterministic: the sequence depends only on the rates, the layout, seed and stream.
class FailureProcess {
 public:
  FailureProcess(const FailureRates& rates, std::vector<int> gpus_per_node,
                 const std::vector<int32_t>& domain_of_node, uint64_t seed,
                 uint64_t stream = kFailureStreamId, double start_s = 0);

  // The next event, no earlier than the previous one. time_s = +inf (and nothing else set) when
  // failures are disabled or every rate is zero.
  FailureEvent next();

  double total_rate_per_s() const { return node_rate_per_s_ + domain_rate_total_per_s_; }
  double node_rate_per_s() const { return node_rate_per_s_; }            // all nodes together
  double domain_rate_per_s() const { return domain_rate_total_per_s_; }  // all domains together
  int64_t total_gpus() const { return total_gpus_; }
  const std::vector<int32_t>& domains() const { return domain_ids_; }  // distinct ids, sorted
  // Nodes of a domain id (empty if unknown), in index order. O(log n + its size).
  std::vector<int32_t> nodes_in_domain(int32_t domain) const;

 private:
  int32_t pick_node();
  FailureComponent pick_component();

  FailureRates rates_;
  std::vector<int> gpus_per_node_;
  std::vector<int64_t> gpu_prefix_;  // gpu_prefix_[i] = GPUs of nodes 0..i; empty if uniform
  std::vector<std::pair<int32_t, int32_t>> domain_members_;  // (domain, node), sorted
  std::vector<int32_t> domain_ids_;
  int64_t total_gpus_ = 0;
  double node_rate_per_s_ = 0, domain_rate_total_per_s_ = 0;
  double now_s_ = 0;
  Rng rng_;
};

// Mean time between interruptions of a job on `gpus` GPUs spanning `domains` multi-node scale-up
// domains: 1 / (gpus x per-GPU rate + domains x domain rate). +inf when disabled or no rate.
// (Node-level rates are per GPU, so the node count adds nothing.)
double job_mtbf_s(const FailureRates& rates, int64_t gpus, int domains = 0);

// Young 1974: the first-order optimal checkpoint interval sqrt(2 C M), C = checkpoint cost,
// M = MTBF (both > 0).
double young_interval_s(double checkpoint_cost_s, double mtbf_s);

// Daly 2006, "A higher order estimate of the optimum checkpoint interval for restart dumps"
// (FGCS 22(3)): sqrt(2CM) (1 + (1/3) sqrt(C/(2M)) + C/(18M)) - C when C < 2M, else M.
double daly_interval_s(double checkpoint_cost_s, double mtbf_s);

// First-order fraction of run time lost to checkpointing and rework with interval `interval_s`:
// C / interval + interval / (2 M) (Young's model; minimised by young_interval_s).
double waste_fraction(double interval_s, double checkpoint_cost_s, double mtbf_s);

// Bytes of one checkpoint: bf16 weights (2 B) + fp32 master weights, Adam momentum and variance
// (12 B) = 14 B per parameter (ZeRO, Rajbhandari et al. SC'20, Sec. 3.1 counts 2 + 2 + 12 in
// memory; gradients are not saved, as in Megatron-LM's distributed checkpoints).
inline constexpr double kCheckpointBytesPerParam = kWeightBytesPerParam + kOptimizerBytesPerParam;
double checkpoint_bytes_for_params(double params,
                                   double bytes_per_param = kCheckpointBytesPerParam);

// Seconds to write `checkpoint_bytes` at `storage_bw_bytes_per_s` (> 0) with nothing else
// writing; the engine shares the site's storage bandwidth between concurrent writers.
double checkpoint_cost_s(double checkpoint_bytes, double storage_bw_bytes_per_s);

}  // namespace sovsim::models
