// test/support/fake_scheduling_context.hpp — a SchedulingContext without the engine, for policy
// tests: a one-site cluster of identical nodes, jobs added by hand, time set by hand. It applies
// start/preempt exactly as the controller does (GPUs, queue, running set, tenant usage).
#pragma once

#include <map>
#include <stdexcept>
#include <vector>

#include "sim/sched/policy.hpp"

namespace sovsim::test {

class FakeSchedulingContext final : public sim::SchedulingContext {
 public:
  FakeSchedulingContext(int nodes, int gpus_per_node, std::vector<sim::Tenant> tenants = {{"t"}})
      : cluster_(make_sites(nodes, gpus_per_node)),
        tenants_(std::move(tenants)),
        busy_(tenants_.size(), 0) {
    all_pools_.resize(cluster_.pools().size());
    for (size_t p = 0; p < all_pools_.size(); ++p) all_pools_[p] = static_cast<int>(p);
  }

  // Adds a queued job (submitted now unless given) and returns its index.
  sim::JobIndex submit(int gpus, double duration_s, int tenant = 0, double estimate_s = 0,
                       int priority = 0) {
    sim::Job j;
    j.id = static_cast<int64_t>(jobs_.size()) + 1;
    j.gpus = gpus;
    j.tenant = static_cast<uint16_t>(tenant);
    j.submit_s = now_;
    j.duration_s = duration_s;
    j.remaining_s = duration_s;
    j.estimate_s = estimate_s > 0 ? estimate_s : duration_s;
    j.priority = priority;
    j.state = sim::JobState::kQueued;
    const auto index = static_cast<sim::JobIndex>(jobs_.size());
    jobs_.push_back(j);
    queue_.insert(index);
    partitions_[jobs_.at(index).eligibility].insert(index);
    return index;
  }
  // Completes a running job now (as the engine would at its end event).
  void complete(sim::JobIndex index) {
    sim::Job& j = jobs_.at(index);
    release(j);
    running_.erase(index);
    j.state = sim::JobState::kCompleted;
    j.end_s = now_;
  }
  void set_now(double t) { now_ = t; }
  sim::Job& mutable_job(sim::JobIndex index) { return jobs_.at(index); }

  std::vector<sim::JobIndex> started, preempted;  // in call order

  double now() const override { return now_; }
  const std::set<sim::JobIndex>& queue() const override { return queue_; }
  const std::map<uint32_t, std::set<sim::JobIndex>>& partitions() const override { return partitions_; }
  const sim::Job& job(sim::JobIndex i) const override { return jobs_.at(i); }
  const sim::Cluster& cluster() const override { return cluster_; }
  std::optional<sim::Placement> find_placement(sim::JobIndex i) const override {
    return find_placement_in(i, 0);
  }
  std::optional<sim::Placement> find_placement_in(sim::JobIndex i, int pool) const override {
    return cluster_.first_fit(pool, jobs_.at(i).gpus);
  }
  void start(sim::JobIndex i, const sim::Placement& p) override {
    sim::Job& j = jobs_.at(i);
    if (j.state != sim::JobState::kQueued) throw std::logic_error("start of a job not queued");
    cluster_.allocate(p);
    queue_.erase(i);
    partitions_[j.eligibility].erase(i);
    running_.insert(i);
    j.state = sim::JobState::kRunning;
    if (j.start_s < 0) j.start_s = now_;
    j.run_start_s = now_;
    j.placement = p;
    busy_[j.tenant] += p.gpus();
    started.push_back(i);
  }
  const std::set<sim::JobIndex>& running() const override { return running_; }
  void preempt(sim::JobIndex i) override {
    sim::Job& j = jobs_.at(i);
    if (j.state != sim::JobState::kRunning) throw std::logic_error("preempt of a job not running");
    const double loss = j.preemption_loss_at(now_);
    j.remaining_s -= (now_ - j.run_start_s) - loss;
    lost_s[i] += loss;
    ++j.preemptions;
    release(j);
    running_.erase(i);
    j.state = sim::JobState::kQueued;
    queue_.insert(i);
    partitions_[j.eligibility].insert(i);
    preempted.push_back(i);
  }
  const std::vector<sim::Tenant>& tenants() const override { return tenants_; }
  double tenant_busy_gpus(int tenant) const override { return static_cast<double>(busy_[tenant]); }
  const std::vector<int>& eligible_pools(sim::JobIndex) const override { return all_pools_; }
  void wake_at(double time_s) override { wakeups.push_back(time_s); }
  std::vector<double> wakeups;  // as asked by the policy
  std::map<sim::JobIndex, double> lost_s;  // run time lost to preemptions, by job

 private:
  static std::vector<sim::Site> make_sites(int nodes, int gpus_per_node) {
    sim::Site s;
    s.name = "s";
    s.nodes.push_back({"H100", nodes, gpus_per_node});
    return {s};
  }
  void release(sim::Job& j) {
    cluster_.release(j.placement);
    busy_[j.tenant] -= j.placement.gpus();
    j.held_s += now_ - j.run_start_s;
    j.service_gpu_s += static_cast<double>(j.placement.gpus()) * (now_ - j.run_start_s);
  }

  sim::Cluster cluster_;
  std::vector<sim::Tenant> tenants_;
  std::vector<int64_t> busy_;
  std::vector<int> all_pools_;
  std::vector<sim::Job> jobs_;
  std::set<sim::JobIndex> queue_, running_;
  std::map<uint32_t, std::set<sim::JobIndex>> partitions_;
  double now_ = 0;
};

}  // namespace sovsim::test
