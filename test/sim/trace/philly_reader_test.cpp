// test/sim/trace/philly_reader_test.cpp — the Philly cluster_job_log reader on small inline JSON
// written like the example entry of msr-fiddle/philly-traces' README.
#include "sim/trace/philly_reader.hpp"

#include <gtest/gtest.h>

#include "test/sim/trace/trace_test_util.hpp"

namespace sovsim::sim {
namespace {

using testing::describe;
using testing::import_text;
using testing::options_for;
using testing::TempTraceDir;

// The README's example job (two attempts, 8 GPUs on one machine each), then a 2-machine job.
constexpr std::string_view kTwoJobs = R"([
{"status": "Pass", "vc": "ee9e8c", "jobid": "application_1506638472019_14199",
 "attempts": [
   {"start_time": "2017-10-07 01:12:09", "end_time": "2017-10-07 01:13:23",
    "detail": [{"ip": "m47", "gpus": ["gpu0","gpu1","gpu2","gpu3","gpu4","gpu5","gpu6","gpu7"]}]},
   {"start_time": "2017-10-07 01:13:30", "end_time": "2017-10-09 06:53:12",
    "detail": [{"ip": "m412", "gpus": ["gpu0","gpu1","gpu2","gpu3"]}]}],
 "submitted_time": "2017-10-07 01:11:39", "user": "ce2f4c"},
{"status": "Killed", "vc": "aa11bb", "jobid": "application_2", "user": "u2",
 "submitted_time": "2017-10-07 01:11:00",
 "attempts": [{"start_time": "2017-10-07 02:00:00", "end_time": "2017-10-07 03:00:00",
   "detail": [{"ip": "m1", "gpus": ["gpu0", "gpu1"]}, {"ip": "m2", "gpus": ["gpu0", "gpu1"]}]}]}
])";

TEST(PhillyReader, LastAttemptGivesDurationAndGpus) {
  TempTraceDir dir;
  const auto r = import_text(dir, kTwoJobs, options_for("philly"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 2u);
  // Sorted by submit: job 2 (01:11:00) is time 0, the README job (01:11:39) comes at 39 s.
  const JobSpec& first = r->jobs[0];
  EXPECT_EQ(first.id, 2);
  EXPECT_EQ(first.submit_s, 0);
  EXPECT_EQ(first.gpus, 4);  // 2 machines x 2 GPUs
  EXPECT_EQ(first.duration_s, 3600);
  const JobSpec& readme = r->jobs[1];
  EXPECT_EQ(readme.id, 1);
  EXPECT_EQ(readme.submit_s, 39);
  EXPECT_EQ(readme.gpus, 4);                                          // last attempt's detail
  EXPECT_EQ(readme.duration_s, 2 * 86400 + 5 * 3600 + 39 * 60 + 42);  // 01:13:30 -> +2d 06:53:12
  EXPECT_EQ(readme.estimate_s, readme.duration_s);
  std::string notes;
  for (const auto& n : r->notes) notes += n + "\n";
  EXPECT_NE(notes.find("time 0 is 2017-10-07 01:11:00"), std::string::npos) << notes;
  EXPECT_NE(notes.find("1 job had several attempts"), std::string::npos) << notes;
}

TEST(PhillyReader, TenantFromUserOrVc) {
  TempTraceDir dir;
  TraceOptions o = options_for("philly");
  o.tenant_map = {{"vc:ee9e8c", "vision"}, {"user:u2", "speech"}};
  const auto r = import_text(dir, kTwoJobs, o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs[0].tenant, "speech");
  EXPECT_EQ(r->jobs[1].tenant, "vision");
}

TEST(PhillyReader, SkipsJobsThatNeverRanOrAreStillRunning) {
  TempTraceDir dir;
  // No attempt; no start; no end ("None"); no GPUs in the detail; then one job that ran.
  constexpr std::string_view kJobs = R"([
    {"submitted_time": "2017-10-01 00:00:00", "attempts": []},
    {"submitted_time": "2017-10-01 00:00:01",
     "attempts": [{"start_time": null, "end_time": null, "detail": []}]},
    {"submitted_time": "2017-10-01 00:00:02",
     "attempts": [{"start_time": "2017-10-01 00:01:00", "end_time": "None",
                   "detail": [{"ip": "m1", "gpus": ["gpu0"]}]}]},
    {"submitted_time": "2017-10-01 00:00:03",
     "attempts": [{"start_time": "2017-10-01 00:01:00", "end_time": "2017-10-01 00:02:00",
                   "detail": []}]},
    {"submitted_time": "2017-10-01 00:00:04",
     "attempts": [{"start_time": "2017-10-01 00:01:00", "end_time": "2017-10-01 00:02:00",
                   "detail": [{"ip": "m1", "gpus": ["gpu0"]}]}]}
  ])";
  const auto r = import_text(dir, kJobs, options_for("philly"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 1u);
  EXPECT_EQ(r->jobs[0].id, 5);
  EXPECT_EQ(r->jobs[0].submit_s, 4);  // time 0 is the earliest submission, even a skipped one
  EXPECT_EQ(r->skipped, 4);
}

TEST(PhillyReader, SyntaxErrorHasLineAndColumn) {
  TempTraceDir dir;
  const auto r = import_text(dir, "[\n  {\"attempts\": [}\n]", options_for("philly"));
  ASSERT_FALSE(r.ok());
  const Diagnostic& d = r.diagnostics()[0];
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 17);
  EXPECT_EQ(d.message.rfind("expected valid JSON", 0), 0u) << d.message;
}

TEST(PhillyReader, TopLevelMustBeAnArray) {
  TempTraceDir dir;
  const auto r = import_text(dir, "  \n {\"jobs\": []}", options_for("philly"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics()[0].line, 2);
  EXPECT_EQ(r.diagnostics()[0].column, 2);
  EXPECT_EQ(r.diagnostics()[0].message, "expected a JSON array of jobs ('['), found '{'");
}

TEST(PhillyReader, MalformedMembersNameTheJobIndex) {
  TempTraceDir dir;
  const auto r = import_text(dir, R"([
    {"submitted_time": "2017-13-01 00:00:00", "attempts": []},
    {"submitted_time": "2017-10-01 00:00:00"},
    42
  ])",
                             options_for("philly"));
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 3u) << describe(d);
  EXPECT_EQ(d[0].key, "[0].submitted_time");
  EXPECT_EQ(d[0].message,
            "expected a time 'YYYY-MM-DD HH:MM:SS' or null, found '\"2017-13-01 00:00:00\"'");
  EXPECT_EQ(d[1].key, "[1].attempts");
  EXPECT_EQ(d[2].key, "[2]");
  EXPECT_EQ(d[2].message, "expected a job object, found number");
}

}  // namespace
}  // namespace sovsim::sim
