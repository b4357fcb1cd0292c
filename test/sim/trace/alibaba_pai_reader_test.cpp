// test/sim/trace/alibaba_pai_reader_test.cpp — the Alibaba PAI v2020 reader: joining the
// headerless job and task tables, fractional GPU requests, run-time span and the skip rules.
#include "sim/trace/alibaba_pai_reader.hpp"

#include <gtest/gtest.h>

#include "test/sim/trace/trace_test_util.hpp"

namespace sovsim::sim {
namespace {

using testing::describe;
using testing::options_for;
using testing::TempTraceDir;

// job_name,inst_id,user,status,start_time,end_time (start_time = submission)
constexpr std::string_view kJobs =
    "jA,iA,alice,Terminated,1000.0,2000.0\n"
    "jB,iB,bob,Terminated,500.0,900.0\n"
    "jC,iC,carol,Terminated,600.0,700.0\n"
    "jD,iD,dave,Waiting,650.0,\n"
    "jE,iE,erin,Running,660.0,\n";
// job_name,task_name,inst_num,status,start_time,end_time,plan_cpu,plan_mem,plan_gpu,gpu_type
constexpr std::string_view kTasks =
    "jA,ps,1.0,Terminated,1010.0,1900.0,600.0,29.3,,MISC\n"          // CPU task: no GPUs
    "jA,worker,2.0,Terminated,1020.0,1500.0,400.0,10.0,50.0,V100\n"  // 2 x ceil(0.5) = 2
    "jB,tensorflow,1.0,Terminated,510.0,600.0,600.0,29.3,800.0,V100\n"
    "jC,ps,1.0,Terminated,610.0,690.0,600.0,29.3,0.0,MISC\n"         // CPU-only job
    "jA,evaluator,1.0,Terminated,1030.0,1600.0,100.0,1.0,25.0,T4\n"  // ceil(0.25) = 1
    "jD,worker,1.0,Waiting,,,100.0,1.0,100.0,T4\n"                   // never started
    "jE,worker,1.0,Running,670.0,,100.0,1.0,100.0,T4\n";             // still running

TEST(AlibabaPaiReader, JoinsJobAndTaskTablesInADirectory) {
  TempTraceDir dir;
  dir.write("pai_job_table.csv", kJobs);
  dir.write("pai_task_table.csv", kTasks);
  TraceOptions o = options_for("alibaba-pai");
  o.tenant_map = {{"user:alice", "research"}};
  const auto r = import_trace(dir.path(), o);
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 2u);
  const JobSpec& b = r->jobs[0];  // submitted at 500, before jA
  EXPECT_EQ(b.id, 2);
  EXPECT_EQ(b.submit_s, 500);
  EXPECT_EQ(b.gpus, 8);
  EXPECT_EQ(b.duration_s, 90);
  EXPECT_EQ(b.tenant, "default");
  const JobSpec& a = r->jobs[1];
  EXPECT_EQ(a.id, 1);
  EXPECT_EQ(a.submit_s, 1000);
  EXPECT_EQ(a.gpus, 3);          // worker 2 x 1 + evaluator 1; the ps holds no GPU
  EXPECT_EQ(a.duration_s, 580);  // GPU tasks only: 1020 -> 1600
  EXPECT_EQ(a.tenant, "research");
  EXPECT_EQ(r->skipped, 3);  // jC CPU-only, jD never started, jE still running
}

TEST(AlibabaPaiReader, AJobOfLessThanOneGpuKeepsItsShare) {
  TempTraceDir dir;
  const auto r = import_trace(dir.write("tasks.csv",
                                        "jQ,worker,1.0,Terminated,10.0,70.0,100.0,1.0,25.0,T4\n"
                                        "jH,worker,2.0,Terminated,10.0,70.0,100.0,1.0,40.0,T4\n"
                                        "jW,worker,1.0,Terminated,10.0,70.0,100.0,1.0,100.0,T4\n"),
                              options_for("alibaba-pai"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 3u);
  EXPECT_EQ(r->jobs[0].gpus, 1);
  EXPECT_DOUBLE_EQ(r->jobs[0].gpu_share, 0.25);  // a quarter GPU (docs/gpu-sharing.md)
  EXPECT_EQ(r->jobs[1].gpus, 2);  // two instances of 0.4: a GPU each, as before
  EXPECT_EQ(r->jobs[1].gpu_share, 0);
  EXPECT_EQ(r->jobs[2].gpu_share, 0);  // a whole GPU
}

TEST(AlibabaPaiReader, TaskTablePathFindsTheJobTableBesideIt) {
  TempTraceDir dir;
  dir.write("pai_job_table.csv", kJobs);
  const auto r = import_trace(dir.write("pai_task_table.csv", kTasks), options_for("alibaba-pai"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  EXPECT_EQ(r->jobs.size(), 2u);
  EXPECT_EQ(r->jobs[0].submit_s, 500);
}

TEST(AlibabaPaiReader, WithoutJobTableSubmitIsFirstTaskStart) {
  TempTraceDir dir;
  const auto r = import_trace(dir.write("tasks.csv", kTasks), options_for("alibaba-pai"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 2u);
  EXPECT_EQ(r->jobs[0].id, 2);  // first appearance in the task table: jA 1, jB 2
  EXPECT_EQ(r->jobs[0].submit_s, 510);
  EXPECT_EQ(r->jobs[1].submit_s, 1020);
  EXPECT_NE(r->notes[0].find("no pai_job_table.csv"), std::string::npos);
}

TEST(AlibabaPaiReader, AcceptsHeaderRowsInAnyColumnOrder) {
  TempTraceDir dir;
  dir.write("pai_job_table.csv",
            "job_name,inst_id,user,status,start_time,end_time\njA,iA,alice,Terminated,5,9\n");
  dir.write("pai_task_table.csv",
            "job_name,task_name,inst_num,status,start_time,end_time,plan_cpu,plan_mem,gpu_type,"
            "plan_gpu\njA,w,4,Terminated,6,8,100,1,V100,100\n");
  const auto r = import_trace(dir.path(), options_for("alibaba-pai"));
  ASSERT_TRUE(r.ok()) << describe(r.diagnostics());
  ASSERT_EQ(r->jobs.size(), 1u);
  EXPECT_EQ(r->jobs[0].gpus, 4);
  EXPECT_EQ(r->jobs[0].duration_s, 2);
}

TEST(AlibabaPaiReader, MalformedRowsAreErrors) {
  TempTraceDir dir;
  dir.write("pai_task_table.csv",
            "jA,w,1.0,Terminated,6,8,100,1,abc,V100\n"
            "jA,w,1.0,Terminated\n"
            "jA,w,0.5,Terminated,6,8,100,1,100,V100\n");
  const auto r = import_trace(dir.path(), options_for("alibaba-pai"));
  ASSERT_FALSE(r.ok());
  const Diagnostics& d = r.diagnostics();
  ASSERT_EQ(d.size(), 3u) << describe(d);
  EXPECT_EQ(d[0].key, "plan_gpu");
  EXPECT_EQ(d[0].column, 31);
  EXPECT_EQ(d[1].line, 2);
  EXPECT_EQ(d[1].message, "expected 10 comma-separated fields, found 4");
  EXPECT_EQ(d[2].key, "inst_num");
}

// An empty table is refused, as the other formats refuse an empty file (it used to import as 0
// jobs, exit 0); a header row alone is a table without jobs, as in the other CSV formats.
TEST(AlibabaPaiReader, EmptyTableIsAnError) {
  TempTraceDir dir;
  const auto tasks_only =
      import_trace(dir.write("pai_task_table.csv", ""), options_for("alibaba-pai"));
  ASSERT_FALSE(tasks_only.ok());
  ASSERT_EQ(tasks_only.diagnostics().size(), 1u) << describe(tasks_only.diagnostics());
  const Diagnostic& d = tasks_only.diagnostics()[0];
  EXPECT_EQ(d.file, (dir.path() / "pai_task_table.csv").string());
  EXPECT_EQ(d.line, 1);
  EXPECT_EQ(d.message, "expected rows of 10 comma-separated fields, found an empty file");

  dir.write("pai_task_table.csv", kTasks);
  dir.write("pai_job_table.csv", "\n\n");
  const auto empty_jobs = import_trace(dir.path(), options_for("alibaba-pai"));
  ASSERT_FALSE(empty_jobs.ok());
  ASSERT_EQ(empty_jobs.diagnostics().size(), 1u) << describe(empty_jobs.diagnostics());
  EXPECT_EQ(empty_jobs.diagnostics()[0].file, (dir.path() / "pai_job_table.csv").string());
  EXPECT_EQ(empty_jobs.diagnostics()[0].message,
            "expected rows of 6 comma-separated fields, found an empty file");

  dir.write("pai_job_table.csv", kJobs);
  dir.write("pai_task_table.csv",
            "job_name,task_name,inst_num,status,start_time,end_time,plan_cpu,plan_mem,plan_gpu,"
            "gpu_type\n");
  const auto header_only = import_trace(dir.path(), options_for("alibaba-pai"));
  ASSERT_TRUE(header_only.ok()) << describe(header_only.diagnostics());
  EXPECT_EQ(header_only->jobs.size(), 0u);
}

}  // namespace
}  // namespace sovsim::sim
