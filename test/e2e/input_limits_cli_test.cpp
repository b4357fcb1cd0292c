// test/e2e/input_limits_cli_test.cpp — careless input through the real binary: empty scenarios,
// bad seeds, NaN in numeric flags, devices as input files, workload fragments given to
// `validate`, and runs too large to be meant. Each exits 2 with a clear message, writes nothing.
#include <gtest/gtest.h>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {
namespace {

const std::string& kScenario = kOneJobScenario;

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(InputLimitsCli, EmptyScenarioNamesTheFile) {
  TempDir dir;
  write_file(dir / "s.yaml", "# to do\n");
  auto r = run_sovsim("validate " + (dir / "s.yaml").string(), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("error: " + (dir / "s.yaml").string() + ": empty scenario"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("<command line>"), std::string::npos) << r.err;
}

TEST(InputLimitsCli, SeedMustBeANonNegativeInteger) {
  TempDir dir;
  write_file(dir / "s.yaml", kScenario);
  const std::string s = (dir / "s.yaml").string();
  auto negative = run_sovsim("validate " + s + " --seed -1", dir.path());
  EXPECT_EQ(negative.exit_code, 2);
  EXPECT_NE(negative.err.find("--seed: expected an integer in [0, 9007199254740992], found '-1'"),
            std::string::npos)
      << negative.err;
  auto empty = run_sovsim("validate " + s + " --seed ''", dir.path());
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("found ''"), std::string::npos) << empty.err;
  EXPECT_EQ(run_sovsim("validate " + s + " --seed 18446744073709551615", dir.path()).exit_code, 2);
  EXPECT_EQ(run_sovsim("validate " + s + " --seed 7", dir.path()).exit_code, 0);
}

TEST(InputLimitsCli, NumericFlagsRefuseNanAndInfinity) {
  TempDir dir;
  for (const std::string args :
       {"estimate --hw B200 --model llama3-70b --gpus 64 --dp-overlap nan",
        "estimate --mode infer --hw B200 --model llama3-70b --rate nan",
        "estimate --mode infer --hw B200 --model llama3-70b --rate inf",
        "import-trace --format swf x.swf -o w.yaml --time-scale nan",
        "import-trace --format swf x.swf -o w.yaml --size-scale -inf"}) {
    auto r = run_sovsim(args, dir.path());
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
    EXPECT_TRUE(r.out.empty()) << args << "\n" << r.out;
  }
  auto r = run_sovsim("estimate --hw B200 --model llama3-70b --gpus 64 --dp-overlap nan", dir.path());
  EXPECT_NE(r.err.find("--dp-overlap: expected a finite number, found 'nan'"), std::string::npos)
      << r.err;
}

TEST(InputLimitsCli, InputFilesMustBeRegularFiles) {
  TempDir dir;
  auto hw = run_sovsim("estimate --hw-file /dev/zero --list-hardware", dir.path());
  EXPECT_EQ(hw.exit_code, 2);
  EXPECT_NE(hw.err.find("/dev/zero: expected the hardware file to be a regular file, found a "
                        "character device"),
            std::string::npos)
      << hw.err;
  EXPECT_EQ(run_sovsim("validate /dev/zero", dir.path()).exit_code, 2);
  EXPECT_EQ(run_sovsim("validate " + dir.path().string(), dir.path()).exit_code, 2);
  auto trace = run_sovsim("import-trace --format swf /dev/zero -o " + (dir / "w.yaml").string(),
                          dir.path());
  EXPECT_EQ(trace.exit_code, 2);
  EXPECT_NE(trace.err.find("expected the trace file to be a regular file"), std::string::npos)
      << trace.err;
}

TEST(InputLimitsCli, ValidatingAnImportedFragmentSaysWhatItIs) {
  TempDir dir;
  const std::string w = (dir / "w.yaml").string();
  ASSERT_EQ(run_sovsim("import-trace --format itp " +
                           source_path("scenarios/traces/microsoft-itp-cluster02.csv") + " -o " + w,
                       dir.path()).exit_code, 0);
  auto r = run_sovsim("validate " + w, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("looks like a workload fragment"), std::string::npos) << r.err;
  EXPECT_LT(count(r.err, "\n"), 5u) << r.err;
  // Pasted under a scenario that lacks its tenant: thousands of identical errors, capped.
  write_file(dir / "s.yaml", kScenario.substr(0, kScenario.find("workload:")) + read_file(w));
  auto pasted = run_sovsim("validate " + (dir / "s.yaml").string(), dir.path());
  EXPECT_EQ(pasted.exit_code, 2);
  EXPECT_EQ(count(pasted.err, "unknown tenant 'default'"), 6u) << pasted.err;  // 5 + the summary
  EXPECT_NE(pasted.err.find("error: ... and 5773 more like this: unknown tenant 'default'"),
            std::string::npos)
      << pasted.err;
  EXPECT_NE(pasted.err.find("5778 errors; nothing was run or written"), std::string::npos);
}

TEST(InputLimitsCli, AbsurdRunSizeIsRefusedUnlessForced) {
  TempDir dir;
  std::string s = kScenario;
  s.replace(s.find("horizon: 1d"), 11, "horizon: 100y");
  // The trace does not exist: past the size check, the run stops there, before generating jobs.
  s += "  generators:\n    - {tenant: a, rate_per_hour: 100, gpus: 1, duration: 1h}\n"
       "  trace: {format: swf, path: missing.swf}\n";
  write_file(dir / "s.yaml", s);
  const std::string run = "run " + (dir / "s.yaml").string() + " -o " + (dir / "out").string();
  auto r = run_sovsim(run, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("workload.generators: the generators would create about 87.6 million "
                       "jobs over the 36500d horizon"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--force runs it anyway"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
  auto forced = run_sovsim(run + " --force", dir.path());
  EXPECT_EQ(forced.exit_code, 2);
  EXPECT_EQ(forced.err.find("--force"), std::string::npos) << forced.err;
  EXPECT_NE(forced.err.find("missing.swf: cannot open the trace file"), std::string::npos)
      << forced.err;
  EXPECT_EQ(run_sovsim("validate " + (dir / "s.yaml").string() + " --force", dir.path()).exit_code,
            2);
}

}  // namespace
}  // namespace sovsim::test
