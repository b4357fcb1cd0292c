// sim/sched/partition_gate.hpp — the pools closed by waiting jobs within one policy call, so a
// queue behaves as Slurm partitions do: a job that cannot start closes the pools it may use, and
// a later job may start only in pools still open (docs/scheduling.md, "Partitions"). One pool:
// the first waiting job closes the whole queue (textbook FCFS). Header-only; reset per call.
#pragma once

#include <optional>
#include <vector>

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class PartitionGate {
 public:
  PartitionGate() = default;
  explicit PartitionGate(const SchedulingContext& ctx) { reset(ctx); }
  // Every pool open again (a new call); keeps its storage, so a policy may hold one.
  void reset(const SchedulingContext& ctx) {
    closed_.assign(ctx.cluster().pools().size(), 0);
    closed_count_ = 0;
  }

  // Where the job would start now in a pool still open (its eligible order); nullopt if nowhere.
  std::optional<Placement> place(const SchedulingContext& ctx, JobIndex index) const {
    for (int pool : ctx.eligible_pools(index)) {
      if (closed_[pool]) continue;
      if (auto p = ctx.find_placement_in(index, pool)) return p;
    }
    return std::nullopt;
  }
  // The job waits: no later job may start in the pools it may use.
  void close(const SchedulingContext& ctx, JobIndex index) {
    for (int pool : ctx.eligible_pools(index)) {
      if (!closed_[pool]) closed_[pool] = 1, ++closed_count_;
    }
  }
  bool all_closed() const { return closed_count_ == closed_.size(); }

 private:
  std::vector<char> closed_;  // by pool
  size_t closed_count_ = 0;
};

}  // namespace sovsim::sim
