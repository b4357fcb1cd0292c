// test/e2e/import_trace_cli_test.cpp — `sovsim import-trace`: the written workload section loads
// in a scenario and replays to the same jobs as reading the trace directly; bad input exits 2
// and writes nothing.
#include <gtest/gtest.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const std::string kHeader =
    "name: t\nhorizon: 1000d\nsites:\n  - name: s\n    nodes:\n      - {hardware: H100, count: "
    "128, gpus_per_node: 1}\ntenants:\n  - name: default\n  - name: alice\n";

TEST(ImportTraceCli, WrittenJobListReplaysLikeTheTrace) {
  TempDir dir;
  const std::string swf = source_path("scenarios/traces/NASA-iPSC-1993-3.1-cln.swf");
  auto r = run_sovsim("import-trace --format swf " + swf + " --max-jobs 300 --map user:1=alice -o " +
                          (dir / "w.yaml").string(),
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wrote 300 jobs"), std::string::npos);
  write_file(dir / "imported.yaml", kHeader + read_file(dir / "w.yaml"));
  write_file(dir / "direct.yaml", kHeader + "workload:\n  trace: {format: swf, path: " + swf +
                                      ", max_jobs: 300, tenant_map: {\"user:1\": alice}}\n");
  ASSERT_EQ(run_sovsim("run " + (dir / "imported.yaml").string() + " -q -o " + (dir / "a").string(),
                       dir.path()).exit_code, 0);
  ASSERT_EQ(run_sovsim("run " + (dir / "direct.yaml").string() + " -q -o " + (dir / "b").string(),
                       dir.path()).exit_code, 0);
  EXPECT_EQ(read_file(dir / "a/jobs.csv"), read_file(dir / "b/jobs.csv"));
  EXPECT_EQ(read_csv(dir / "a/jobs.csv").size(), 300u);
}

TEST(ImportTraceCli, BadInputExitsTwoAndWritesNothing) {
  TempDir dir;
  write_file(dir / "t.csv", "job_id,submission_time,duration,num_gpu\n1,0,10,x\n");
  auto r = run_sovsim("import-trace --format itp " + (dir / "t.csv").string() + " -o " +
                          (dir / "w.yaml").string(),
                      dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("t.csv:2"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "w.yaml"));
  EXPECT_EQ(run_sovsim("import-trace --format nope x -o y", dir.path()).exit_code, 2);
  EXPECT_EQ(run_sovsim("import-trace --format swf x -o y --map nonsense", dir.path()).exit_code, 2);
}

TEST(ImportTraceCli, OutputMustBeANewOrRegularFileOtherThanTheInput) {
  TempDir dir;
  const std::string trace = (dir / "t.csv").string();
  const std::string original = "job_id,submission_time,duration,num_gpu\n1,0,10,2\n";
  write_file(trace, original);
  const auto import_to = [&](const std::string& target) {
    return run_sovsim("import-trace --format itp " + trace + " -o '" + target + "'", dir.path());
  };
  auto into_dir = import_to(dir.path().string());
  EXPECT_EQ(into_dir.exit_code, 2);
  EXPECT_NE(into_dir.err.find("found a directory"), std::string::npos) << into_dir.err;
  auto over_input = import_to(trace);
  EXPECT_EQ(over_input.exit_code, 2);
  EXPECT_NE(over_input.err.find("is the input file itself"), std::string::npos) << over_input.err;
  std::filesystem::create_symlink(trace, dir / "link.csv");  // same inode under another name
  EXPECT_EQ(import_to((dir / "link.csv").string()).exit_code, 2);
  EXPECT_EQ(read_file(trace), original);
  auto device = import_to("/dev/null");
  EXPECT_EQ(device.exit_code, 2);
  EXPECT_NE(device.err.find("found a character device"), std::string::npos) << device.err;
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
  auto empty = import_to("");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("expected an output file path, found an empty string"),
            std::string::npos)
      << empty.err;
  // A regular file is replaced, through a symbolic link too, and no temporary file remains.
  write_file(dir / "w.yaml", "old\n");
  std::filesystem::create_symlink(dir / "w.yaml", dir / "w-link.yaml");
  ASSERT_EQ(import_to((dir / "w-link.yaml").string()).exit_code, 0);
  EXPECT_TRUE(std::filesystem::is_symlink(dir / "w-link.yaml"));
  EXPECT_NE(read_file(dir / "w.yaml").find("workload:"), std::string::npos);
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  }
}

}  // namespace
}  // namespace sovsim::test
