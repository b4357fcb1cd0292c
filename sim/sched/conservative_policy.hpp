// sim/sched/conservative_policy.hpp — conservative backfilling (Mu'alem & Feitelson 2001): every
// queued job holds a reservation on an availability profile built from user estimates, in arrival
// order; a job may start now only if that delays no earlier job's reservation. Reservations are
// kept between calls and only ever move earlier (the schedule is compressed in arrival order).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>

#include "sim/sched/policy.hpp"

namespace sovsim::sim {

class ConservativePolicy final : public Policy {
 public:
  // At most `max_queue_scan` queued jobs (the earliest) get a reservation per call; later ones
  // wait, unreserved, until they come within reach. Bounds the cost on very long queues.
  explicit ConservativePolicy(int64_t max_queue_scan = 1000) : max_queue_scan_(max_queue_scan) {}

  void schedule(SchedulingContext& ctx) override;

  // The start time reserved for queued job `index` by the last call; nullopt if it has none.
  std::optional<double> reservation_s(JobIndex index) const;

 private:
  struct Reservation {
    int pool = -1;
    double start_s = 0, end_s = 0;  // [start, end) by the job's estimate
    int64_t gpus = 0;               // GPUs it will hold (whole nodes when larger than a node)
  };
  int64_t max_queue_scan_;
  std::map<JobIndex, Reservation> reservations_;  // ordered: deterministic iteration
};

}  // namespace sovsim::sim
