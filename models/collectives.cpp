// models/collectives.cpp — latency-bandwidth (alpha-beta) costs of collectives over tiers.
// Ring and tree follow the NCCL algorithms (Thakur et al. 2005 for the ring all-reduce volume
// 2(N-1)/N * S; NCCL's double binary tree, Sanders et al. 2009); hierarchical is the
// reduce-scatter / shard-all-reduce / all-gather scheme NCCL and Horovod use across nodes.
#include "models/collectives.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sovsim::models {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Span {
  double min_bw = kInf;  // slowest per-device bandwidth among tiers the group really spans
  double max_latency = 0;
};

Span span_of(const Placement& p) {
  Span s;
  for (const auto& t : p.tiers) {
    if (t.fan_in <= 1) continue;
    s.min_bw = std::min(s.min_bw, t.bw_bytes_per_s);
    s.max_latency = std::max(s.max_latency, t.latency_s);
  }
  return s;
}

// Seconds to move `bytes` at `bw` derated by the network efficiency; infinite without a link.
double transfer_s(double bytes, double bw, const Efficiency& eff) {
  if (bytes <= 0) return 0;
  if (bw <= 0) return kInf;
  return bytes / (bw * eff.network);
}

// Bytes crossing each tier for a flat ring: of the N ring edges, those joining different
// tier-(k-1) groups cross tier k or beyond (members of inner groups are contiguous in the ring).
std::vector<double> ring_bytes_per_tier(const Placement& p, double per_device_bytes) {
  const int n = p.size();
  std::vector<double> out(p.tiers.size(), 0.0);
  double inner = 1;  // devices per tier-(k-1) group
  for (size_t k = 0; k < p.tiers.size(); ++k) {
    const double groups_here = n / inner;                        // crossings at tier >= k
    const double groups_next = n / (inner * p.tiers[k].fan_in);  // crossings at tier >= k+1
    const double cross_k =
        (groups_here > 1 ? groups_here : 0) - (groups_next > 1 ? groups_next : 0);
    out[k] = per_device_bytes * cross_k / n;
    inner *= p.tiers[k].fan_in;
  }
  return out;
}

// Reduce-scatter (half = true) or all-reduce (half = false) done tier by tier: each tier works
// on the shard left by the tiers inside it.
CollectiveCost hierarchical(double bytes, const Placement& p, bool half, const Efficiency& eff) {
  CollectiveCost c;
  c.bytes_per_tier.assign(p.tiers.size(), 0.0);
  double shard = bytes;
  const double passes = half ? 1.0 : 2.0;
  for (size_t k = 0; k < p.tiers.size(); ++k) {
    const Tier& t = p.tiers[k];
    if (t.fan_in > 1) {
      const double moved = passes * (t.fan_in - 1.0) / t.fan_in * shard;
      c.bytes_per_tier[k] = moved;
      c.time_s += transfer_s(moved, t.bw_bytes_per_s, eff) + passes * (t.fan_in - 1) * t.latency_s;
    }
    shard /= t.fan_in;
  }
  return c;
}

CollectiveCost ring(double bytes, const Placement& p, bool half, const Efficiency& eff) {
  const int n = p.size();
  const Span s = span_of(p);
  const double passes = half ? 1.0 : 2.0;
  const double moved = passes * (n - 1.0) / n * bytes;
  CollectiveCost c;
  c.time_s = transfer_s(moved, s.min_bw, eff) + passes * (n - 1) * s.max_latency;
  c.bytes_per_tier = ring_bytes_per_tier(p, moved);
  return c;
}

CollectiveCost tree(double bytes, const Placement& p, const Efficiency& eff) {
  const int n = p.size();
  const Span s = span_of(p);
  CollectiveCost c;
  // Reduce up and broadcast down two pipelined trees, each with half the data: every device
  // sends ~bytes up and ~bytes down; depth log2(N) each way.
  c.time_s = transfer_s(2.0 * bytes, s.min_bw, eff) + 2.0 * std::ceil(std::log2(n)) * s.max_latency;
  c.bytes_per_tier = ring_bytes_per_tier(p, 2.0 * bytes);
  return c;
}

CollectiveCost all_to_all(double bytes, const Placement& p, const Efficiency& eff) {
  const int n = p.size();
  CollectiveCost c;
  c.bytes_per_tier.assign(p.tiers.size(), 0.0);
  double inner = 1;
  double slowest = 0, latency = 0;
  for (size_t k = 0; k < p.tiers.size(); ++k) {
    const Tier& t = p.tiers[k];
    const double outer = inner * t.fan_in;
    // Destinations inside this tier's group but outside the inner group.
    const double sent = bytes * (outer - inner) / n;
    c.bytes_per_tier[k] = sent;
    if (t.fan_in > 1) {
      slowest = std::max(slowest, transfer_s(sent, t.bw_bytes_per_s, eff));  // tiers in parallel
      latency += (t.fan_in - 1) * t.latency_s;
    }
    inner = outer;
  }
  c.time_s = slowest + latency;
  return c;
}

}  // namespace

int Placement::size() const {
  int n = 1;
  for (const auto& t : tiers) n *= std::max(1, t.fan_in);
  return n;
}

CollectiveCost collective(CollectiveOp op, double bytes, const Placement& placement,
                          Algorithm algorithm, const Efficiency& eff) {
  if (placement.size() <= 1 || bytes <= 0) {
    return CollectiveCost{0, std::vector<double>(placement.tiers.size(), 0.0)};
  }
  if (op == CollectiveOp::kAllToAll) return all_to_all(bytes, placement, eff);
  const bool half = op != CollectiveOp::kAllReduce;  // RS and AG move half an all-reduce
  switch (algorithm) {
    case Algorithm::kRing:
      return ring(bytes, placement, half, eff);
    case Algorithm::kTree:  // NCCL has no tree reduce-scatter/all-gather: those use the ring
      return half ? ring(bytes, placement, half, eff) : tree(bytes, placement, eff);
    case Algorithm::kHierarchical:
      return hierarchical(bytes, placement, half, eff);
    case Algorithm::kBest:
      break;
  }
  CollectiveCost best = ring(bytes, placement, half, eff);
  for (const CollectiveCost& other :
       {half ? best : tree(bytes, placement, eff), hierarchical(bytes, placement, half, eff)}) {
    if (other.time_s < best.time_s) best = other;
  }
  return best;
}

double p2p_time_s(double bytes, const Tier& tier, const Efficiency& eff) {
  if (bytes <= 0) return 0;
  return transfer_s(bytes, tier.bw_bytes_per_s, eff) + tier.latency_s;
}

Placement placement_for(const Hardware& hw, int ranks, int stride) {
  ranks = std::max(1, ranks);
  stride = std::max(1, stride);
  const int per_domain =
      stride >= hw.scaleup_domain ? 1 : std::clamp(hw.scaleup_domain / stride, 1, ranks);
  const int domains = (ranks + per_domain - 1) / per_domain;
  Placement p;
  p.tiers.push_back({"scaleup", per_domain, hw.scaleup_bw_bytes_per_s, kScaleupLatency_s});
  p.tiers.push_back({"scaleout", domains, hw.nic_bw_bytes_per_s, kScaleoutLatency_s});
  return p;
}

Tier hop_tier(const Hardware& hw, int stride) {
  if (stride < hw.scaleup_domain) {
    return {"scaleup", 2, hw.scaleup_bw_bytes_per_s, kScaleupLatency_s};
  }
  return {"scaleout", 2, hw.nic_bw_bytes_per_s, kScaleoutLatency_s};
}

}  // namespace sovsim::models
