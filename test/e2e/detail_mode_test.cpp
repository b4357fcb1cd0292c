// test/e2e/detail_mode_test.cpp — the fluid model against detailed mode (`sovsim run --detail`) on
// the same platform: in detailed mode each iteration of a job (60 s of progress) computes, then
// runs the ring steps of its collective (2 (N - 1) of them) as individual SimGrid comms on every
// shared link it crosses, with no analytic shortcut. Uncontended, both must agree to within flow
// latencies; contended, they differ only by how the two jobs' communication overlaps in time, and
// the fluid job times stay within the tolerances below (docs/engine.md states the agreement).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "test/support/fabric_scenarios.hpp"

namespace sovsim::test {
namespace {

std::map<std::string, CsvRow> run_jobs(const std::string& scenario, const TempDir& dir,
                                       const std::string& name, const std::string& args) {
  write_file(dir / (name + ".yaml"), scenario);
  auto r = run_sovsim("run " + (dir / (name + ".yaml")).string() + " -q -o " +
                          (dir / name).string() + " " + args,
                      dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, CsvRow> by_id;
  for (auto& row : read_csv(dir / name / "jobs.csv")) by_id[row["job_id"]] = row;
  return by_id;
}

// Relative difference of a job's run time (end - start) between the two modes.
double relative_gap(std::map<std::string, CsvRow>& fluid, std::map<std::string, CsvRow>& detail,
                    const std::string& id) {
  const double a = end_of(fluid, id) - std::stod(fluid[id]["start_s"]);
  const double b = end_of(detail, id) - std::stod(detail[id]["start_s"]);
  std::cerr << "job " << id << ": fluid " << a << " s, detailed " << b << " s\n";
  return std::abs(a - b) / b;
}

TEST(DetailMode, UncontendedJobTakesTheSameTimeInBothModes) {
  TempDir dir;
  const std::string s = fabric_scenario(4, 4, 4, kInterleaved);
  auto fluid = run_jobs(s, dir, "fluid", "");
  auto detail = run_jobs(s, dir, "detail", "--detail");
  EXPECT_LT(relative_gap(fluid, detail, "10"), 1e-6);
}

TEST(DetailMode, ExclusiveLinkShortcutMatchesRealFlows) {
  TempDir dir;  // job 20 holds its leaves: the fluid model times them without SimGrid flows
  const std::string s = fabric_scenario(12, 2, 4, kPodJobs + kCrossPodJob);
  auto fluid = run_jobs(s, dir, "fluid", "");
  auto detail = run_jobs(s, dir, "detail", "--detail");
  EXPECT_LT(relative_gap(fluid, detail, "20"), 1e-6);
  EXPECT_LT(relative_gap(fluid, detail, "22"), 1e-6);
}

TEST(DetailMode, ContendedJobsAgreeWithinTheOverlapOfTheirCommunication) {
  TempDir dir;
  const std::string s = fabric_scenario(4, 4, 4, kInterleaved + kSecondJob);
  auto fluid = run_jobs(s, dir, "fluid", "");
  auto detail = run_jobs(s, dir, "detail", "--detail");
  EXPECT_LT(relative_gap(fluid, detail, "10"), 0.02);  // measured: 0.6%
  EXPECT_LT(relative_gap(fluid, detail, "11"), 0.02);
}

TEST(DetailMode, OffsetJobsAgreeLessBecauseFluidPhasesAreCoarse) {
  TempDir dir;  // job B starts 295 s after A (its fillers run 300 s): their phases misalign
  std::string jobs = kInterleaved + kSecondJob;
  for (size_t at; (at = jobs.find("duration: 6}")) != std::string::npos;) jobs.replace(at, 12, "duration: 300}");
  const std::string s = fabric_scenario(4, 4, 4, jobs);
  auto fluid = run_jobs(s, dir, "fluid", "");
  auto detail = run_jobs(s, dir, "detail", "--detail");
  ASSERT_EQ(detail["11"]["start_s"], "300");
  // One 1000 s segment each: compute, then all the communication, so B's comm phase overlaps
  // A's whole comm phase; in detailed mode each computes while the other communicates. The
  // fluid model is pessimistic here (measured: 15.4%) ...
  EXPECT_LT(relative_gap(fluid, detail, "10"), 0.2);
  EXPECT_LT(relative_gap(fluid, detail, "11"), 0.2);
  // ... and shorter segments (engine.flow_segment) bring it back (measured: 2.8%).
  auto fine = run_jobs(s, dir, "fine", "--set engine.flow_segment=60s");
  EXPECT_LT(relative_gap(fine, detail, "10"), 0.04);
  EXPECT_LT(relative_gap(fine, detail, "11"), 0.04);
}

TEST(DetailMode, NonBlockingFabricAgreesToo) {
  TempDir dir;
  const std::string s = fabric_scenario(4, 4, 1, kInterleaved + kSecondJob);
  auto fluid = run_jobs(s, dir, "fluid", "");
  auto detail = run_jobs(s, dir, "detail", "--detail");
  EXPECT_LT(relative_gap(fluid, detail, "10"), 1e-6);
  EXPECT_LT(relative_gap(fluid, detail, "11"), 1e-6);
}

}  // namespace
}  // namespace sovsim::test
