// models/common/yaml_reader.cpp — see yaml_reader.hpp.
#include "models/common/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "models/common/check.hpp"
#include "models/common/text_check.hpp"
#include "models/common/units.hpp"
#include "models/common/yaml_documents.hpp"

namespace sovsim {

void YamlContext::error(const YAML::Mark& at, const std::string& key,
                        const std::string& message) const {
  Diagnostic d;
  if (at.is_null()) {  // created by a --set override, not read from the file
    d.message = message + " (value set on the command line)";
  } else {
    d.file = file;
    d.line = at.line + 1;
    d.column = at.column + 1;
    d.message = message;
  }
  d.key = key;
  diagnostics->push_back(std::move(d));
}

void YamlContext::error(const YAML::Node& at, const std::string& key,
                        const std::string& message) const {
  error(at.IsDefined() ? at.Mark() : YAML::Mark::null_mark(), key, message);
}

YAML::Node parse_yaml(const std::string& text, const YamlContext& ctx) {
  if (const auto bad = find_bad_text(text)) {
    Diagnostic d;
    d.file = ctx.file;
    d.line = bad->line;
    d.column = bad->column;
    d.message = bad->message;
    ctx.diagnostics->push_back(std::move(d));
    return YAML::Node(YAML::NodeType::Null);
  }
  try {
    YAML::Node root = YAML::Load(text);
    if (const auto problem = second_yaml_document(text, root.IsNull())) {
      ctx.error(problem->at, "",
                (problem->syntax_error ? "YAML syntax error: " : "") + problem->message);
      return YAML::Node(YAML::NodeType::Null);
    }
    return root;
  } catch (const YAML::Exception& e) {
    ctx.error(e.mark, "", "YAML syntax error: " + e.msg);
    return YAML::Node(YAML::NodeType::Null);
  }
}

std::string describe_node(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing (null)";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  return "'" + node.Scalar() + "'";
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 2) + 1;  // beyond this, not a typo
  for (const auto& c : candidates) {
    const size_t d = edit_distance(word, c);
    if (d < best_distance) best_distance = d, best = c;
  }
  return best;
}

MapReader::MapReader(const YAML::Node& node, std::string path, const YamlContext& ctx,
                     YAML::Mark anchor)
    : node_(node), anchor_(anchor), path_(std::move(path)), ctx_(ctx) {
  if (node_.IsDefined() && !node_.Mark().is_null()) anchor_ = node_.Mark();
  if (node_.IsDefined() && !node_.IsNull() && !node_.IsMap()) {
    ctx_.error(node_, path_, "expected a map of key: value, found " + describe_node(node_));
    // reset(), not assignment: assigning to a handle would overwrite the node in the tree, and
    // with it every alias of that node, which would then read as a null with no file position.
    node_.reset(YAML::Node(YAML::NodeType::Null));
  }
}

MapReader::MapReader(const YAML::Node& node, std::string path, const YamlContext& ctx,
                     const schema::Section& section, YAML::Mark anchor)
    : MapReader(node, std::move(path), ctx, anchor) {
  section_ = &section;
}

const schema::Key& MapReader::schema_key(std::string_view key) const {
  const schema::Key* k = section_ ? section_->find(key) : nullptr;
  SOVSIM_CHECK(k != nullptr, "a schema-driven read names a key of its section");
  return *k;
}

const schema::Section& MapReader::section_of(std::string_view key) const {
  const schema::Key& k = schema_key(key);
  SOVSIM_CHECK(k.section != nullptr, "a map or list key has a nested section");
  return *k.section;
}

// The one-argument accessors report a missing required key, then read as the `_or` ones do with
// the table's default (0 or "" for a required key, as the require_ accessors return).
std::string MapReader::string(std::string_view key) {
  const schema::Key& k = schema_key(key);
  if (k.required) required(key);
  return string_or(key, std::string(k.text_fallback));
}

