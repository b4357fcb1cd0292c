// test/sim/trace/generic_csv_reader_test.cpp — sovsim's own job-list CSV: required and optional
// columns, strict header checking, per-row errors, quoting.
#include "sim/trace/generic_csv_reader.hpp"

#include <gtest/gtest.h>

#include "test/sim/trace/trace_test_util.hpp"

namespace sovsim::sim {
namespace {

using testing::describe;
using testing::import_text;
using testing::options_for;
using testing::TempTraceDir;

TEST(GenericCsvReader, ReadsRequiredAndOptionalColumns) {
  TempTraceDir dir;
  const auto r = import_text(dir,
                             "job_id,tenant,kind,submit_s,gpus,duration_s,estimate_s,priority,"
                             "site,hardware\n"
                             "10,physics,train,5,64,3600,7200,3,north,B200\n"
                             "11,,,6,1,60,,,,\n",
                             options_for("csv"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 2u);
  const JobSpec& a = r->jobs[0];
  EXPECT_EQ(a.id, 10);
  EXPECT_EQ(a.tenant, "physics");
  EXPECT_EQ(a.kind, "train");
  EXPECT_EQ(a.submit_s, 5);
  EXPECT_EQ(a.gpus, 64);
  EXPECT_EQ(a.duration_s, 3600);
  EXPECT_EQ(a.estimate_s, 7200);
  EXPECT_EQ(a.priority, 3);
  EXPECT_EQ(a.site, "north");
  EXPECT_EQ(a.hardware, "B200");
  const JobSpec& b = r->jobs[1];  // empty optional cells take the defaults
  EXPECT_EQ(b.tenant, "default");
  EXPECT_EQ(b.kind, "batch");
  EXPECT_EQ(b.estimate_s, 60);
  EXPECT_EQ(b.priority, 0);
  EXPECT_EQ(b.site, "");
}

TEST(GenericCsvReader, MinimalFileNumbersJobsByRow) {
  TempTraceDir dir;
  const auto r =
      import_text(dir, "submit_s,gpus,duration_s\r\n0,1,10\r\n\r\n5,2,20\r\n", options_for("csv"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 2u);
  EXPECT_EQ(r->jobs[1].id, 2);  // blank lines are not rows
  EXPECT_EQ(r->jobs[1].gpus, 2);
}

TEST(GenericCsvReader, UnknownColumnListsTheValidNames) {
  TempTraceDir dir;
  const auto r = import_text(dir, "submit_s,gpus,duration\n", options_for("csv"));
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 2u) << describe(d);
  EXPECT_EQ(d[0].key, "duration");
  EXPECT_EQ(d[0].line, 1);
  EXPECT_EQ(d[0].column, 15);
  EXPECT_EQ(d[0].message,
            "expected a column name (submit_s, gpus, duration_s, job_id, tenant, kind, "
            "estimate_s, priority, site, hardware), found 'duration'");
  EXPECT_EQ(d[1].key, "duration_s");
}

TEST(GenericCsvReader, ReportsEveryBadRow) {
  TempTraceDir dir;
  const auto r = import_text(dir,
                             "job_id,submit_s,gpus,duration_s\n"
                             "1,0,0,10\n"
                             "2,-1,1,10\n"
                             "2,0,1,10\n"
                             "2,0,1,10\n"
                             "x,0,1,10\n",
                             options_for("csv"));
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 4u) << describe(d);
  EXPECT_EQ(d[0].key, "gpus");
  EXPECT_EQ(d[0].message, "expected an integer in [1, 10000000], found '0'");
  EXPECT_EQ(d[1].key, "submit_s");
  EXPECT_EQ(d[2].line, 5);
  EXPECT_EQ(d[2].message, "expected a unique job id, found 2 again (first at line 4)");
  EXPECT_EQ(d[3].key, "job_id");
}

TEST(GenericCsvReader, QuotedFieldsMayHoldCommas) {
  TempTraceDir dir;
  const auto r = import_text(dir,
                             "submit_s,gpus,duration_s,kind,site\n"
                             "0,1,10,\"eval, nightly\",\"say \"\"north\"\"\"\n",
                             options_for("csv"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs[0].kind, "eval, nightly");
  EXPECT_EQ(r->jobs[0].site, "say \"north\"");
  const auto bad = import_text(dir, "submit_s,gpus,duration_s\n0,1,\"10\n", options_for("csv"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.diagnostics()[0].line, 2);
  EXPECT_EQ(bad.diagnostics()[0].column, 5);
}

TEST(GenericCsvReader, TenantMapRenamesTheTenantColumn) {
  TempTraceDir dir;
  TraceOptions o = options_for("csv");
  o.tenant_map = {{"tenant:phys", "physics"}};
  const auto r = import_text(dir, "submit_s,gpus,duration_s,tenant\n0,1,1,phys\n0,1,1,bio\n", o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs[0].tenant, "physics");
  EXPECT_EQ(r->jobs[1].tenant, "bio");  // unmapped names are kept as written
}

// Names reach jobs.csv and the YAML import-trace writes: bytes that are not UTF-8, control
// characters and line breaks are refused at their column, not copied there.
TEST(GenericCsvReader, NamesMustBeOneLineOfUtf8Text) {
  TempTraceDir dir;
  const auto r = import_text(dir,
                             "submit_s,gpus,duration_s,tenant,kind,site\n"
                             "0,1,10,al\xffice,batch,s\n"
                             "0,1,10,bob,b\x1b[2Ja,s\n"
                             "0,1,10,bob,batch,\"two\nlines\"\n",
                             options_for("csv"));
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 3u) << describe(d);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[0].column, 10);
  EXPECT_EQ(d[0].key, "tenant");
  EXPECT_EQ(d[0].message, "expected UTF-8 text, found byte 0xff that is not valid UTF-8");
  EXPECT_EQ(d[1].line, 3);
  EXPECT_EQ(d[1].key, "kind");
  EXPECT_EQ(d[1].message, "expected printable text, found control character U+001B");
  EXPECT_EQ(d[2].line, 4);
  EXPECT_EQ(d[2].key, "site");
  EXPECT_EQ(d[2].message, "expected a name on one line, found a line break in 'two\\x0alines'");
}

}  // namespace
}  // namespace sovsim::sim
