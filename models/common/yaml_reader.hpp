// models/common/yaml_reader.hpp — strict, schema-in-code reading of YAML documents (scenarios,
// catalogs). Each accessor consumes one key, checks its type and range, and on failure records a
// Diagnostic with the file:line:column and dotted key path, then returns a default so reading
// continues: the user sees every error in one pass. finish() reports unknown keys (with the
// closest valid one) and duplicate keys, which yaml-cpp itself accepts silently.
// Values that came from --set overrides carry no position and are reported as such.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/common/result.hpp"
#include "models/common/schema.hpp"
#include "models/common/units.hpp"

namespace sovsim {

// Where diagnostics go, and the file they refer to.
struct YamlContext {
  std::string file;
  Diagnostics* diagnostics;
  // The scenario's `start_date` (seconds since 1970, UTC) when it has one: an instant may then be
  // written as an ISO date (MapReader::time_s).
  std::optional<double> epoch_unix_s = std::nullopt;

  void error(const YAML::Node& at, const std::string& key, const std::string& message) const;
  void error(const YAML::Mark& at, const std::string& key, const std::string& message) const;
};

// Parses YAML text into a node; on a syntax error, or a byte find_bad_text() refuses (invalid
// UTF-8, control characters), records a diagnostic and returns a null node.
YAML::Node parse_yaml(const std::string& text, const YamlContext& ctx);

// Short human description of what a node holds, for "found ..." in messages.
std::string describe_node(const YAML::Node& node);

class MapReader {
 public:
  // `node` must be a map, or null/undefined (an absent optional section reads as empty).
  // `anchor` is where to point "missing key" errors when the map itself is absent.
  MapReader(const YAML::Node& node, std::string path, const YamlContext& ctx,
            YAML::Mark anchor = YAML::Mark::null_mark());
  // A map described by a schema section: the one-argument accessors below take each key's
  // default, range and requiredness from it, map() passes nested sections on, and finish()
  // suggests from the section's keys.
  MapReader(const YAML::Node& node, std::string path, const YamlContext& ctx,
            const schema::Section& section, YAML::Mark anchor = YAML::Mark::null_mark());

  bool has(std::string_view key) const;
  const std::string& path() const { return path_; }
  const YamlContext& context() const { return ctx_; }
  const YAML::Node& node() const { return node_; }
  std::string key_path(std::string_view key) const;

  // Optional values: absent -> `fallback`. Present but wrong -> diagnostic, then `fallback`.
  std::string string(std::string_view key, const std::string& fallback);
  double number(std::string_view key, double fallback,
                double min = -std::numeric_limits<double>::infinity(),
                double max = std::numeric_limits<double>::infinity());
  int64_t integer(std::string_view key, int64_t fallback,
                  int64_t min = std::numeric_limits<int64_t>::min(),
                  int64_t max = std::numeric_limits<int64_t>::max());
  bool boolean(std::string_view key, bool fallback);
  // Seconds from "30d", "8760h", "90m", "45s" or a bare number of seconds; must be in
  // [min_s, max_s] (kMaxDuration_s, 1000 years, unless a key has a lower limit).
  double duration_s(std::string_view key, double fallback, double min_s = 0,
                    double max_s = kMaxDuration_s);
  // An instant in seconds since the start: a duration ("90d") or, when the context has an epoch
  // (start_date), an ISO date ("2026-03-01", "2026-03-01T06:00"); in [min_s, max_s].
  double time_s(std::string_view key, double fallback, double min_s = 0,
                double max_s = kMaxDuration_s);
  // One of `allowed`; the error lists them.
  std::string choice(std::string_view key, const std::string& fallback,
                     std::initializer_list<std::string_view> allowed);
  std::string choice(std::string_view key, const std::string& fallback,
                     const std::vector<std::string_view>& allowed);

  // Required values: absent -> "missing required key" diagnostic, then a neutral value.
  std::string require_string(std::string_view key);
  double require_number(std::string_view key,
                        double min = -std::numeric_limits<double>::infinity(),
                        double max = std::numeric_limits<double>::infinity());
  int64_t require_integer(std::string_view key, int64_t min = std::numeric_limits<int64_t>::min(),
                          int64_t max = std::numeric_limits<int64_t>::max());
  double require_duration_s(std::string_view key, double min_s = 0,
                            double max_s = kMaxDuration_s);

  // Schema-driven (needs a section, and `key` in it): default, range and "required" from the
  // table; a required key that is absent is reported and reads as a neutral value.
  std::string string(std::string_view key);
  double number(std::string_view key);
  int64_t integer(std::string_view key);
  bool boolean(std::string_view key);
  double duration_s(std::string_view key);
  double time_s(std::string_view key);
  std::string choice(std::string_view key);
  // The same with a default that depends on context (the catalog's GPUs per node, the horizon):
  // range from the table, `fallback` when absent.
  std::string string_or(std::string_view key, const std::string& fallback);
  double number_or(std::string_view key, double fallback);
  int64_t integer_or(std::string_view key, int64_t fallback);
  double duration_s_or(std::string_view key, double fallback);
  double time_s_or(std::string_view key, double fallback);
  // Reports `key` as missing if it is absent (a key required only in some cases).
  void required(std::string_view key);
  // The schema row of `key` (which must be in the section).
  const schema::Key& schema_key(std::string_view key) const;
  // The nested section of a kMap or kList key (for the elements of list(key)).
  const schema::Section& section_of(std::string_view key) const;

  // Nested sections. An absent optional map reads as empty; an absent list as no elements.
  MapReader map(std::string_view key);
  MapReader require_map(std::string_view key);
  // Elements of a list, with their paths "key[i]"; a non-list records a diagnostic.
  std::vector<std::pair<YAML::Node, std::string>> list(std::string_view key, bool required = false);
  // The raw node of a key (marks it known and consumed); undefined if absent.
  YAML::Node raw(std::string_view key);

  // Declares keys as valid without reading them (for suggestions and the unknown-key check).
  void allow(std::initializer_list<std::string_view> keys);
  // Reports unknown keys (suggesting the closest valid key) and duplicate keys. Call once,
  // after every accessor for this map has run.
  void finish();

 private:
  YAML::Node find(std::string_view key);  // first match; marks the key known
  bool scalar_or_error(const YAML::Node& value, std::string_view key, const char* expected);
  void missing(std::string_view key, const char* expected);

  YAML::Node node_;
  YAML::Mark anchor_;
  std::string path_;
  YamlContext ctx_;
  std::set<std::string, std::less<>> known_;
  const schema::Section* section_ = nullptr;
};

// Levenshtein edit distance, for "did you mean".
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or "" if none is close enough to be a plausible typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace sovsim
