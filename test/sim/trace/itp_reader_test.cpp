// test/sim/trace/itp_reader_test.cpp — the ITP CSV reader on inline files and on
// microsoft-itp-cluster02.csv against the statistics in scenarios/traces/README.md.
#include "sim/trace/itp_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "test/sim/trace/trace_test_util.hpp"

namespace sovsim::sim {
namespace {

using testing::describe;
using testing::import_text;
using testing::options_for;
using testing::TempTraceDir;

TEST(ItpReader, ReadsRowsAndNumbersThemFromOne) {
  TempTraceDir dir;
  const auto r = import_text(dir,
                             "job_id,submission_time,duration,num_gpu\n"
                             "f60b9881-76f3,5010,1265,1\r\n"
                             "8a39068b-cbed,5377,51348,8",
                             options_for("itp"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 2u);
  EXPECT_EQ(r->jobs[0].id, 1);
  EXPECT_EQ(r->jobs[1].id, 2);
  EXPECT_EQ(r->jobs[1].submit_s, 5377);
  EXPECT_EQ(r->jobs[1].duration_s, 51348);
  EXPECT_EQ(r->jobs[1].estimate_s, 51348);
  EXPECT_EQ(r->jobs[1].gpus, 8);
  EXPECT_EQ(r->jobs[1].tenant, "default");
}

TEST(ItpReader, ColumnsAreFoundByName) {
  TempTraceDir dir;
  const auto r =
      import_text(dir, "num_gpu,duration,submission_time,job_id\n4,10,20,x\n", options_for("itp"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs[0].gpus, 4);
  EXPECT_EQ(r->jobs[0].submit_s, 20);
}

TEST(ItpReader, ZeroGpuRowsAreSkippedWithANote) {
  TempTraceDir dir;
  const auto r = import_text(dir, "job_id,submission_time,duration,num_gpu\na,1,2,0\nb,2,3,1\n",
                             options_for("itp"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs.size(), 1u);
  EXPECT_EQ(r->jobs[0].id, 2);
  EXPECT_EQ(r->skipped, 1);
  ASSERT_EQ(r->notes.size(), 1u);
  EXPECT_EQ(r->notes[0], "skipped 1 record: num_gpu 0 (no GPU to schedule)");
}

TEST(ItpReader, HeaderErrorsNameTheColumn) {
  TempTraceDir dir;
  const auto r = import_text(dir, "job_id,submission_time,duration,gpus\n", options_for("itp"));
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 2u) << describe(d);
  EXPECT_EQ(d[0].key, "gpus");
  EXPECT_EQ(d[0].column, 33);
  EXPECT_EQ(d[1].key, "num_gpu");
  EXPECT_EQ(d[1].message, "expected a 'num_gpu' column in the header, found none");
}

TEST(ItpReader, BadValuesAreErrorsWithLineAndColumn) {
  TempTraceDir dir;
  const auto r = import_text(dir,
                             "job_id,submission_time,duration,num_gpu\n"
                             "a,1,2,1\n"
                             "b,1,-5,1\n"
                             "c,1,2\n"
                             "d,1,2,1.5\n",
                             options_for("itp"));
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 3u) << describe(d);
  EXPECT_EQ(d[0].line, 3);
  EXPECT_EQ(d[0].column, 5);
  EXPECT_EQ(d[0].key, "duration");
  EXPECT_EQ(d[0].message, "expected a number >= 0, found '-5'");
  EXPECT_EQ(d[1].line, 4);
  EXPECT_EQ(d[1].message, "expected 4 comma-separated fields, found 3");
  EXPECT_EQ(d[2].key, "num_gpu");
}

TEST(ItpReader, TenantMapIsRejectedForLackOfUsers) {
  TempTraceDir dir;
  TraceOptions o = options_for("itp");
  o.tenant_map = {{"user:1", "a"}};
  const auto r = import_text(dir, "job_id,submission_time,duration,num_gpu\n", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics()[0].key, "tenant_map.user:1");
}

// README: 5,778 jobs; GPUs {1: 4937, 2: 102, 4: 301, 8: 352, 16: 36, 32: 36, 64: 14};
// submit 5,010 ... 5,166,386 s; 123,748.4 GPU-hours; every duration >= 600 s.
TEST(ItpReader, MicrosoftCluster02MatchesPublishedTotals) {
  const auto r = import_trace(testing::source_path("scenarios/traces/microsoft-itp-cluster02.csv"),
                              options_for("itp"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs.size(), 5778u);
  EXPECT_EQ(r->skipped, 0);
  std::map<int, int> histogram;
  double gpu_seconds = 0, min_duration = 1e300;
  for (const JobSpec& j : r->jobs) {
    ++histogram[j.gpus];
    gpu_seconds += j.gpus * j.duration_s;
    min_duration = std::min(min_duration, j.duration_s);
  }
  EXPECT_EQ(histogram, (std::map<int, int>{
                           {1, 4937}, {2, 102}, {4, 301}, {8, 352}, {16, 36}, {32, 36}, {64, 14}}));
  EXPECT_NEAR(gpu_seconds / 3600, 123748.4, 0.05);
  EXPECT_GE(min_duration, 600);
  EXPECT_EQ(r->jobs.front().submit_s, 5010);
  EXPECT_EQ(r->jobs.back().submit_s, 5166386);
}

}  // namespace
}  // namespace sovsim::sim
