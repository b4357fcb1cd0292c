// sim/scenario/overrides.cpp — see overrides.hpp.
#include "sim/scenario/overrides.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <variant>
#include <vector>

#include "models/common/text_check.hpp"
#include "models/common/yaml_documents.hpp"

namespace sovsim::sim {
namespace {

using Segment = std::variant<std::string, size_t>;  // map key or list index

// "a.b[2].c" -> {"a", "b", 2, "c"}; nullopt if malformed.
std::optional<std::vector<Segment>> split_path(const std::string& path) {
  std::vector<Segment> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[') {
      const size_t close = path.find(']', i);
      if (close == std::string::npos || close == i + 1) return std::nullopt;
      size_t index = 0;
      auto [end, ec] = std::from_chars(path.data() + i + 1, path.data() + close, index);
      if (ec != std::errc() || end != path.data() + close) return std::nullopt;
      out.emplace_back(index);
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
      continue;
    }
    const size_t end = path.find_first_of(".[", i);
    const std::string name = path.substr(i, end - i);
    if (name.empty()) return std::nullopt;
    out.emplace_back(name);
    i = end == std::string::npos ? path.size() : end;
    if (i < path.size() && path[i] == '.') {
      ++i;
      if (i == path.size()) return std::nullopt;
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// Deeper than this, a copied value is an alias that contains itself: the YAML parser refuses
// nesting far shallower than this.
constexpr int kMaxCopyDepth = 1000;
// Nodes a value may have once its aliases are expanded (when its text is shorter: without
// aliases, a value has fewer nodes than characters). Far more than any override needs; a
// "billion laughs" of 10^10 reaches it within milliseconds.
constexpr size_t kMaxCopyNodes = 100'000;

// A copy of `node` built in memory: its marks are null, which is how diagnostics know a value
// came from the command line rather than from the file. The copy expands aliases, so a value
// whose aliases contain themselves (`&a [*a]`) or repeat lists of lists ("billion laughs") would
// never end: at most `budget` nodes are made (nullopt beyond that, or deeper than kMaxCopyDepth).
// A map key that is not a scalar, or that appears twice, is refused too (a
// copy would merge them): nullopt, with `problem` saying which.
std::optional<YAML::Node> without_marks(const YAML::Node& node, size_t& budget,
                                        std::string& problem, int depth = 0) {
  if (budget == 0 || depth > kMaxCopyDepth) return std::nullopt;
  --budget;
  if (node.IsScalar()) return YAML::Node(node.Scalar());
  YAML::Node copy(node.Type());
  if (node.IsSequence()) {
    for (const auto& element : node) {
      auto value = without_marks(element, budget, problem, depth + 1);
      if (!value) return std::nullopt;
      copy.push_back(*value);
    }
  } else if (node.IsMap()) {
    const YAML::Node& seen = copy;  // const: operator[] looks up without inserting
    for (const auto& kv : node) {
      if (!kv.first.IsScalar()) {
        problem = "expected map keys that are plain values, found a key that is a list or a map";
        return std::nullopt;
      }
      if (seen[kv.first.Scalar()].IsDefined()) {
        problem = fmt::format("duplicate key '{}' in the value", kv.first.Scalar());
        return std::nullopt;
      }
      auto value = without_marks(kv.second, budget, problem, depth + 1);
      if (!value) return std::nullopt;
      copy[kv.first.Scalar()] = *value;
    }
  }
  return copy;
}

// The node at `path` (read only: nothing is created), or an undefined node.
YAML::Node lookup(const YAML::Node& root, const std::vector<Segment>& path) {
  YAML::Node node;
  node.reset(root);  // a handle: reset() re-points it, assignment would write into the tree
  for (const Segment& s : path) {
    const YAML::Node& here = node;  // const: operator[] does not insert missing keys
    const YAML::Node none(YAML::NodeType::Undefined);
    if (const auto* name = std::get_if<std::string>(&s)) {
      if (!here.IsMap()) return none;
      const YAML::Node child = here[*name];
      if (!child.IsDefined()) return none;  // a missing key (an invalid node: reset() throws)
      node.reset(child);
    } else {
      const size_t index = std::get<size_t>(s);
      if (!here.IsSequence() || index >= here.size()) return none;
      const YAML::Node child = here[index];
      node.reset(child);
    }
  }
  return node;
}

}  // namespace

bool apply_override(YAML::Node& root, const std::string& assignment, Diagnostics& diagnostics) {
  if (const auto bad = find_bad_text(assignment)) {
    diagnostics.push_back(Diagnostic{
        "", 0, 0, assignment.substr(0, assignment.find('=')),
        fmt::format("--set: {} at character {} of the assignment", bad->message, bad->column)});
    return false;
  }
  // `sites[*].fabric.nodes_per_leaf=36`: the same assignment for every element of that list.
  const size_t star = assignment.find("[*]");
  if (star != std::string::npos && star < assignment.find('=')) {
    const std::string prefix = assignment.substr(0, star);
    auto segments = prefix.empty() ? std::nullopt : split_path(prefix);
    const YAML::Node list = segments ? lookup(root, *segments) : YAML::Node();
    if (!list.IsSequence()) {
      diagnostics.push_back(Diagnostic{"", 0, 0, prefix, "--set: [*] needs a list here"});
      return false;
    }
    bool ok = true;
    for (size_t i = 0; i < list.size(); ++i) {
      ok = apply_override(root, fmt::format("{}[{}]{}", prefix, i, assignment.substr(star + 3)),
                          diagnostics) && ok;
    }
    return ok;
  }
  auto fail = [&](const std::string& key, const std::string& message) {
    diagnostics.push_back(Diagnostic{"", 0, 0, key, "--set: " + message});
    return false;
  };
  const size_t eq = assignment.find('=');
  if (eq == std::string::npos) {
    return fail("", fmt::format("expected key.path=value, found '{}'", assignment));
  }
  const std::string path = assignment.substr(0, eq);
  auto segments = split_path(path);
  if (!segments) {
    return fail(path, "expected a dotted key path such as sites[0].nodes[0].count");
  }
  const std::string text = assignment.substr(eq + 1);
  YAML::Node parsed;
  try {
    parsed = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return fail(path, "value is not valid YAML: " + e.msg);
  }
  if (const auto problem = second_yaml_document(text, parsed.IsNull())) {
    return fail(path, "value is not valid YAML: " + problem->message);
  }
  const size_t max_nodes = std::max(kMaxCopyNodes, text.size() + 1);
  size_t budget = max_nodes;
  std::string problem;
  const std::optional<YAML::Node> copy = parsed.IsDefined() && !parsed.IsNull()
                                             ? without_marks(parsed, budget, problem)
                                             : YAML::Node(std::string());
  if (!copy && !problem.empty()) return fail(path, problem);
  if (!copy) {
    return fail(path, fmt::format("expected a value of at most {} nodes once its YAML aliases "
                                  "(*name) are expanded, found more (an alias inside itself, or "
                                  "aliases of aliases)",
                                  max_nodes));
  }
  const YAML::Node& value = *copy;

  // Walk with copies of the handles (yaml-cpp nodes are references into the tree), creating
  // missing map keys only once the whole path is known to be valid.
  YAML::Node node = root;
  std::string walked;
  for (size_t i = 0; i < segments->size(); ++i) {
    const Segment& s = (*segments)[i];
    const bool last = i + 1 == segments->size();
    if (const auto* name = std::get_if<std::string>(&s)) {
      walked += (walked.empty() ? "" : ".") + *name;
      if (node.IsDefined() && !node.IsNull() && !node.IsMap()) {
        return fail(walked, "cannot set a key inside a value that is not a map");
      }
      YAML::Node child = node[*name];
      if (last) {
        if (child.IsDefined() && (child.IsMap() || child.IsSequence()) && value.IsScalar()) {
          return fail(walked, "is a section (map or list), not a scalar");
        }
        child = value;
        return true;
      }
      node.reset(child);
    } else {
      const size_t index = std::get<size_t>(s);
      walked += fmt::format("[{}]", index);
      if (!node.IsSequence()) return fail(walked, "is not a list");
      if (index >= node.size()) {
        return fail(walked, fmt::format("index out of range (the list has {} elements)",
                                        node.size()));
      }
      YAML::Node child = node[index];
      if (last) {
        if ((child.IsMap() || child.IsSequence()) && value.IsScalar()) {
          return fail(walked, "is a section (map or list), not a scalar");
        }
        child = value;
        return true;
      }
      node.reset(child);
    }
  }
  return true;
}

}  // namespace sovsim::sim
