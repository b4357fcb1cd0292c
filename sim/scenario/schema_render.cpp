// sim/scenario/schema_render.cpp — renders the scenario schema tables (scenario_schema.hpp) as
// JSON Schema (draft 2020-12, for editors and validators) and as the Markdown tables of
// docs/scenario.md. Neither adds knowledge: both only translate the tables.
#include <fmt/format.h>

#include <cmath>

#include "sim/scenario/scenario_schema.hpp"

#include "models/common/distribution.hpp"

namespace sovsim::sim::scenario_schema {
namespace {

using Json = nlohmann::ordered_json;
using schema::Key;
using schema::Section;
using schema::Type;

// What parse_duration_s accepts: a number, optionally followed by a unit.
constexpr const char* kDurationPattern =
    "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*(ms|s|m|min|h|d|w|y)?\\s*$";

void add_range(Json& j, const Key& k) {
  if (std::isfinite(k.min)) j["minimum"] = k.min;
  if (std::isfinite(k.max)) j["maximum"] = k.max;
}

Json duration_json(const Key* k) {
  Json number = {{"type", "number"}};
  if (k) add_range(number, *k);
  return Json{{"anyOf", Json::array({number, {{"type", "string"}, {"pattern", kDurationPattern}}})}};
}

// What parse_iso_date_unix_s accepts: a date, optionally with a time of day, in UTC.
constexpr const char* kDatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?Z?)?$";

Json time_json(const Key& k) {
  Json j = duration_json(&k);
  j["anyOf"].push_back({{"type", "string"}, {"pattern", kDatePattern}});
  return j;
}

Json section_json(const Section& section);

Json key_json(const Key& k) {
  Json j;
  switch (k.type) {
    case Type::kString: j = {{"type", "string"}}; break;
    case Type::kNumber: j = {{"type", "number"}}; add_range(j, k); break;
    case Type::kInteger: j = {{"type", "integer"}}; add_range(j, k); break;
    case Type::kBoolean: j = {{"type", "boolean"}}; break;
    case Type::kDuration: j = duration_json(&k); break;
    case Type::kTime: j = time_json(k); break;
    case Type::kChoice: j = {{"enum", Json(std::vector<std::string>(k.choices.begin(), k.choices.end()))}}; break;
    case Type::kMap: j = section_json(*k.section); break;
    case Type::kList: j = {{"type", "array"}, {"items", section_json(*k.section)}}; break;
    case Type::kStringList: j = {{"type", "array"}, {"items", {{"type", "string"}}}}; break;
    case Type::kNumberList: j = {{"type", "array"}, {"items", {{"type", "number"}}}}; break;
    case Type::kDistribution:
      j = {{"anyOf", Json::array({{{"type", "number"}}, {{"$ref", "#/$defs/distribution"}}})}};
      break;
    case Type::kDurationDistribution:
      j = {{"anyOf", Json::array({duration_json(nullptr), {{"$ref", "#/$defs/distribution"}}})}};
      break;
    case Type::kStringMap: j = {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}; break;
    case Type::kProfile: {
      Json number = {{"type", "number"}};
      add_range(number, k);
      Json values = {{"type", "array"}, {"minItems", 1}, {"items", number}};
      Json profile = {{"type", "object"},
                      {"properties", {{"values", values}, {"step", duration_json(nullptr)}}},
                      {"required", Json::array({"values"})},
                      {"additionalProperties", false}};
      j = {{"anyOf", Json::array({number, profile})}};
      break;
    }
  }
  if (!k.choices.empty() && k.type != Type::kChoice) {  // literals accepted beside the type
    Json literal = {{"enum", Json(std::vector<std::string>(k.choices.begin(), k.choices.end()))}};
    j = Json{{"anyOf", Json::array({j, literal})}};
  }
  j["description"] = std::string(k.description);
  return j;
}

Json section_json(const Section& section) {
  Json properties = Json::object();
  Json required = Json::array();
  for (const Key& k : section.keys) {
    properties[std::string(k.name)] = key_json(k);
    if (k.required) required.push_back(std::string(k.name));
  }
  Json j = {{"type", "object"}, {"properties", properties}, {"additionalProperties", false}};
  if (!required.empty()) j["required"] = required;
  return j;
}

// In a distribution map, numbers may be durations (duration distributions).
Json distribution_json() {
  Json j = section_json(distribution_schema());
  for (auto& [name, property] : j["properties"].items()) {
    if (property.contains("type") && property["type"] == "number") {
      const std::string description = property["description"];
      property = duration_json(nullptr);
      property["description"] = description;
    } else if (property.contains("type") && property["type"] == "array") {
      property["items"] = duration_json(nullptr);
    }
  }
  return j;
}

// 10000000 -> "10,000,000"; 0.001 -> "0.001".
std::string number_text(double v) {
  if (std::abs(v) < 10000 || v != std::floor(v)) return fmt::format("{}", v);
  std::string digits = fmt::format("{:.0f}", std::abs(v)), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

std::string range_text(const Key& k, const char* what) {
  const bool lo = std::isfinite(k.min), hi = std::isfinite(k.max);
  if (lo && hi) return fmt::format("{} {}…{}", what, number_text(k.min), number_text(k.max));
  if (lo) return fmt::format("{} ≥ {}", what, number_text(k.min));
  if (hi) return fmt::format("{} ≤ {}", what, number_text(k.max));
  return what;
}

std::string type_text(const Key& k) {
  if (!k.type_text.empty()) return std::string(k.type_text);
  switch (k.type) {
    case Type::kString: return "string";
    case Type::kNumber: return range_text(k, "number");
    case Type::kInteger: return range_text(k, "integer");
    case Type::kBoolean: return "boolean";
    case Type::kDuration: {
      std::string t = std::isfinite(k.min) ? fmt::format("duration ≥ {} s", number_text(k.min)) : "duration";
      return t;
    }
    case Type::kTime: return "time (duration since the start, or date)";
    case Type::kChoice: {
      std::string t;
      for (auto c : k.choices) t += fmt::format("{}`{}`", t.empty() ? "" : ", ", c);
      return t;
    }
    case Type::kMap: return "map";
    case Type::kList: return "list";
    case Type::kStringList: return "list of strings";
    case Type::kNumberList: return "list of numbers";
    case Type::kDistribution: return "distribution";
    case Type::kDurationDistribution: return "distribution of durations";
    case Type::kStringMap: return "map of strings";
    case Type::kProfile: return range_text(k, "number") + ", or profile `{values, step}`";
  }
  return "";
}

std::string default_text(const Key& k) {
  if (!k.shown_default.empty()) return std::string(k.shown_default);
  if (k.required) return "**required**";
  switch (k.type) {
    case Type::kString:
    case Type::kChoice: return k.text_fallback.empty() ? "" : fmt::format("`{}`", k.text_fallback);
    case Type::kBoolean: return k.fallback != 0 ? "`true`" : "`false`";
    case Type::kDuration:
    case Type::kTime: return fmt::format("`{}`", format_duration_text(k.fallback));
    case Type::kProfile:
    case Type::kNumber:
    case Type::kInteger: return fmt::format("`{}`", number_text(k.fallback));
    default: return "";
  }
}

}  // namespace

std::string format_duration_text(double seconds) {
  struct Unit { double s; const char* name; };
  static const Unit kUnits[] = {{86400 * 365, "y"}, {86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}};
  if (seconds == 0) return "0";
  for (const Unit& u : kUnits) {
    const double n = seconds / u.s;
    if (n >= 1 && n == std::floor(n)) return fmt::format("{}{}", n, u.name);
  }
  if (seconds < 1) return fmt::format("{}ms", seconds * 1000);
  return fmt::format("{}s", seconds);
}

Json json_schema() {
  Json j = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
            {"$id", "https://sovsim.invalid/schema/scenario.json"},
            {"title", "sovsim scenario"},
            {"description", "A sovsim scenario file (docs/scenario.md). Generated by `sovsim schema`."}};
  Json top = section_json(kTop);
  for (auto& [name, value] : top.items()) j[name] = value;
  j["$defs"] = {{"distribution", distribution_json()}};
  return j;
}

Json section_json_schema(const Section& section, const std::string& title,
                         const std::string& description) {
  Json j = Json::object();
  if (!title.empty()) {
    j = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
         {"title", title},
         {"description", description}};
  }
  const Json body = section_json(section);
  for (const auto& [name, value] : body.items()) j[name] = value;
  return j;
}

std::string markdown_table(const Section& section) {
  std::string out = "| key | type | unit | default | meaning |\n|---|---|---|---|---|\n";
  for (const Key& k : section.keys) {
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", k.name, type_text(k), k.unit,
                       default_text(k), k.description);
  }
  return out;
}

}  // namespace sovsim::sim::scenario_schema
