// test/sim/sweep/metric_path_test.cpp — metric paths into summary.json: keys, indices,
// [field=value] selection, null, and the errors that name what was missing.
#include "sim/sweep/metric_path.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

const nlohmann::json kSummary = nlohmann::json::parse(R"({
  "goodput_fraction": 0.9, "wait": {"mean_s": 12.5}, "cost": {"per_million_tokens_krw": null},
  "tenants": [{"name": "naver", "wait": {"mean_s": 3}}, {"name": "sk", "wait": {"mean_s": 4}}],
  "failures": {"enabled": true}, "scenario": "q", "sites": [{"id": 7}]})");

std::optional<double> resolve(const std::string& text, std::string& error) {
  std::string parse_error;
  const auto path = MetricPath::parse(text, parse_error);
  EXPECT_TRUE(path) << parse_error;
  error.clear();
  return path ? path->resolve(kSummary, error) : std::nullopt;
}

TEST(MetricPath, KeysIndicesAndSelection) {
  std::string error;
  EXPECT_EQ(resolve("goodput_fraction", error), 0.9);
  EXPECT_EQ(resolve("wait.mean_s", error), 12.5);
  EXPECT_EQ(resolve("tenants[1].wait.mean_s", error), 4);
  EXPECT_EQ(resolve("tenants[name=naver].wait.mean_s", error), 3);
  EXPECT_EQ(resolve("sites[id=7].id", error), 7);  // numbers compared as JSON writes them
  EXPECT_EQ(resolve("failures.enabled", error), 1);
  EXPECT_TRUE(error.empty()) << error;
}

TEST(MetricPath, NullIsNoValueNotAnError) {
  std::string error;
  EXPECT_EQ(resolve("cost.per_million_tokens_krw", error), std::nullopt);
  EXPECT_TRUE(error.empty());
}

TEST(MetricPath, MissingPathsNameWhatIsMissing) {
  std::string error;
  EXPECT_EQ(resolve("tenants[name=kakao].wait.mean_s", error), std::nullopt);
  EXPECT_EQ(error, "metric path 'tenants[name=kakao].wait.mean_s': no element with name=kakao");
  resolve("wait.p42_s", error);
  EXPECT_EQ(error, "metric path 'wait.p42_s': no key 'wait.p42_s'");
  resolve("tenants[5].wait", error);
  EXPECT_NE(error.find("index out of range (the list has 2 elements)"), std::string::npos);
  resolve("wait", error);
  EXPECT_NE(error.find("is a map, not a number"), std::string::npos);
  resolve("scenario", error);
  EXPECT_NE(error.find("is text, not a number"), std::string::npos);
}

TEST(MetricPath, BadSyntaxIsRejected) {
  for (const char* bad : {"", "a.", "a..b", "a[", "a[x]", "a[=v]", "a[k=]", "a[0]b", ".a"}) {
    std::string error;
    EXPECT_FALSE(MetricPath::parse(bad, error)) << bad;
    EXPECT_FALSE(error.empty());
  }
}

}  // namespace
}  // namespace sovsim::sim
