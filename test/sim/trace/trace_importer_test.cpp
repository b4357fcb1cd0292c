// test/sim/trace/trace_importer_test.cpp — what import_trace does for every format: option
// checks, windowing, rescaling, sorting, max_jobs and tenant mapping (on small csv inputs).
#include "sim/trace/trace_importer.hpp"

#include <gtest/gtest.h>

#include "test/sim/trace/trace_test_util.hpp"

namespace sovsim::sim {
namespace {

using testing::describe;
using testing::import_text;
using testing::options_for;
using testing::TempTraceDir;

// ids 1..5, submit 0, 10, 10, 20, 30; ids 2 and 3 tie at 10 and appear in the file as 3, 2.
constexpr std::string_view kJobs =
    "job_id,submit_s,gpus,duration_s,estimate_s\n"
    "1,0,1,100,200\n"
    "4,20,8,100,100\n"
    "3,10,3,100,100\n"
    "2,10,2,100,100\n"
    "5,30,16,100,100\n";

std::vector<int64_t> ids(const ImportedTrace& t) {
  std::vector<int64_t> out;
  for (const JobSpec& j : t.jobs) out.push_back(j.id);
  return out;
}

TEST(TraceImporter, ListsTheFormats) {
  EXPECT_EQ(trace_formats(),
            (std::vector<std::string>{"swf", "philly", "helios", "alibaba-pai", "itp", "csv"}));
}

TEST(TraceImporter, SortsBySubmitKeepingTraceOrderForTies) {
  TempTraceDir dir;
  const auto r = import_text(dir, kJobs, options_for("csv"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(ids(r.value()), (std::vector<int64_t>{1, 3, 2, 4, 5}));
}

TEST(TraceImporter, WindowIsHalfOpenOnFileTimesAndShifts) {
  TempTraceDir dir;
  TraceOptions o = options_for("csv");
  o.window_start_s = 10;
  o.window_end_s = 30;
  o.time_scale = 0.5;  // applies after the window, which uses times as in the file
  const auto r = import_text(dir, kJobs, o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(ids(r.value()), (std::vector<int64_t>{3, 2, 4}));
  EXPECT_EQ(r->jobs[0].submit_s, 0);
  EXPECT_EQ(r->jobs[2].submit_s, 5);  // (20 - 10) x 0.5
  EXPECT_EQ(r->notes.back(), "window [10, 30) s kept 3 of 5 jobs");
}

TEST(TraceImporter, TimeScaleMultipliesSubmitDurationAndEstimate) {
  TempTraceDir dir;
  TraceOptions o = options_for("csv");
  o.time_scale = 2;
  const auto r = import_text(dir, kJobs, o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs[1].submit_s, 20);
  EXPECT_EQ(r->jobs[0].duration_s, 200);
  EXPECT_EQ(r->jobs[0].estimate_s, 400);
}

TEST(TraceImporter, SizeScaleRoundsToNearestWithMinimumOne) {
  TempTraceDir dir;
  TraceOptions o = options_for("csv");
  o.size_scale = 0.25;
  const auto r = import_text(dir, kJobs, o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  // 1, 3, 2, 8, 16 GPUs x 0.25 = 0.25, 0.75, 0.5, 2, 4 -> 1, 1, 1, 2, 4
  std::vector<int> gpus;
  for (const JobSpec& j : r->jobs) gpus.push_back(j.gpus);
  EXPECT_EQ(gpus, (std::vector<int>{1, 1, 1, 2, 4}));
  EXPECT_EQ(r->notes.back(), "size_scale 0.25: 1 job rounded up to 1 GPU");
}

TEST(TraceImporter, MaxJobsKeepsTheEarliest) {
  TempTraceDir dir;
  TraceOptions o = options_for("csv");
  o.max_jobs = 2;
  const auto r = import_text(dir, kJobs, o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(ids(r.value()), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(r->notes.back(), "max_jobs 2: dropped the last 3 jobs");
}

TEST(TraceImporter, KindAndDefaultTenantApplyToEveryJob) {
  TempTraceDir dir;
  TraceOptions o = options_for("csv");
  o.kind = "train";
  o.default_tenant = "public";
  const auto r = import_text(dir, kJobs, o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs[0].kind, "train");
  EXPECT_EQ(r->jobs[0].tenant, "public");
}

TEST(TraceImporter, InvalidOptionsAreAllReported) {
  TempTraceDir dir;
  TraceOptions o = options_for("gwf");
  o.time_scale = 0;
  o.size_scale = -1;
  o.window_start_s = 10;
  o.window_end_s = 10;
  o.max_jobs = -1;
  const auto r = import_text(dir, kJobs, o);
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 5u) << describe(d);
  EXPECT_EQ(d[0].key, "format");
  EXPECT_EQ(d[0].message,
            "expected one of swf, philly, helios, alibaba-pai, itp, csv, found 'gwf'");
  EXPECT_EQ(d[1].key, "time_scale");
  EXPECT_EQ(d[2].key, "size_scale");
  EXPECT_EQ(d[3].key, "window_end");
  EXPECT_EQ(d[4].key, "max_jobs");
}

TEST(TraceImporter, TenantMapKeyMustNameAFieldOfTheFormat) {
  TempTraceDir dir;
  TraceOptions o = options_for("swf");
  o.tenant_map = {{"12", "physics"}, {"vc:a", "x"}};
  const auto r = import_text(dir, "", o);
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].key, "tenant_map.12");
  EXPECT_EQ(d[0].message,
            "expected a key of the form user:<value>, group:<value>, executable:<value>, "
            "queue:<value>, partition:<value> for the swf format, found '12'");
}

TEST(TraceImporter, UnreadableFileIsAnError) {
  const auto r = import_trace("/nonexistent/sovsim/trace.swf", options_for("swf"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics()[0].file, "/nonexistent/sovsim/trace.swf");
  EXPECT_EQ(r.diagnostics()[0].message, "cannot open the trace file: no such file");
}

TEST(TraceImporter, ApplyTraceOptionsWorksOnAnyJobList) {
  ImportedTrace t;
  t.jobs.resize(2);
  t.jobs[0].id = 1;
  t.jobs[0].submit_s = 5;
  t.jobs[1].id = 2;
  t.jobs[1].submit_s = 1;
  apply_trace_options(options_for("csv"), t);
  EXPECT_EQ(ids(t), (std::vector<int64_t>{2, 1}));
  EXPECT_TRUE(t.notes.empty());
}

}  // namespace
}  // namespace sovsim::sim
