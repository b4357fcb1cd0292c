// test/validation/llama3_goodput_test.cpp — the failure model through the engine against a public
// number it was not fitted on. Fitted: the Llama 3 paper's 419 unexpected interruptions in 54 days
// on 16,384 H100 (the default rates). Not fitted: the same paper reports "higher than 90%
// effective training time" for that run despite them. We run that job — 2,048 HGX H100 nodes (+16
// hot spares), 54 days of work, Daly checkpoints of Llama 3 405B's 14 B/param state (5.67 TB) on
// the 2 TB/s the paper gives for its storage, the default 10 min restart — and require its
// effective training time (work / wall time) between 90% and 96%: above the paper's floor, and not
// so close to 100% that restarts and redone work would be missing. The interruption rate must come
// back as fitted (7.76 per day, within 15%: sampling noise of ~450 events is ~5%).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

TEST(Llama3Goodput, EffectiveTrainingTimeAboveNinetyPercent) {
  TempDir dir;
  const std::string scenario =
      "name: llama3-405b\nseed: 405\nhorizon: 90d\nfailures: {}\n"
      "sites:\n  - name: meta\n    fabric: {storage_gbps: 16000}\n    nodes:\n"
      "      - {hardware: H100, count: 2064, spares: 16}\n"
      "tenants:\n  - name: meta\nworkload:\n  jobs:\n"
      "    - {id: 1, tenant: meta, gpus: 16384, duration: 54d, checkpoint_interval: daly, "
      "checkpoint_gb: 5670}\n";
  auto jobs = run_scenario_jobs(scenario, dir);
  CsvRow& job = jobs["1"];
  ASSERT_EQ(job["status"], "completed");
  const double wall_s = std::stod(job["end_s"]) - std::stod(job["start_s"]);
  const double ett = 54 * 86400.0 / wall_s;
  const double per_day = std::stod(job["interruptions"]) / (wall_s / 86400);
  std::cerr << "interruptions " << job["interruptions"] << " (" << per_day
            << "/day), effective training time " << ett << ", lost " << job["failure_lost_s"]
            << " s, checkpoints " << job["checkpoint_s"] << " s\n";
  EXPECT_GT(ett, 0.90);
  EXPECT_LT(ett, 0.96);
  EXPECT_NEAR(per_day, 419.0 / 54, 0.15 * 419.0 / 54);
}

}  // namespace
}  // namespace sovsim::test