double MapReader::number(std::string_view key) {
  const schema::Key& k = schema_key(key);
  if (k.required) required(key);
  return number_or(key, k.fallback);
}

int64_t MapReader::integer(std::string_view key) {
  const schema::Key& k = schema_key(key);
  if (k.required) required(key);
  return integer_or(key, static_cast<int64_t>(k.fallback));
}

bool MapReader::boolean(std::string_view key) {
  return boolean(key, schema_key(key).fallback != 0);
}

double MapReader::duration_s(std::string_view key) {
  const schema::Key& k = schema_key(key);
  if (k.required) required(key);
  return duration_s_or(key, k.fallback);
}

double MapReader::time_s(std::string_view key) {
  const schema::Key& k = schema_key(key);
  if (k.required) required(key);
  return time_s_or(key, k.fallback);
}

std::string MapReader::choice(std::string_view key) {
  const schema::Key& k = schema_key(key);
  if (k.required) required(key);
  return choice(key, std::string(k.text_fallback), k.choices);
}

void MapReader::required(std::string_view key) {
  if (has(key)) return;
  switch (schema_key(key).type) {
    case schema::Type::kInteger: return missing(key, "an integer");
    case schema::Type::kNumber: return missing(key, "a number");
    case schema::Type::kDuration: return missing(key, "a duration");
    case schema::Type::kTime: return missing(key, "a time (a duration since the start or a date)");
    case schema::Type::kString:
    case schema::Type::kChoice: return missing(key, "a string");
    default: return missing(key, "a value");
  }
}

std::string MapReader::string_or(std::string_view key, const std::string& fallback) {
  schema_key(key);
  return string(key, fallback);
}

double MapReader::number_or(std::string_view key, double fallback) {
  const schema::Key& k = schema_key(key);
  return number(key, fallback, k.min, k.max);
}

int64_t MapReader::integer_or(std::string_view key, int64_t fallback) {
  const schema::Key& k = schema_key(key);
  return integer(key, fallback, static_cast<int64_t>(std::max(k.min, -9.0e18)),
                 static_cast<int64_t>(std::min(k.max, 9.0e18)));
}

double MapReader::duration_s_or(std::string_view key, double fallback) {
  const schema::Key& k = schema_key(key);
  return duration_s(key, fallback, std::max(0.0, k.min), std::min(kMaxDuration_s, k.max));
}

double MapReader::time_s_or(std::string_view key, double fallback) {
  const schema::Key& k = schema_key(key);
  return time_s(key, fallback, std::max(0.0, k.min), std::min(kMaxDuration_s, k.max));
}

std::string MapReader::key_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

YAML::Node MapReader::find(std::string_view key) {
  known_.emplace(key);
  if (!node_.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& kv : node_) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

bool MapReader::has(std::string_view key) const {
  if (!node_.IsMap()) return false;
  for (const auto& kv : node_) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return true;
  }
  return false;
}

YAML::Node MapReader::raw(std::string_view key) { return find(key); }

void MapReader::allow(std::initializer_list<std::string_view> keys) {
  for (auto k : keys) known_.emplace(k);
}

bool MapReader::scalar_or_error(const YAML::Node& value, std::string_view key,
                                const char* expected) {
  if (value.IsScalar()) return true;
  ctx_.error(value, key_path(key), fmt::format("expected {}, found {}", expected,
                                               describe_node(value)));
  return false;
}

void MapReader::missing(std::string_view key, const char* expected) {
  ctx_.error(anchor_, key_path(key), fmt::format("missing required key (expected {})", expected));
}

std::string MapReader::string(std::string_view key, const std::string& fallback) {
  YAML::Node v = find(key);
  if (!v.IsDefined()) return fallback;
  return scalar_or_error(v, key, "a string") ? v.Scalar() : fallback;
}

