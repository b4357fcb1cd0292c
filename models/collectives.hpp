// models/collectives.hpp — time of one collective (all-reduce, reduce-scatter, all-gather,
// all-to-all) or point-to-point transfer as latency + size/bandwidth over the network tiers a
// group of devices spans (scale-up domain, leaf, pod, site). The placement is a list of tiers,
// innermost first, so the engine can pass the real placement of a job; placement_for() derives
// the usual one from a Hardware entry. Pure: no SimGrid, no contention between jobs (the engine
// models shared tiers; per_tier bytes tell it how much crosses each one).
#pragma once

#include <string>
#include <vector>

#include "models/efficiency.hpp"
#include "models/hardware.hpp"

namespace sovsim::models {

// One level of a placement. The group at tier k is made of `fan_in` groups of tier k-1 (tier 0:
// `fan_in` devices), joined by links that give each device `bw_bytes_per_s` per direction.
struct Tier {
  std::string name;           // "scaleup", "leaf", "pod", "site" (for reports)
  int fan_in = 1;             // members of this tier's group taking part (>= 1)
  double bw_bytes_per_s = 0;  // per device, per direction, across this tier (> 0 if fan_in>1)
  double latency_s = 0;       // one step (hop + software) across this tier
};

// The devices of one communicator: product of fan_in over tiers == group size.
struct Placement {
  std::vector<Tier> tiers;
  int size() const;
};

enum class CollectiveOp { kAllReduce, kReduceScatter, kAllGather, kAllToAll };
enum class Algorithm {
  kRing,          // flat ring over all members: bandwidth of the slowest tier, N-1 latency steps
  kTree,          // double binary tree (NCCL): 2 x bytes at the slowest tier, log2 N latency
  kHierarchical,  // reduce-scatter inside a tier, recurse on the shard outward, gather back
  kBest           // the fastest of the three (what NCCL's tuner approximates)
};

struct CollectiveCost {
  double time_s = 0;
  std::vector<double> bytes_per_tier;  // bytes each device sends across each tier (same order)
};

// Cost of `op` on a buffer of `bytes` per device: the whole buffer for all-reduce, the unreduced
// input for reduce-scatter, the gathered output for all-gather, the data each device holds for
// all-to-all. A group of size 1 costs nothing. Bandwidth is derated by eff.network.
CollectiveCost collective(CollectiveOp op, double bytes, const Placement& placement,
                          Algorithm algorithm = Algorithm::kBest,
                          const Efficiency& eff = kEfficiency);

// One point-to-point message of `bytes` across `tier` (e.g. a pipeline stage boundary).
double p2p_time_s(double bytes, const Tier& tier, const Efficiency& eff = kEfficiency);

// Per-step latencies of the tiers placement_for() builds. NCCL small-message latency is ~2-3 us
// per NVLink hop and ~5-8 us per InfiniBand hop (nccl-tests, check); we take the upper ends.
inline constexpr double kScaleupLatency_s = 3e-6;
inline constexpr double kScaleoutLatency_s = 8e-6;

// The usual placement of a communicator of `ranks` devices whose consecutive members are
// `stride` devices apart in the job's device order (TP innermost: stride 1; DP: stride TP*CP).
// Members sharing a scale-up domain talk over it; the rest go over the NIC (one flat scale-out
// tier, no oversubscription: the engine replaces it with the real tiers).
Placement placement_for(const Hardware& hw, int ranks, int stride);

// The tier a point-to-point hop of `stride` devices crosses (scale-up if inside one domain).
Tier hop_tier(const Hardware& hw, int stride);

}  // namespace sovsim::models
