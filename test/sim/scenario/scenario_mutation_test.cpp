// test/sim/scenario/scenario_mutation_test.cpp — a deterministic mutation fuzzer run as a unit
// test (so it also runs under ASan/UBSan in CI): thousands of corrupted variants of the shipped
// scenarios must each load or fail with positioned diagnostics — never crash, hang or throw.
// test/fuzz/scenario_fuzz.cpp is the coverage-guided (libFuzzer) version of the same property.
#include <gtest/gtest.h>

#include "models/common/rng.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "test/support/sovsim_process.hpp"

namespace sovsim::sim {
namespace {

std::string mutate(std::string text, Rng& rng) {
  static const std::string kAlphabet = " \n:-[]{},#&*!|>'\"%@`0123456789.eEhdsxyz~";
  const int edits = 1 + static_cast<int>(rng.below(4));
  for (int e = 0; e < edits && !text.empty(); ++e) {
    const size_t at = rng.below(text.size());
    switch (rng.below(4)) {
      case 0: text[at] = kAlphabet[rng.below(kAlphabet.size())]; break;      // replace
      case 1: text.erase(at, 1 + rng.below(8)); break;                          // delete
      case 2: text.insert(at, 1, kAlphabet[rng.below(kAlphabet.size())]); break;  // insert
      case 3: {                                                                 // duplicate a line
        const size_t start = text.rfind('\n', at);
        const size_t end = text.find('\n', at);
        const size_t s = start == std::string::npos ? 0 : start + 1;
        text.insert(s, text.substr(s, (end == std::string::npos ? text.size() : end + 1) - s));
        break;
      }
    }
  }
  return text;
}

TEST(ScenarioMutation, CorruptedScenariosNeverCrashTheLoader) {
  auto catalog = models::Catalogs::builtin();
  ASSERT_TRUE(catalog.ok());
  Rng rng(20261122);
  int rejected = 0;
  for (const char* file : {"scenarios/quickstart.yaml", "scenarios/korea_fleet.yaml"}) {
    const std::string original = test::read_file(test::source_path(file));
    ASSERT_FALSE(original.empty());
    for (int i = 0; i < 1500; ++i) {
      const std::string text = mutate(original, rng);
      Result<Scenario> r = Diagnostics{};
      ASSERT_NO_THROW(r = parse_scenario(text, "m.yaml", {}, catalog.value())) << text;
      if (r.ok()) continue;
      ++rejected;
      ASSERT_FALSE(r.diagnostics().empty());
      for (const auto& d : r.diagnostics()) ASSERT_FALSE(d.message.empty()) << text;
    }
  }
  EXPECT_GT(rejected, 1000);  // the mutations really do break most inputs
}

}  // namespace
}  // namespace sovsim::sim