double MapReader::number(std::string_view key, double fallback, double min, double max) {
  YAML::Node v = find(key);
  if (!v.IsDefined() || !scalar_or_error(v, key, "a number")) return fallback;
  auto parsed = parse_number(v.Scalar());
  if (!parsed) {
    ctx_.error(v, key_path(key), "expected a number, found " + describe_node(v));
    return fallback;
  }
  if (*parsed < min || *parsed > max) {
    ctx_.error(v, key_path(key),
               fmt::format("expected a number in [{}, {}], found {}", min, max, v.Scalar()));
    return fallback;
  }
  return *parsed;
}

int64_t MapReader::integer(std::string_view key, int64_t fallback, int64_t min, int64_t max) {
  YAML::Node v = find(key);
  if (!v.IsDefined() || !scalar_or_error(v, key, "an integer")) return fallback;
  auto parsed = parse_number(v.Scalar());
  if (!parsed || std::floor(*parsed) != *parsed || std::fabs(*parsed) > 9.0e15) {
    ctx_.error(v, key_path(key), "expected an integer, found " + describe_node(v));
    return fallback;
  }
  const auto value = static_cast<int64_t>(*parsed);
  if (value < min || value > max) {
    ctx_.error(v, key_path(key),
               fmt::format("expected an integer in [{}, {}], found {}", min, max, value));
    return fallback;
  }
  return value;
}

bool MapReader::boolean(std::string_view key, bool fallback) {
  YAML::Node v = find(key);
  if (!v.IsDefined() || !scalar_or_error(v, key, "true or false")) return fallback;
  if (v.Scalar() == "true") return true;
  if (v.Scalar() == "false") return false;
  ctx_.error(v, key_path(key), "expected true or false, found " + describe_node(v));
  return fallback;
}

double MapReader::duration_s(std::string_view key, double fallback, double min_s,
                             double max_s) {
  YAML::Node v = find(key);
  if (!v.IsDefined() || !scalar_or_error(v, key, "a duration such as 30d, 8760h, 90m or 45s")) {
    return fallback;
  }
  auto parsed = parse_duration_s(v.Scalar());
  if (!parsed) {
    ctx_.error(v, key_path(key),
               fmt::format("expected a duration such as 30d, 8760h, 90m or 45s, up to {}, found {}",
                           format_duration(max_s), describe_node(v)));
    return fallback;
  }
  if (*parsed < min_s) {
    ctx_.error(v, key_path(key),
               fmt::format("expected a duration of at least {} s, found {}", min_s, v.Scalar()));
    return fallback;
  }
  if (*parsed > max_s) {
    ctx_.error(v, key_path(key),
               fmt::format("expected a duration of at most {} s ({}), found {}", max_s,
                           format_duration(max_s), v.Scalar()));
    return fallback;
  }
  return *parsed;
}

double MapReader::time_s(std::string_view key, double fallback, double min_s, double max_s) {
  YAML::Node v = find(key);
  if (!v.IsDefined() || !scalar_or_error(v, key, "a duration since the start or an ISO date")) {
    return fallback;
  }
  const auto date = parse_iso_date_unix_s(v.Scalar());
  if (!date) return duration_s(key, fallback, min_s, max_s);
  if (!ctx_.epoch_unix_s) {
    ctx_.error(v, key_path(key),
               fmt::format("a date ({}) needs `start_date:` at the top of the scenario; or give "
                           "a duration since the start such as 90d",
                           v.Scalar()));
    return fallback;
  }
  const double t = *date - *ctx_.epoch_unix_s;
  if (t < min_s || t > max_s) {
    ctx_.error(v, key_path(key),
               fmt::format("expected a date from {} to {}, found {}",
                           format_iso_date(*ctx_.epoch_unix_s + min_s),
                           format_iso_date(*ctx_.epoch_unix_s + max_s), v.Scalar()));
    return fallback;
  }
  return t;
}

std::string MapReader::choice(std::string_view key, const std::string& fallback,
                              std::initializer_list<std::string_view> allowed) {
  return choice(key, fallback, std::vector<std::string_view>(allowed));
}

