// sim/sched/easy_policy.hpp — EASY backfilling (Lifka 1995; Mu'alem & Feitelson 2001) on user
// estimates: arrival order, one reservation for the blocked head, later jobs may jump ahead only
// if they do not delay that reservation. Exact textbook EASY on flat clusters (1 GPU per node);
// see easy_policy.cpp and docs/scheduling.md for the approximation on multi-GPU nodes.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class EasyPolicy final : public Policy {
 public:
  // The blocked head's reservation: when (by estimates) and where it can start, and the GPUs of
  // that pool still free then beyond its need (the "extra" GPUs a long backfill may use).
  struct Reservation {
    int pool = -1;  // -1: no pool can ever hold the head (no constraint)
    double shadow_s = 0;
    int64_t extra_gpus = 0;
  };

  void schedule(SchedulingContext& ctx) override;

  // The reservation of queued job `head` given the running jobs' estimated ends: per eligible
  // pool, the earliest time its free GPUs plus the GPUs of running jobs ended by then cover the
  // GPUs the head would hold; the earliest pool wins (ties: lowest pool index).
  Reservation reserve(const SchedulingContext& ctx, JobIndex head);

 private:
  struct End {
    double end_s;
    int64_t gpus;
  };
  // Scratch reused between calls (no state carries over): running jobs' ends per pool.
  std::vector<std::vector<End>> ends_by_pool_;
  std::vector<char> wanted_pool_;
};

}  // namespace sovsim::sim
