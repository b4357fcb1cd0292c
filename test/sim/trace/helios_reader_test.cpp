// test/sim/trace/helios_reader_test.cpp — the Helios cluster_log.csv reader on rows written like
// the example in S-Lab-System-Group/HeliosData's README.
#include "sim/trace/helios_reader.hpp"

#include <gtest/gtest.h>

#include "test/sim/trace/trace_test_util.hpp"

namespace sovsim::sim {
namespace {

using testing::describe;
using testing::import_text;
using testing::options_for;
using testing::TempTraceDir;

constexpr std::string_view kHeader =
    "job_id,user,vc,gpu_num,cpu_num,node_num,state,submit_time,start_time,end_time,duration,"
    "queue\n";

TEST(HeliosReader, ReadsTheReadmeExample) {
  TempTraceDir dir;
  const std::string text =
      std::string(kHeader) +
      "1425511,uXBbc,vcJkd,1,1,1,COMPLETED,2020-06-09 18:41:01,2020-06-09 18:41:01,"
      "2020-06-10 04:55:09,36848,0\n"
      "1425512,uVMrF,vchbv,4,16,1,FAILED,2020-06-09 18:41:27,2020-06-09 18:41:27,"
      "2020-06-09 18:45:36,249,0\n"
      "1425513,uzqls,vcpDC,1,1,1,CANCELLED,2020-06-09 18:41:28,2020-06-09 18:41:28,"
      "2020-06-17 14:15:21,675233,0\n";
  const auto r = import_text(dir, text, options_for("helios"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 3u);
  EXPECT_EQ(r->jobs[0].id, 1425511);
  EXPECT_EQ(r->jobs[0].submit_s, 0);
  EXPECT_EQ(r->jobs[0].duration_s, 36848);  // end - start, equal to the file's duration column
  EXPECT_EQ(r->jobs[1].submit_s, 26);
  EXPECT_EQ(r->jobs[1].gpus, 4);
  EXPECT_EQ(r->jobs[1].duration_s, 249);
  EXPECT_EQ(r->jobs[2].duration_s, 675233);
  EXPECT_EQ(r->notes[0], "time 0 is 2020-06-09 18:41:01 (earliest submit_time in the file)");
}

TEST(HeliosReader, SkipsCpuOnlyAndJobsThatNeverRan) {
  TempTraceDir dir;
  const std::string text = std::string(kHeader) +
                           "1,u,vc,0,4,1,COMPLETED,2020-06-09 00:00:00,2020-06-09 00:00:00,"
                           "2020-06-09 01:00:00,3600,0\n"
                           "2,u,vc,2,4,1,CANCELLED,2020-06-09 00:00:01,,,0,0\n"
                           "3,u,vc,2,4,1,CANCELLED,2020-06-09 00:00:02,2020-06-09 00:10:00,"
                           "2020-06-09 00:10:00,0,598\n"
                           "4,u,vc,2,4,1,COMPLETED,2020-06-09 00:00:03,2020-06-09 00:10:00,"
                           "2020-06-09 00:10:00,0,597\n";
  const auto r = import_text(dir, text, options_for("helios"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 1u);
  EXPECT_EQ(r->jobs[0].id, 4);  // completed with run time 0 is kept
  EXPECT_EQ(r->jobs[0].submit_s, 3);
  EXPECT_EQ(r->skipped, 3);
}

TEST(HeliosReader, ColumnsByNameAndExtraColumnsIgnored) {
  TempTraceDir dir;
  TraceOptions o = options_for("helios");
  o.tenant_map = {{"vc:vcA", "alpha"}};
  const auto r = import_text(dir,
                             "cluster,end_time,start_time,submit_time,gpu_num,vc,job_id\n"
                             "Venus,2020-01-01 00:01:40,2020-01-01 00:00:00,2020-01-01 00:00:00,8,"
                             "vcA,9\n",
                             o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs[0].id, 9);
  EXPECT_EQ(r->jobs[0].gpus, 8);
  EXPECT_EQ(r->jobs[0].duration_s, 100);
  EXPECT_EQ(r->jobs[0].tenant, "alpha");
}

TEST(HeliosReader, MalformedTimesAndCountsAreErrors) {
  TempTraceDir dir;
  const auto r = import_text(dir,
                             std::string(kHeader) +
                                 "1,u,vc,x,1,1,COMPLETED,2020-06-09 00:00:00,2020-06-09 00:00:00,"
                                 "2020-06-09 00:00:10,10,0\n"
                                 "2,u,vc,1,1,1,COMPLETED,06/09/2020,2020-06-09 00:00:00,"
                                 "2020-06-09 00:00:10,10,0\n",
                             options_for("helios"));
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 2u) << describe(d);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[0].column, 8);
  EXPECT_EQ(d[0].key, "gpu_num");
  EXPECT_EQ(d[1].line, 3);
  EXPECT_EQ(d[1].key, "submit_time");
  EXPECT_EQ(d[1].message, "expected a time 'YYYY-MM-DD HH:MM:SS', found '06/09/2020'");
}

TEST(HeliosReader, RepeatedJobIdIsAnErrorAtItsLine) {
  TempTraceDir dir;
  const std::string times = ",2020-06-09 00:00:00,2020-06-09 00:00:00,2020-06-09 00:00:10,10,0\n";
  const auto r =
      import_text(dir,
                  std::string(kHeader) + "7,u,vc,1,1,1,COMPLETED" + times +
                      "5,u,vc,1,1,1,COMPLETED" + times + "7,u,vc,1,1,1,COMPLETED" + times,
                  options_for("helios"));
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics().size(), 1u) << describe(r.diagnostics());
  const Diagnostic& d = r.diagnostics()[0];
  EXPECT_EQ(d.line, 4);
  EXPECT_EQ(d.key, "job_id");
  EXPECT_EQ(d.message, "expected a unique job id, found 7 again (first at line 2)");
}

}  // namespace
}  // namespace sovsim::sim
