// test/models/failures_test.cpp — the failure model: Young and Daly intervals against hand
// arithmetic, the Llama 3 defaults, and the superposed Poisson process (determinism, its rate, and
// the node/domain, component and per-GPU victim proportions), with tolerances a wrong sampler
// fails.
#include "models/failures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace sovsim::models {
namespace {

FailureRates enabled_rates() {
  FailureRates r;
  r.enabled = true;
  return r;
}

// 1,000 nodes of 8 GPUs, then 500 nodes of 4 GPUs in domains of 18 nodes (ids 0..27).
struct MixedFleet {
  std::vector<int> gpus;
  std::vector<int32_t> domains;
  MixedFleet() {
    for (int i = 0; i < 1000; ++i) gpus.push_back(8), domains.push_back(-1);
    for (int i = 0; i < 500; ++i) gpus.push_back(4), domains.push_back(i / 18);
  }
};

TEST(Checkpoint, YoungAndDalyMatchHandArithmetic) {
  // C = 600 s, M = 1 day: sqrt(2 x 600 x 86400) = sqrt(103,680,000) = 10,182.34 s.
  EXPECT_NEAR(young_interval_s(600, 86400), 10182.34, 0.01);
  // Daly: C/(2M) = 0.0034722, sqrt = 0.058926, /3 = 0.019642; C/(18M) = 0.00038580;
  // 10,182.34 x 1.0200279 - 600 = 9,786.27 s.
  EXPECT_NEAR(daly_interval_s(600, 86400), 9786.27, 0.01);
}

TEST(Checkpoint, DalyIsBelowYoungForCheapCheckpointsAndMIfExpensive) {
  for (double c : {1.0, 60.0, 600.0, 3600.0, 20000.0}) {
    const double young = young_interval_s(c, 86400), daly = daly_interval_s(c, 86400);
    EXPECT_LT(daly, young) << c;
    EXPECT_GT(daly, young - c) << c;  // the correction terms only add back
  }
  EXPECT_DOUBLE_EQ(daly_interval_s(2 * 86400, 86400), 86400);  // C >= 2M: checkpoint every M
  EXPECT_DOUBLE_EQ(daly_interval_s(1e6, 86400), 86400);
  EXPECT_TRUE(std::isinf(daly_interval_s(600, std::numeric_limits<double>::infinity())));
}

TEST(Checkpoint, YoungMinimisesFirstOrderWaste) {
  const double c = 300, m = 3 * 3600.0, best = young_interval_s(c, m);
  EXPECT_NEAR(waste_fraction(best, c, m), std::sqrt(2 * c / m), 1e-12);
  EXPECT_LT(waste_fraction(best, c, m), waste_fraction(best * 0.8, c, m));
  EXPECT_LT(waste_fraction(best, c, m), waste_fraction(best * 1.25, c, m));
}

TEST(Checkpoint, BytesAndCost) {
  EXPECT_DOUBLE_EQ(kCheckpointBytesPerParam, 14);
  EXPECT_DOUBLE_EQ(checkpoint_bytes_for_params(405e9), 5.67e12);  // Llama 3 405B
  EXPECT_DOUBLE_EQ(checkpoint_bytes_for_params(1e9, 16), 16e9);
  EXPECT_DOUBLE_EQ(checkpoint_cost_s(1e12, 1e11), 10);
}

TEST(FailureRates, DefaultsGiveBackTheLlama3InterruptionRate) {
  // 419 interruptions in 54 days on 16,384 H100s: one every 54 x 24 / 419 = 3.093 h.
  const double mtbf_h = job_mtbf_s(enabled_rates(), 16384) / 3600;
  EXPECT_NEAR(mtbf_h, 54.0 * 24 / 419, 0.1 * 3.093);
  EXPECT_NEAR(mtbf_h, 3.093, 0.001);  // exact by construction
  EXPECT_NEAR(enabled_rates().per_gpu_rate_per_s() * kSecondsPerYear, 0.17286, 1e-5);
}

TEST(FailureRates, JobMtbfScalesAsOneOverGpusAndAddsDomains) {
  const FailureRates r = enabled_rates();
  EXPECT_NEAR(job_mtbf_s(r, 1024) / job_mtbf_s(r, 2048), 2.0, 1e-12);
  EXPECT_NEAR(job_mtbf_s(r, 8) / job_mtbf_s(r, 8000), 1000.0, 1e-9);
  const double with_racks = 1.0 / job_mtbf_s(r, 144, 2);
  EXPECT_NEAR(with_racks, 144 * r.per_gpu_rate_per_s() + 2 * r.domain_rate_per_s(), 1e-18);
  EXPECT_TRUE(std::isinf(job_mtbf_s(FailureRates{}, 16384)));  // disabled
  EXPECT_TRUE(std::isinf(job_mtbf_s(r, 0)));
}

TEST(FailureProcess, DisabledOrRatelessNeverFails) {
  EXPECT_TRUE(std::isinf(FailureProcess(FailureRates{}, {8, 8}, {}, 1).next().time_s));
  FailureRates zero = enabled_rates();
  zero.gpu_per_year = zero.hbm_per_year = zero.network_per_year = zero.host_per_year = 0;
  EXPECT_TRUE(std::isinf(FailureProcess(zero, {8, 8}, {-1, -1}, 1).next().time_s));
}

TEST(FailureProcess, SameSeedSameEventsOtherSeedOthers) {
  const MixedFleet f;
  FailureProcess a(enabled_rates(), f.gpus, f.domains, 42);
  FailureProcess b(enabled_rates(), f.gpus, f.domains, 42);
  FailureProcess c(enabled_rates(), f.gpus, f.domains, 43);
  FailureProcess d(enabled_rates(), f.gpus, f.domains, 42, kFailureStreamId + 1);
  int differ_seed = 0, differ_stream = 0;
  double last = 0;
  for (int i = 0; i < 1000; ++i) {
    const FailureEvent ea = a.next(), eb = b.next(), ec = c.next(), ed = d.next();
    EXPECT_EQ(ea.time_s, eb.time_s);
    EXPECT_EQ(ea.kind, eb.kind);
    EXPECT_EQ(ea.node_or_domain, eb.node_or_domain);
    EXPECT_EQ(ea.component, eb.component);
    EXPECT_EQ(ea.repair_s, eb.repair_s);
    EXPECT_GT(ea.time_s, last);
    last = ea.time_s;
    differ_seed += ea.time_s != ec.time_s || ea.node_or_domain != ec.node_or_domain;
    differ_stream += ea.time_s != ed.time_s || ea.node_or_domain != ed.node_or_domain;
  }
  EXPECT_EQ(differ_seed, 1000);
  EXPECT_EQ(differ_stream, 1000);
}

TEST(FailureProcess, EmpiricalRatesAndProportionsMatchTheConfiguredOnes) {
  const MixedFleet f;
  FailureRates r = enabled_rates();
  r.domain_per_year = 100;  // so that domain events are common enough to count
  FailureProcess p(r, f.gpus, f.domains, 7);
  ASSERT_EQ(p.total_gpus(), 10000);
  ASSERT_EQ(p.domains().size(), 28u);
  // Λ = 10,000 GPUs x 0.17286 + 28 domains x 100 = 4,528.6 per year.
  const double lambda = p.total_rate_per_s();
  EXPECT_NEAR(lambda * kSecondsPerYear, 10000 * 0.172859 + 2800, 0.1);

  constexpr int kEvents = 40000;
  int domain_events = 0, on_big = 0, on_small = 0;
  std::array<int, 5> by_component{};
  std::vector<double> node_repairs;
  FailureEvent e;
  for (int i = 0; i < kEvents; ++i) {
    e = p.next();
    ++by_component[static_cast<int>(e.component)];
    if (e.kind == FailureEvent::Kind::kDomain) {
      ++domain_events;
      EXPECT_EQ(e.component, FailureComponent::kDomain);
      EXPECT_GE(e.node_or_domain, 0);
      EXPECT_LT(e.node_or_domain, 28);
    } else {
      ASSERT_GE(e.node_or_domain, 0);
      ASSERT_LT(e.node_or_domain, 1500);
      (e.node_or_domain < 1000 ? on_big : on_small) += 1;
      node_repairs.push_back(e.repair_s);
    }
  }
  // Mean gap: σ/mean = 1/sqrt(40,000) = 0.5%, so ±3% is 6σ.
  EXPECT_NEAR(e.time_s / kEvents, 1.0 / lambda, 0.03 / lambda);
  // Domain share 2,800 / 4,528.6 = 0.6183 (σ = 0.0024).
  EXPECT_NEAR(static_cast<double>(domain_events) / kEvents, 2800 / 4528.6, 0.012);
  // Components among node events: 196 : 72 : 42 : 109 of 419 (σ <= 0.004).
  const int node_events = kEvents - domain_events;
  const std::array<double, 4> expected = {196 / 419.0, 72 / 419.0, 42 / 419.0, 109 / 419.0};
  for (int c = 0; c < 4; ++c) {
    EXPECT_NEAR(static_cast<double>(by_component[c]) / node_events, expected[c], 0.015) << c;
  }
  // Victims by GPUs: an 8-GPU node is picked twice as often as a 4-GPU one (σ of ratio ≈ 0.04).
  const double per_big = on_big / 1000.0, per_small = on_small / 500.0;
  EXPECT_NEAR(per_big / per_small, 2.0, 0.15);
  // Repair times: median of the log-normal is its median parameter (4 h).
  std::nth_element(node_repairs.begin(), node_repairs.begin() + node_repairs.size() / 2,
                   node_repairs.end());
  EXPECT_NEAR(node_repairs[node_repairs.size() / 2], 4 * 3600.0, 0.05 * 4 * 3600.0);
}

TEST(FailureProcess, NodesWithoutGpusAreNeverPicked) {
  FailureProcess p(enabled_rates(), {0, 8, 0, 4, 0}, {}, 3);
  for (int i = 0; i < 2000; ++i) {
    const int32_t n = p.next().node_or_domain;
    EXPECT_TRUE(n == 1 || n == 3) << n;
  }
}

TEST(FailureProcess, UniformFleetOf36000NodesReproducesLlama3) {
  // 36,000 equal nodes use the uniform pick; every node is reachable and halves get equal shares.
  FailureProcess big(enabled_rates(), std::vector<int>(36000, 8), {}, 11);
  int low_half = 0;
  for (int i = 0; i < 20000; ++i) low_half += big.next().node_or_domain < 18000;
  EXPECT_NEAR(low_half / 20000.0, 0.5, 0.02);

  // The Llama 3 cluster (2,048 hosts x 8 H100) over 540 days: 10 x 419 = 4,190 expected (σ 1.5%).
  FailureProcess llama(enabled_rates(), std::vector<int>(2048, 8), {}, 5);
  int count = 0;
  while (llama.next().time_s < 540 * 86400.0) ++count;
  EXPECT_NEAR(count, 4190, 419);
}

TEST(FailureProcess, NodesInDomain) {
  const MixedFleet f;
  FailureProcess p(enabled_rates(), f.gpus, f.domains, 1);
  const auto rack0 = p.nodes_in_domain(0);
  ASSERT_EQ(rack0.size(), 18u);
  EXPECT_EQ(rack0.front(), 1000);
  EXPECT_EQ(rack0.back(), 1017);
  EXPECT_EQ(p.nodes_in_domain(27).size(), 500u - 27 * 18);
  EXPECT_TRUE(p.nodes_in_domain(99).empty());
  EXPECT_EQ(component_name(FailureComponent::kHbm), std::string("hbm"));
}

}  // namespace
}  // namespace sovsim::models
