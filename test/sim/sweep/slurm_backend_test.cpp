// test/sim/sweep/slurm_backend_test.cpp — the Slurm backend's batch script: array ranges, blocks
// of 1000 plan entries (Slurm's default MaxArraySize), throttle and sbatch options.
#include "sim/sweep/slurm_backend.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

TEST(SlurmBackend, ArrayRangesCompressRuns) {
  EXPECT_EQ(array_ranges({0, 1, 2, 3, 5, 7, 8, 9}), "0-3,5,7-9");
  EXPECT_EQ(array_ranges({4}), "4");
  EXPECT_EQ(array_ranges({}), "");
}

TEST(SlurmBackend, ScriptRunsSweepTasksInBlocksBelowMaxArraySize) {
  SlurmOptions o;
  o.executable = "/opt/sovsim/bin/sovsim";
  o.max_parallel = 50;
  o.partition = "gpu";
  o.time = "30:00";
  o.mem = "4G";
  const std::string s = array_script("/shared/sweep", {3, 4, 999, 1000, 2500}, o);
  // Two arrays: entries 3, 4, 999 (block 0) and 1000, 2500 (blocks 1 and 2: three scripts).
  EXPECT_NE(s.find("#SBATCH --array=3-4,999%50\n"), std::string::npos) << s;
  EXPECT_NE(s.find("#SBATCH --array=0%50\n"), std::string::npos) << s;
  EXPECT_NE(s.find("#SBATCH --array=500%50\n"), std::string::npos) << s;
  EXPECT_NE(s.find("exec '/opt/sovsim/bin/sovsim' sweep-task '/shared/sweep' $((2000 + SLURM_ARRAY_TASK_ID))"),
            std::string::npos) << s;
  EXPECT_NE(s.find("#SBATCH --partition=gpu\n#SBATCH --time=30:00\n#SBATCH --mem=4G\n"),
            std::string::npos) << s;
  EXPECT_NE(s.find("#SBATCH --output=/shared/sweep/slurm/task-1-%a.out\n"), std::string::npos) << s;
  SlurmOptions plain;
  plain.executable = "/x/sovsim";
  EXPECT_NE(array_script("/d", {1}, plain).find("#SBATCH --array=1\n"), std::string::npos);  // no %N
}

}  // namespace
}  // namespace sovsim::sim
