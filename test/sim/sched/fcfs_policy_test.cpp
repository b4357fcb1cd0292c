// test/sim/sched/fcfs_policy_test.cpp — FCFS on a hand-built context (no engine).
#include "sim/sched/fcfs_policy.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

// A SchedulingContext over a one-pool cluster, recording what the policy started.
class FakeContext final : public SchedulingContext {
 public:
  FakeContext(int nodes, int gpus_per_node) : cluster_(make_sites(nodes, gpus_per_node)) {}
  void enqueue(int gpus) {
    Job j;
    j.id = static_cast<int64_t>(jobs_.size()) + 1;
    j.gpus = gpus;
    j.state = JobState::kQueued;
    queue_.insert(static_cast<JobIndex>(jobs_.size()));
    jobs_.push_back(j);
  }
  double now() const override { return 0; }
  const std::set<JobIndex>& queue() const override { return queue_; }
  const Job& job(JobIndex i) const override { return jobs_[i]; }
  const Cluster& cluster() const override { return cluster_; }
  std::optional<Placement> find_placement(JobIndex i) const override {
    return cluster_.first_fit(0, jobs_[i].gpus);
  }
  void start(JobIndex i, const Placement& p) override {
    cluster_.allocate(p);
    queue_.erase(i);
    started.push_back(i);
  }
  std::vector<JobIndex> started;

 private:
  static std::vector<Site> make_sites(int nodes, int gpn) {
    Site s;
    s.name = "s";
    s.nodes.push_back({"H100", nodes, gpn});
    return {s};
  }
  Cluster cluster_;
  std::vector<Job> jobs_;
  std::set<JobIndex> queue_;
};

TEST(FcfsPolicy, StartsInOrderUntilTheFirstMisfit) {
  FakeContext ctx(2, 8);
  ctx.enqueue(8);
  ctx.enqueue(6);
  ctx.enqueue(4);  // does not fit after the first two
  ctx.enqueue(1);  // would fit, but FCFS must not pass job 3
  FcfsPolicy().schedule(ctx);
  EXPECT_EQ(ctx.started, (std::vector<JobIndex>{0, 1}));
  EXPECT_EQ(ctx.queue().size(), 2u);
}

TEST(FcfsPolicy, EmptyQueueIsANoop) {
  FakeContext ctx(1, 8);
  FcfsPolicy().schedule(ctx);
  EXPECT_TRUE(ctx.started.empty());
}

}  // namespace
}  // namespace sovsim::sim
