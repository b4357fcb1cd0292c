// test/sim/trace/swf_reader_test.cpp — the SWF reader: field mapping, the skip rules of the SWF
// definition, header parsing, error locations, and the NASA iPSC/860 log against the totals
// published in scenarios/traces/README.md.
#include "sim/trace/swf_reader.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <numeric>

#include "test/sim/trace/trace_test_util.hpp"

namespace sovsim::sim {
namespace {

using testing::describe;
using testing::import_text;
using testing::options_for;
using testing::TempTraceDir;

// One SWF record; fields not given are -1 (unknown).
std::string swf_line(int64_t job, double submit, double run, int alloc, int req_procs = -1,
                     double req_time = -1, int status = -1, int user = -1, int group = -1,
                     int queue = -1) {
  return fmt::format("{} {} -1 {} {} -1 -1 {} {} -1 {} {} {} -1 {} -1 -1 -1\n", job, submit, run,
                     alloc, req_procs, req_time, status, user, group, queue);
}

TEST(SwfReader, MapsFieldsOfOneJob) {
  TempTraceDir dir;
  const auto r = import_text(dir, "; MaxProcs: 64\n" + swf_line(7, 100, 3600, 16, 32, 7200, 1, 4),
                             options_for("swf"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 1u);
  const JobSpec& j = r->jobs[0];
  EXPECT_EQ(j.id, 7);
  EXPECT_EQ(j.submit_s, 100);
  EXPECT_EQ(j.duration_s, 3600);
  EXPECT_EQ(j.gpus, 32);  // requested processors (field 8) win over allocated (field 5)
  EXPECT_EQ(j.estimate_s, 7200);
  EXPECT_EQ(j.kind, "batch");
  EXPECT_EQ(j.tenant, "default");
  EXPECT_EQ(r->max_procs, 64);
  EXPECT_EQ(r->skipped, 0);
}

TEST(SwfReader, FallsBackToAllocatedProcessorsAndRunTime) {
  TempTraceDir dir;
  const auto r = import_text(dir, swf_line(1, 0, 50, 8), options_for("swf"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs[0].gpus, 8);
  EXPECT_EQ(r->jobs[0].estimate_s, 50);  // no requested time: the estimate is the run time
}

TEST(SwfReader, MaxNodesWhenMaxProcsAbsent) {
  TempTraceDir dir;
  const auto r = import_text(dir, ";  MaxNodes: 128\n" + swf_line(1, 0, 5, 1), options_for("swf"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->max_procs, 128);
  const auto none = import_text(dir, swf_line(1, 0, 5, 1), options_for("swf"));
  EXPECT_EQ(none->max_procs, 0);
}

TEST(SwfReader, SkipsRecordsThatCannotRunAndCountsThem) {
  TempTraceDir dir;
  const std::string text = swf_line(1, 0, -1, 0, -1, -1, 5) +  // cancelled, never started
                           swf_line(2, 1, 0, -1, -1, -1, 5) +  // cancelled, never started
                           swf_line(3, 2, -1, 4) +             // unknown run time
                           swf_line(4, 3, 10, 0, 0) +          // no processors
                           swf_line(5, 4, 10, 4, -1, -1, 2) +  // partial execution
                           swf_line(6, -1, 10, 4) +            // unknown submit time
                           swf_line(7, 5, 0, 2, -1, -1, 5) +   // cancelled but allocated: kept
                           swf_line(8, 6, 0, 1, -1, -1, 1);    // run time 0 is valid: kept
  const auto r = import_text(dir, text, options_for("swf"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 2u);
  EXPECT_EQ(r->jobs[0].id, 7);
  EXPECT_EQ(r->jobs[1].id, 8);
  EXPECT_EQ(r->jobs[1].duration_s, 0);
  EXPECT_EQ(r->skipped, 6);
  std::string notes;
  for (const auto& n : r->notes) notes += n + "\n";
  EXPECT_NE(notes.find("skipped 2 records: cancelled before it started"), std::string::npos)
      << notes;
  EXPECT_NE(notes.find("skipped 1 record: unknown run time"), std::string::npos) << notes;
  EXPECT_NE(notes.find("skipped 1 record: no processor count"), std::string::npos) << notes;
  EXPECT_NE(notes.find("partial-execution"), std::string::npos) << notes;
}

TEST(SwfReader, TenantMapKeysAreFieldColonValue) {
  TempTraceDir dir;
  TraceOptions o = options_for("swf");
  o.tenant_map = {{"group:2", "ops"}, {"user:12", "physics"}, {"queue:1", "batchq"}};
  const std::string text = swf_line(1, 0, 1, 1, -1, -1, 1, 12, 2) +  // group:2 listed first
                           swf_line(2, 1, 1, 1, -1, -1, 1, 12, 1) +
                           swf_line(3, 2, 1, 1, -1, -1, 1, 5, 1, 1) +
                           swf_line(4, 3, 1, 1, -1, -1, 1, 5, 1, 0);
  const auto r = import_text(dir, text, o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs[0].tenant, "ops");
  EXPECT_EQ(r->jobs[1].tenant, "physics");
  EXPECT_EQ(r->jobs[2].tenant, "batchq");
  EXPECT_EQ(r->jobs[3].tenant, "default");
}

TEST(SwfReader, WrongFieldCountIsAnErrorAtItsLine) {
  TempTraceDir dir;
  const auto r =
      import_text(dir, "; comment\n" + swf_line(1, 0, 1, 1) + "2 3 4\n", options_for("swf"));
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics().size(), 1u);
  EXPECT_EQ(r.diagnostics()[0].line, 3);
  EXPECT_EQ(r.diagnostics()[0].message, "expected 18 whitespace-separated fields, found 3");
}

// A log without a single record is refused, as the CSV formats refuse a file without a header
// and philly one without its array (an empty log used to import as 0 jobs, exit 0).
TEST(SwfReader, LogWithoutRecordsIsAnError) {
  TempTraceDir dir;
  for (const auto& [text, found] :
       {std::pair<std::string, std::string>{"", "an empty file"},
        {"\n  \t\n\r\n", "an empty file"},
        {"; Version: 2.2\n; MaxProcs: 64\n\n", "only header comments"}}) {
    const auto r = import_text(dir, text, options_for("swf"));
    ASSERT_FALSE(r.ok()) << "accepted: '" << text << "'";
    ASSERT_EQ(r.diagnostics().size(), 1u) << describe(r.diagnostics());
    const Diagnostic& d = r.diagnostics()[0];
    EXPECT_EQ(d.line, 1);
    EXPECT_EQ(d.column, 1);
    EXPECT_EQ(d.message,
              "expected job records (18 whitespace-separated fields per line), found " + found);
  }
  // One record is enough, even if the format's rules skip it.
  const auto skipped = import_text(dir, swf_line(1, -1, 10, 4), options_for("swf"));
  ASSERT_TRUE(skipped.ok()) << describe(skipped.diagnostics());
  EXPECT_EQ(skipped->jobs.size(), 0u);
  EXPECT_EQ(skipped->skipped, 1);
}

TEST(SwfReader, BadFieldNamesFieldAndColumn) {
  TempTraceDir dir;
  const auto r = import_text(dir,
                             "1 0 -1 12x 4 -1 -1 -1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n"
                             "2 0 -1 -7 4 -1 -1 -1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n"
                             "3 0 -1 5 2.5 -1 -1 -1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n",
                             options_for("swf"));
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 3u) << describe(d);
  EXPECT_EQ(d[0].line, 1);
  EXPECT_EQ(d[0].column, 8);
  EXPECT_EQ(d[0].key, "run_time");
  EXPECT_EQ(d[0].message, "expected a number, found '12x'");
  EXPECT_EQ(d[1].line, 2);
  EXPECT_EQ(d[1].key, "run_time");  // negative values other than -1 are not SWF
  EXPECT_EQ(d[2].key, "allocated_processors");
  EXPECT_EQ(d[2].message, "expected an integer, found '2.5'");
}

TEST(SwfReader, NumbersThatAreNotPlainIntegersAndTabsAndCarriageReturns) {
  TempTraceDir dir;
  // Decimal and exponent forms take the slow path; integral decimals count as integers; tabs
  // separate like spaces; a CRLF line ending is not part of the last field; 16 digits are beyond
  // the fast path's 15 but still exact.
  const auto r = import_text(dir,
                             "7\t1e3 -1 12.5 4.0 -1 -1 -1 2e1 -1 1 1 1 -1 -1 -1 -1 -1\r\n"
                             "8 1234567890123456 -1 5 2 -1 -1 -1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n",
                             options_for("swf"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 2u);
  EXPECT_EQ(r->jobs[0].id, 7);
  EXPECT_DOUBLE_EQ(r->jobs[0].submit_s, 1000);
  EXPECT_DOUBLE_EQ(r->jobs[0].duration_s, 12.5);
  EXPECT_EQ(r->jobs[0].gpus, 4);
  EXPECT_DOUBLE_EQ(r->jobs[0].estimate_s, 20);
  EXPECT_DOUBLE_EQ(r->jobs[1].submit_s, 1234567890123456.0);
  // A bad field after a tab is reported at its byte column.
  const auto bad = import_text(dir, "9\t0 -1 x 4 -1 -1 -1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n",
                               options_for("swf"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.diagnostics()[0].column, 8);
  EXPECT_EQ(bad.diagnostics()[0].key, "run_time");
}

// Found by trace_fuzz: the fast path accumulated every digit of a long token in an int64 before
// deciding it was not plain, a signed overflow (undefined behaviour) from the 19th digit on. A
// long number is now read by the slow path alone: 1e70 as a submit time, and as a run time.
TEST(SwfReader, SeventyDigitNumbersTakeTheSlowPathWithoutOverflow) {
  TempTraceDir dir;
  const std::string digits = "1" + std::string(70, '0');
  const auto r = import_text(
      dir, "1 " + digits + " -1 5 2 -1 -1 -1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n", options_for("swf"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 1u);
  EXPECT_DOUBLE_EQ(r->jobs[0].submit_s, 1e70);
  const auto big = import_text(
      dir, "2 0 -1 " + digits + " 2 -1 -1 -1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n", options_for("swf"));
  if (!big.ok()) EXPECT_EQ(big.diagnostics()[0].key, "run_time") << describe(big.diagnostics());
}

TEST(SwfReader, HeaderWithBadMaxProcsIsAnError) {
  TempTraceDir dir;
  const auto r = import_text(dir, "; MaxProcs: many\n", options_for("swf"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics()[0].key, "MaxProcs");
}

// scenarios/traces/README.md: 18,239 jobs, max 128 procs, sum runtime x procs = 474,238,015
// proc-s, submit span 0 ... 7,948,936 s, processor histogram as below. Nothing is skipped: the
// cleaned log has no cancelled, unknown-run-time or zero-processor records.
TEST(SwfReader, NasaIpscLogMatchesPublishedTotals) {
  const auto r = import_trace(testing::source_path("scenarios/traces/NASA-iPSC-1993-3.1-cln.swf"),
                              options_for("swf"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs.size(), 18239u);
  EXPECT_EQ(r->skipped, 0);
  EXPECT_EQ(r->max_procs, 128);
  double proc_seconds = 0;
  int64_t zero_runtime = 0;
  std::map<int, int> histogram;
  for (const JobSpec& j : r->jobs) {
    proc_seconds += j.gpus * j.duration_s;
    zero_runtime += j.duration_s == 0;
    ++histogram[j.gpus];
  }
  EXPECT_EQ(proc_seconds, 474238015.0);
  EXPECT_EQ(zero_runtime, 173);
  EXPECT_EQ(histogram, (std::map<int, int>{{1, 4935},
                                           {2, 1763},
                                           {4, 2683},
                                           {8, 1793},
                                           {16, 1780},
                                           {32, 3662},
                                           {64, 1203},
                                           {128, 420}}));
  EXPECT_EQ(r->jobs.front().submit_s, 0);
  EXPECT_EQ(r->jobs.back().submit_s, 7948936);
  EXPECT_EQ(r->jobs.front().id, 1);
}

// Two kept jobs with one number would be one job twice in a replay (which refuses them without a
// line). Partial-execution records share their job's number and are not jobs.
TEST(SwfReader, RepeatedJobNumberIsAnErrorAtItsLine) {
  TempTraceDir dir;
  const auto r = import_text(dir,
                             swf_line(3, 0, 10, 1) + swf_line(1, 5, 10, 1) +
                                 swf_line(1, 6, 10, 1, -1, -1, 2) +  // partial execution: fine
                                 swf_line(2, 7, 10, 1) + swf_line(1, 9, 10, 1),
                             options_for("swf"));
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics().size(), 1u) << describe(r.diagnostics());
  EXPECT_EQ(r.diagnostics()[0].to_string(),
            (dir.path() / "trace.txt").string() +
                ":5:1: job_number: expected a unique job number, found 1 again (first at line 2)");
}

}  // namespace
}  // namespace sovsim::sim