std::string MapReader::choice(std::string_view key, const std::string& fallback,
                              const std::vector<std::string_view>& allowed) {
  YAML::Node v = find(key);
  if (!v.IsDefined() || !scalar_or_error(v, key, "a string")) return fallback;
  for (auto a : allowed) {
    if (v.Scalar() == a) return v.Scalar();
  }
  std::string list;
  std::vector<std::string> names;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a), names.emplace_back(a);
  std::string hint = closest_match(v.Scalar(), names);
  ctx_.error(v, key_path(key),
             fmt::format("expected one of {}, found {}{}", list, describe_node(v),
                         hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
  return fallback;
}

std::string MapReader::require_string(std::string_view key) {
  if (!has(key)) return missing(key, "a string"), find(key), std::string();
  return string(key, "");
}

double MapReader::require_number(std::string_view key, double min, double max) {
  if (!has(key)) return missing(key, "a number"), find(key), 0.0;
  return number(key, 0.0, min, max);
}

int64_t MapReader::require_integer(std::string_view key, int64_t min, int64_t max) {
  if (!has(key)) return missing(key, "an integer"), find(key), int64_t{0};
  return integer(key, 0, min, max);
}

double MapReader::require_duration_s(std::string_view key, double min_s, double max_s) {
  if (!has(key)) return missing(key, "a duration"), find(key), 0.0;
  return duration_s(key, 0.0, min_s, max_s);
}

MapReader MapReader::map(std::string_view key) {
  if (section_ && section_->find(key) && section_->find(key)->section) {
    return MapReader(find(key), key_path(key), ctx_, *section_->find(key)->section, anchor_);
  }
  return MapReader(find(key), key_path(key), ctx_, anchor_);
}

MapReader MapReader::require_map(std::string_view key) {
  if (!has(key)) missing(key, "a map");
  return map(key);
}

std::vector<std::pair<YAML::Node, std::string>> MapReader::list(std::string_view key,
                                                                bool required) {
  if (section_ && section_->find(key)) required = required || section_->find(key)->required;
  std::vector<std::pair<YAML::Node, std::string>> out;
  YAML::Node v = find(key);
  if (!v.IsDefined() || v.IsNull()) {
    if (required) missing(key, "a list");
    return out;
  }
  if (!v.IsSequence()) {
    ctx_.error(v, key_path(key), "expected a list, found " + describe_node(v));
    return out;
  }
  for (size_t i = 0; i < v.size(); ++i) {
    out.emplace_back(v[i], fmt::format("{}[{}]", key_path(key), i));
  }
  return out;
}

void MapReader::finish() {
  if (!node_.IsMap()) return;
  std::map<std::string, int> first_line;
  std::set<std::string, std::less<>> candidates(known_.begin(), known_.end());
  if (section_) {
    for (const schema::Key& k : section_->keys) candidates.emplace(k.name);
  }
  const std::vector<std::string> valid(candidates.begin(), candidates.end());
  for (const auto& kv : node_) {
    const YAML::Node& k = kv.first;
    if (!k.IsScalar()) {
      ctx_.error(k, path_, "expected a plain key, found " + describe_node(k));
      continue;
    }
    const std::string& name = k.Scalar();
    auto [it, inserted] = first_line.emplace(name, k.Mark().line + 1);
    if (!inserted) {
      ctx_.error(k, key_path(name),
                 fmt::format("duplicate key (first defined at line {})", it->second));
    } else if (!known_.contains(name)) {
      std::string hint = closest_match(name, valid);
      std::string valid_list;
      for (const auto& v : valid) valid_list += (valid_list.empty() ? "" : ", ") + v;
      ctx_.error(k, key_path(name),
                 hint.empty() ? fmt::format("unknown key; valid keys here: {}", valid_list)
                              : fmt::format("unknown key; did you mean '{}'?", hint));
    }
  }
}

}  // namespace sovsim
