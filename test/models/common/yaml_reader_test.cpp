// test/models/common/yaml_reader_test.cpp — each error kind of the strict YAML reader, with the
// line:column and key it reports.
#include "models/common/yaml_reader.hpp"

#include <gtest/gtest.h>

namespace sovsim {
namespace {

struct Reading {
  Diagnostics diagnostics;
  YamlContext ctx{"f.yaml", &diagnostics};
  YAML::Node root;
  explicit Reading(const std::string& text) { root = parse_yaml(text, ctx); }
};

TEST(MapReader, ReadsTypedValuesWithDefaults) {
  Reading r("a: 3\nb: hello\nc: 2h\nd: true\n");
  MapReader m(r.root, "", r.ctx);
  EXPECT_EQ(m.integer("a", 0), 3);
  EXPECT_EQ(m.string("b", ""), "hello");
  EXPECT_DOUBLE_EQ(m.duration_s("c", 0), 7200);
  EXPECT_TRUE(m.boolean("d", false));
  EXPECT_DOUBLE_EQ(m.number("missing", 1.5), 1.5);
  m.finish();
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(MapReader, UnknownKeySuggestsClosest) {
  Reading r("name: x\nhorizn: 3d\n");
  MapReader m(r.root, "", r.ctx);
  m.string("name", "");
  m.duration_s("horizon", 0);
  m.finish();
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].to_string(), "f.yaml:2:1: horizn: unknown key; did you mean 'horizon'?");
}

TEST(MapReader, WrongTypeReportsPositionAndFoundValue) {
  Reading r("sites:\n  count: many\n");
  MapReader top(r.root, "", r.ctx);
  MapReader sites = top.map("sites");
  sites.integer("count", 0);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_EQ(r.diagnostics[0].column, 10);
  EXPECT_EQ(r.diagnostics[0].key, "sites.count");
  EXPECT_NE(r.diagnostics[0].message.find("expected an integer, found 'many'"), std::string::npos);
}

TEST(MapReader, MissingRequiredKeyPointsAtItsMap) {
  Reading r("outer:\n  a: 1\n");
  MapReader top(r.root, "", r.ctx);
  MapReader outer = top.map("outer");
  outer.require_string("name");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].key, "outer.name");
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_NE(r.diagnostics[0].message.find("missing required key"), std::string::npos);
}

TEST(MapReader, OutOfRangeValue) {
  Reading r("share: 1.5\n");
  MapReader m(r.root, "", r.ctx);
  EXPECT_DOUBLE_EQ(m.number("share", 0, 0, 1), 0);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("in [0, 1]"), std::string::npos);
}

TEST(MapReader, DuplicateKeyIsAnError) {
  Reading r("a: 1\nb: 2\na: 3\n");
  MapReader m(r.root, "", r.ctx);
  m.integer("a", 0);
  m.integer("b", 0);
  m.finish();
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].to_string(), "f.yaml:3:1: a: duplicate key (first defined at line 1)");
}

TEST(MapReader, ChoiceListsAllowedValuesAndSuggests) {
  Reading r("policy: fcsf\n");
  MapReader m(r.root, "", r.ctx);
  EXPECT_EQ(m.choice("policy", "fcfs", {"fcfs", "easy"}), "fcfs");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("did you mean 'fcfs'"), std::string::npos);
}

TEST(MapReader, ListElementsCarryIndexedPaths) {
  Reading r("xs:\n  - {v: 1}\n  - {v: oops}\n");
  MapReader top(r.root, "", r.ctx);
  for (auto& [node, path] : top.list("xs")) {
    MapReader e(node, path, r.ctx);
    e.integer("v", 0);
  }
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].key, "xs[1].v");
  EXPECT_EQ(r.diagnostics[0].line, 3);
}

TEST(MapReader, SyntaxErrorHasPosition) {
  Reading r("a: [1, 2\nb: 3\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_GT(r.diagnostics[0].line, 0);
  EXPECT_NE(r.diagnostics[0].message.find("YAML syntax error"), std::string::npos);
}

TEST(MapReader, OneDocumentPerFile) {
  for (const char* one : {"a: 1\n", "---\na: 1\n", "---\na: 1\n...\n", "", "# only\n", "---\n"}) {
    Reading r(one);
    EXPECT_TRUE(r.diagnostics.empty()) << one;
  }
  Reading two("a: 1\nb: 2\n---\nc: 3\n");
  ASSERT_EQ(two.diagnostics.size(), 1u);
  EXPECT_EQ(two.diagnostics[0].to_string(),
            "f.yaml:3:1: a second YAML document; expected one: remove the '---' that starts it, "
            "or what follows");
  EXPECT_TRUE(two.root.IsNull());
  Reading trailing("a: 1\n---\n");  // an empty second document is one too
  ASSERT_EQ(trailing.diagnostics.size(), 1u);
  EXPECT_EQ(trailing.diagnostics[0].line, 2);
}

TEST(MapReader, TextYamlCppCannotStartADocumentWithIsASyntaxError) {
  // yaml-cpp's Load gives an empty document here (and LoadAll loops forever, found by
  // scenario_fuzz): the stray ',' must be named, not taken for an empty file.
  Reading r("# a comment\n , # another\nname: x\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "f.yaml:2:2: YAML syntax error: expected a key, a value or the end of the file, "
            "found ','");
}

TEST(MapReader, BadBytesAreRefusedBeforeParsing) {
  // A control character in a comment: yaml-cpp itself accepts it silently.
  Reading r("a: 1\n# note\x01\nb: 2\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "f.yaml:2:7: expected printable text, found control character U+0001");
  EXPECT_TRUE(r.root.IsNull());
}

TEST(MapReader, DurationsAreFiniteAndBounded) {
  Reading r("a: 1e308y\nb: 2000y\nc: 3d\n");
  MapReader m(r.root, "", r.ctx);
  EXPECT_DOUBLE_EQ(m.duration_s("a", 5), 5);   // overflows to inf: refused
  EXPECT_DOUBLE_EQ(m.duration_s("b", 5), 5);   // beyond kMaxDuration_s
  EXPECT_DOUBLE_EQ(m.duration_s("c", 5, 0, 86400), 5);  // beyond this key's own maximum
  ASSERT_EQ(r.diagnostics.size(), 3u);
  EXPECT_EQ(r.diagnostics[0].key, "a");
  EXPECT_EQ(r.diagnostics[0].message,
            "expected a duration such as 30d, 8760h, 90m or 45s, up to 365000d, found '1e308y'");
  EXPECT_NE(r.diagnostics[1].message.find("expected a duration of at most"), std::string::npos);
  EXPECT_EQ(r.diagnostics[2].to_string(),
            "f.yaml:3:4: c: expected a duration of at most 86400 s (1d), found 3d");
}

TEST(MapReader, NotAMapIsReported) {
  Reading r("sites: 3\n");
  MapReader top(r.root, "", r.ctx);
  MapReader sites = top.map("sites");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].key, "sites");
}

TEST(ClosestMatch, OnlyPlausibleTypos) {
  EXPECT_EQ(closest_match("gpus_per_nod", {"gpus_per_node", "count", "hardware"}), "gpus_per_node");
  EXPECT_EQ(closest_match("zzzzzz", {"gpus_per_node", "count", "hardware"}), "");
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

}  // namespace
}  // namespace sovsim
