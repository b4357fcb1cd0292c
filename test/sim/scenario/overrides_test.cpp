// test/sim/scenario/overrides_test.cpp — `--set key.path=value` on a YAML tree.
#include "sim/scenario/overrides.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

YAML::Node tree() {
  return YAML::Load("a: 1\nsites:\n  - name: s0\n    nodes:\n      - {hardware: H100, count: 2}\n");
}

TEST(Overrides, SetsNestedScalarThroughListIndex) {
  YAML::Node root = tree();
  Diagnostics d;
  EXPECT_TRUE(apply_override(root, "sites[0].nodes[0].count=64", d));
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(root["sites"][0]["nodes"][0]["count"].as<int>(), 64);
}

TEST(Overrides, CreatesMissingMapKeys) {
  YAML::Node root = tree();
  Diagnostics d;
  EXPECT_TRUE(apply_override(root, "scheduler.policy=fcfs", d));
  EXPECT_EQ(root["scheduler"]["policy"].as<std::string>(), "fcfs");
}

TEST(Overrides, RejectsBadPathsAndIndices) {
  YAML::Node root = tree();
  Diagnostics d;
  EXPECT_FALSE(apply_override(root, "sites[3].name=x", d));
  EXPECT_FALSE(apply_override(root, "a.b=1", d));
  EXPECT_FALSE(apply_override(root, "sites=3", d));
  EXPECT_FALSE(apply_override(root, "novalue", d));
  EXPECT_FALSE(apply_override(root, "x..y=1", d));
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0].key, "sites[3]");
  EXPECT_NE(d[0].message.find("out of range"), std::string::npos);
  EXPECT_EQ(root["a"].as<int>(), 1);  // unchanged
}

TEST(Overrides, StarSetsEveryElementOfAList) {
  YAML::Node root = YAML::Load("sites:\n  - {name: a, nodes: [{count: 1}, {count: 2}]}\n"
                               "  - {name: b, nodes: [{count: 3}]}\n");
  Diagnostics d;
  EXPECT_TRUE(apply_override(root, "sites[*].fabric.leaf_uplink_oversubscription=4", d));
  EXPECT_TRUE(apply_override(root, "sites[*].nodes[*].count=8", d));
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(root["sites"][0]["fabric"]["leaf_uplink_oversubscription"].as<int>(), 4);
  EXPECT_EQ(root["sites"][1]["fabric"]["leaf_uplink_oversubscription"].as<int>(), 4);
  EXPECT_EQ(root["sites"][0]["nodes"][1]["count"].as<int>(), 8);
  EXPECT_EQ(root["sites"][1]["nodes"][0]["count"].as<int>(), 8);
  EXPECT_FALSE(apply_override(root, "tenants[*].share=1", d));  // no such list
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].key, "tenants");
  EXPECT_FALSE(root["tenants"].IsDefined());  // looking did not create it
}

TEST(Overrides, ValueIsParsedAsYaml) {
  YAML::Node root = tree();
  Diagnostics d;
  EXPECT_TRUE(apply_override(root, "a=[1, 2]", d));
  EXPECT_TRUE(root["a"].IsSequence());
}

TEST(Overrides, ValueThatIsNotOneYamlDocumentIsRefused) {
  YAML::Node root = tree();
  Diagnostics d;
  EXPECT_FALSE(apply_override(root, "a= , x", d));  // yaml-cpp alone reads an empty value
  EXPECT_FALSE(apply_override(root, "a=1\n---\n2", d));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].message,
            "--set: value is not valid YAML: expected a key, a value or the end of the file, "
            "found ','");
  EXPECT_NE(d[1].message.find("a second YAML document"), std::string::npos) << d[1].message;
  EXPECT_EQ(root["a"].as<int>(), 1);  // unchanged
  EXPECT_TRUE(apply_override(root, "a=", d));  // an empty value is still one (empty) document
}

TEST(Overrides, DuplicateOrNonScalarKeysInAValueAreRefused) {
  YAML::Node root = tree();
  Diagnostics d;
  EXPECT_FALSE(apply_override(root, "a={x: 1, x: 2}", d));  // a copy would keep one of them
  EXPECT_FALSE(apply_override(root, "a={[1, 2]: 3}", d));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].key, "a");
  EXPECT_EQ(d[0].message, "--set: duplicate key 'x' in the value");
  EXPECT_NE(d[1].message.find("a key that is a list or a map"), std::string::npos);
  EXPECT_EQ(root["a"].as<int>(), 1);  // unchanged
}

// Aliases are expanded in the copy: one inside itself, or a "billion laughs" of lists of aliased
// lists, is refused instead of recursing until the stack or the memory runs out.
TEST(Overrides, AliasesThatExpandWithoutBoundAreRefused) {
  std::string laughs = "{l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]";
  for (int i = 1; i < 10; ++i) {
    laughs += ", l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) laughs += (k ? ", *l" : "*l") + std::to_string(i - 1);
    laughs += "]";
  }
  laughs += "}";
  for (const std::string& value : {std::string("&self [*self]"), laughs}) {
    YAML::Node root = tree();
    Diagnostics d;
    EXPECT_FALSE(apply_override(root, "a=" + value, d)) << value;
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].key, "a");
    EXPECT_NE(d[0].message.find("at most 100000 nodes once its YAML aliases (*name) are expanded"),
              std::string::npos)
        << d[0].message;
    EXPECT_EQ(root["a"].as<int>(), 1);  // unchanged
  }
  YAML::Node root = tree();
  Diagnostics d;
  EXPECT_TRUE(apply_override(root, "a={x: &x [1, 2], y: *x}", d));  // a bounded reuse is fine
  EXPECT_EQ(root["a"]["y"].size(), 2u);
}

}  // namespace
}  // namespace sovsim::sim
