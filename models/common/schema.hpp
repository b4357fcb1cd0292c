// models/common/schema.hpp — a YAML format described once: each section is a table of keys with
// type, unit, default, range and description. The same table drives the strict reader
// (MapReader's one-argument accessors take their default and range from it, and its unknown-key
// check suggests from it), the generated reference in docs/ and `sovsim schema` (JSON Schema).
// Defaults that depend on context (the catalog's GPUs per node, the horizon) are documented here
// in words (`shown_default`) and computed by the reader.
#pragma once

#include <limits>
#include <string_view>
#include <vector>

namespace sovsim::schema {

enum class Type {
  kString,
  kNumber,
  kInteger,
  kBoolean,
  kDuration,      // a number of seconds or a number with a unit ("90m", "30d")
  kTime,          // an instant: a duration since the start, or an ISO date ("2026-03-01")
  kChoice,        // one of `choices`
  kMap,           // a nested section
  kList,          // a list of nested sections
  kStringList,    // a list of strings
  kNumberList,    // a list of numbers
  kDistribution,  // a scalar or a {dist: ...} map (docs/scenario.md#distributions)
  kDurationDistribution,
  kStringMap,     // any keys, string values (tenant_map)
  kProfile,       // a number, or {values: [...], step: DURATION}: a quantity varying over a period
};

struct Section;

struct Key {
  std::string_view name;
  Type type = Type::kString;
  std::string_view unit = "";
  double fallback = 0;                   // numeric default (durations in seconds)
  std::string_view text_fallback = "";   // string or choice default
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool required = false;
  std::vector<std::string_view> choices = {};  // kChoice; for other types, literals also accepted
  const Section* section = nullptr;            // kMap, kList: the nested keys
  std::string_view shown_default = "";   // in the docs, when not the plain fallback
  std::string_view type_text = "";       // in the docs, when not derived from the type
  std::string_view description = "";
};

struct Section {
  std::string_view name;    // dotted path as in error messages: "sites[].nodes[]"
  std::vector<Key> keys;
  const Key* find(std::string_view key) const {
    for (const Key& k : keys) {
      if (k.name == key) return &k;
    }
    return nullptr;
  }
};

}  // namespace sovsim::schema
