// sim/workload/service_plan.cpp — see service_plan.hpp.
#include "sim/workload/service_plan.hpp"

#include <algorithm>
#include <cmath>

namespace sovsim::sim {
namespace {

// More replicas than any fleet has GPUs: the bound keeps the count an int for any rate.
constexpr double kMaxReplicas = 1 << 20;

}  // namespace

double peak_rate_between(const ServingWork& work, double t0_s, double t1_s) {
  const models::TimeProfile& p = work.rate_profile;
  double peak = p.at(t0_s);
  if (!p.is_constant()) {
    // The profile changes only at step boundaries: check each one inside the interval.
    const double phase0 = t0_s + p.offset_s();
    for (double b = (std::floor(phase0 / p.step_s()) + 1) * p.step_s() - p.offset_s(); b < t1_s;
         b += p.step_s()) {
      peak = std::max(peak, p.at(b));
    }
  }
  return work.requests_per_s * peak;
}

std::vector<int> replicas_wanted(const ServingWork& work, double replica_requests_per_s,
                                 double begin_s, double end_s) {
  const ServiceAutoscale& a = work.autoscale;
  std::vector<int> out;
  for (double t = begin_s; t < end_s; t += a.interval_s) {
    const double peak = peak_rate_between(work, t, std::min(end_s, t + a.interval_s));
    int n = static_cast<int>(std::min(kMaxReplicas, std::ceil(peak / replica_requests_per_s - 1e-9)));
    n = std::max(n, a.min_replicas);
    if (a.max_replicas > 0) n = std::min(n, a.max_replicas);
    out.push_back(n);
  }
  return out;
}

std::vector<ReplicaRun> plan_replicas(const ServingWork& work, double replica_requests_per_s,
                                      double begin_s, double end_s) {
  const std::vector<int> wanted = replicas_wanted(work, replica_requests_per_s, begin_s, end_s);
  std::vector<ReplicaRun> runs;
  std::vector<double> open_since;  // by slot: start of its current run, or < 0
  for (size_t i = 0; i <= wanted.size(); ++i) {
    const double t = std::min(end_s, begin_s + static_cast<double>(i) * work.autoscale.interval_s);
    const int n = i < wanted.size() ? wanted[i] : 0;
    if (static_cast<int>(open_since.size()) < n) open_since.resize(n, -1);
    for (int slot = 0; slot < static_cast<int>(open_since.size()); ++slot) {
      if (slot < n && open_since[slot] < 0) open_since[slot] = t;
      if (slot >= n && open_since[slot] >= 0) {
        runs.push_back({slot, open_since[slot], t});
        open_since[slot] = -1;
      }
    }
  }
  std::stable_sort(runs.begin(), runs.end(), [](const ReplicaRun& a, const ReplicaRun& b) {
    return a.start_s != b.start_s ? a.start_s < b.start_s : a.slot < b.slot;
  });
  return runs;
}

}  // namespace sovsim::sim
