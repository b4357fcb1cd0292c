// sim/telemetry/service_meter.cpp — see service_meter.hpp.
#include "sim/telemetry/service_meter.hpp"

#include <algorithm>
#include <cmath>

namespace sovsim::sim {

ServiceMeter::ServiceMeter(TelemetrySink& inner, const JobTable& table)
    : ForwardingSink(inner), table_(table), states_(table.services.size()), totals_(table.services.size()) {
  for (size_t s = 0; s < table.services.size(); ++s) {
    const LivingService& svc = table.services[s];
    states_[s].last_s = svc.begin_s;
    const double step = svc.work.autoscale.interval_s;
    for (double t = svc.begin_s; t < svc.end_s; t += step) {
      totals_[s].intervals.push_back({t, std::min(step, svc.end_s - t), 0, 0, 0});
    }
  }
}

void ServiceMeter::job_started(JobIndex index, const Job& job, double now_s) {
  ForwardingSink::job_started(index, job, now_s);
  const auto replica = table_.replicas.find(index);
  if (replica == table_.replicas.end()) return;
  const auto s = static_cast<size_t>(replica->second.service);
  advance(s, now_s);
  const double delay = table_.services[s].work.autoscale.scale_up_delay_s;
  states_[s].pending.emplace(now_s + delay, index);
  advance(s, now_s);  // a zero delay serves at once
}

void ServiceMeter::job_stopped(JobIndex index, const Job& job, double now_s) {
  const auto replica = table_.replicas.find(index);
  if (replica != table_.replicas.end()) {
    const auto s = static_cast<size_t>(replica->second.service);
    advance(s, now_s);
    State& st = states_[s];
    if (st.ready_since.count(index)) {
      stop_serving(s, index);
    } else {
      std::erase_if(st.pending, [&](const auto& p) { return p.second == index; });
    }
  }
  ForwardingSink::job_stopped(index, job, now_s);
}

void ServiceMeter::stop_serving(size_t s, JobIndex index) {
  State& st = states_[s];
  const ServingWork& w = table_.services[s].work;
  tokens_[index] += (st.served_per_replica - st.ready_since[index]) *
                    (w.input_tokens + w.output_tokens);
  st.ready_since.erase(index);
  --st.ready;
}

void ServiceMeter::advance(size_t s, double t_s) {
  State& st = states_[s];
  while (!st.pending.empty() && st.pending.begin()->first <= t_s) {
    const auto [ready_at, index] = *st.pending.begin();
    st.pending.erase(st.pending.begin());
    integrate(s, st.last_s, ready_at);
    st.ready_since[index] = st.served_per_replica;
    ++st.ready;
  }
  integrate(s, st.last_s, t_s);
}

void ServiceMeter::integrate(size_t s, double t0_s, double t1_s) {
  State& st = states_[s];
  const LivingService& svc = table_.services[s];
  const models::TimeProfile& profile = svc.work.rate_profile;
  const double interval = svc.work.autoscale.interval_s;
  t0_s = std::max(t0_s, svc.begin_s);
  t1_s = std::min(t1_s, svc.end_s);
  Totals& total = totals_[s];
  double t = t0_s;
  while (t < t1_s) {
    // Pieces end at the next profile step, the next decision interval, or t1.
    const size_t bucket = std::min(total.intervals.size() - 1,
                                   static_cast<size_t>((t - svc.begin_s) / interval));
    double end = std::min(t1_s, total.intervals[bucket].start_s + total.intervals[bucket].length_s);
    if (!profile.is_constant()) {
      const double phase = t + profile.offset_s();
      end = std::min(end, (std::floor(phase / profile.step_s()) + 1) * profile.step_s() -
                              profile.offset_s());
    }
    if (end <= t) end = t1_s;  // guard against rounding at a boundary
    const double dt = end - t;
    const double offered = svc.work.requests_per_s * profile.at(t);
    const double served = std::min(offered, st.ready * svc.replica_requests_per_s);
    Interval& row = total.intervals[bucket];
    row.offered_requests += offered * dt;
    row.served_requests += served * dt;
    row.ready_replica_s += st.ready * dt;
    total.offered_requests += offered * dt;
    total.served_requests += served * dt;
    total.ready_replica_s += st.ready * dt;
    if (st.ready > 0) st.served_per_replica += served * dt / st.ready;
    t = end;
  }
  st.last_s = std::max(st.last_s, t1_s);
}

void ServiceMeter::finish(double end_s) {
  for (size_t s = 0; s < states_.size(); ++s) {
    advance(s, end_s);
    std::vector<JobIndex> serving;
    for (const auto& [index, since] : states_[s].ready_since) serving.push_back(index);
    for (JobIndex index : serving) stop_serving(s, index);
  }
}

}  // namespace sovsim::sim
