// sim/sweep/sweep_schema.cpp — the sweep file's keys (see sweep_schema.hpp). The keys whose
// names are scenario paths (`set`, `parameters`, `zip`) or metric names (`metrics`) have no fixed
// key set: their JSON Schema is written here by hand, the rest is rendered from the tables.
#include "sim/sweep/sweep_schema.hpp"

#include "sim/scenario/scenario_schema.hpp"

namespace sovsim::sim::sweep_schema {

using schema::Key;
using schema::Section;
using schema::Type;

const Section kRange{"parameters.<path>", {
  {.name = "range", .type = Type::kNumberList, .required = true, .type_text = "[lo, hi]",
   .description = "First and last value; both are always in the sweep."},
  {.name = "steps", .type = Type::kInteger, .min = 2, .max = 10000, .required = true,
   .description = "How many values, ends included."},
  {.name = "scale", .type = Type::kChoice, .text_fallback = "linear", .choices = {"linear", "log"},
   .description = "`linear`: equal differences; `log`: equal ratios (lo and hi > 0)."},
  {.name = "round", .type = Type::kBoolean, .fallback = 0,
   .description = "Round every value to the nearest integer (node counts); values that round to "
                  "the same integer are an error."},
}};

const Section kSweep{"", {
  {.name = "scenario", .type = Type::kString, .required = true, .type_text = "path",
   .description = "The scenario every run simulates, relative to the sweep file."},
  {.name = "description", .type = Type::kString, .shown_default = "`\"\"`",
   .description = "Free text."},
  {.name = "outputs", .type = Type::kChoice, .choices = {"all", "summary"}, .shown_default = "`all`",
   .description = "What each run writes into `runs/<id>/`: `all` its usual outputs, `summary` "
                  "only `summary.json` and `perf.json` (`sovsim run --outputs summary`: what the "
                  "sweep collects, for sweeps of thousands of runs)."},
  {.name = "set", .type = Type::kStringMap, .shown_default = "none",
   .type_text = "map of scenario path → value",
   .description = "Overrides applied to every run (`--set path=value`), e.g. `{horizon: 30d}`. "
                  "`seed` is not allowed here: use `seeds`."},
  {.name = "parameters", .type = Type::kStringMap, .shown_default = "none",
   .type_text = "map of scenario path → list or [range](#range)",
   .description = "The grid: every combination of these values, the first parameter varying "
                  "slowest. A path is anything `--set` accepts (`sites[*].fabric.nodes_per_leaf`); "
                  "a value is a list of values or a range."},
  {.name = "zip", .type = Type::kStringList, .shown_default = "none",
   .type_text = "list of maps of path → list or range",
   .description = "Groups of parameters whose values advance together (the i-th value of each), "
                  "all lists of a group of the same length. Each group is one more axis of the "
                  "grid, after `parameters`."},
  {.name = "seeds", .type = Type::kInteger, .fallback = 1, .min = 1, .max = 100000,
   .type_text = "count, or list of seeds",
   .description = "A count N (seeds 1…N) or a list of distinct seeds `[11, 42]`. Every "
                  "combination runs once per seed; seeds vary fastest."},
  {.name = "metrics", .type = Type::kStringMap, .required = true,
   .type_text = "map of name → summary.json path",
   .description = "The columns of the results: a name (letters, digits, `_`) and a path into "
                  "`summary.json`: dotted keys, `[N]` list indices, `[field=value]` the list "
                  "element whose field has that value (`tenants[name=naver].wait.mean_s`). "
                  "The path must lead to a number (or null)."},
}};

nlohmann::ordered_json json_schema() {
  using Json = nlohmann::ordered_json;
  Json j = scenario_schema::section_json_schema(kSweep, "sovsim sweep",
                                                "A sovsim sweep file (docs/sweeps.md). Generated "
                                                "by `sovsim schema --sweep`.");
  auto& p = j["properties"];
  const Json scalar_or_list = {
      {"anyOf", Json::array({{{"type", Json::array({"string", "number", "boolean"})}},
                             {{"type", "array"}}, {{"type", "object"}}})}};
  const Json values = {{"anyOf", Json::array({{{"type", "array"}, {"minItems", 1}},
                                              {{"$ref", "#/$defs/range"}}})}};
  const std::string set_description = p["set"]["description"];
  p["set"] = {{"type", "object"}, {"additionalProperties", scalar_or_list},
              {"description", set_description}};
  const std::string grid_description = p["parameters"]["description"];
  p["parameters"] = {{"type", "object"}, {"additionalProperties", values},
                     {"description", grid_description}};
  const std::string zip_description = p["zip"]["description"];
  p["zip"] = {{"type", "array"},
              {"items", {{"type", "object"}, {"minProperties", 1}, {"additionalProperties", values}}},
              {"description", zip_description}};
  const std::string seeds_description = p["seeds"]["description"];
  p["seeds"] = {{"anyOf", Json::array({{{"type", "integer"}, {"minimum", 1}, {"maximum", 100000}},
                                       {{"type", "array"},
                                        {"minItems", 1},
                                        {"uniqueItems", true},
                                        {"items", {{"type", "integer"}, {"minimum", 0}}}}})},
                {"description", seeds_description}};
  const std::string metrics_description = p["metrics"]["description"];
  p["metrics"] = {{"type", "object"},
                  {"minProperties", 1},
                  {"propertyNames", {{"pattern", "^[A-Za-z_][A-Za-z0-9_]*$"}}},
                  {"additionalProperties", {{"type", "string"}}},
                  {"description", metrics_description}};
  Json range = scenario_schema::section_json_schema(kRange, "", "");
  range["properties"]["range"]["minItems"] = 2;
  range["properties"]["range"]["maxItems"] = 2;
  j["$defs"] = {{"range", range}};
  return j;
}

}  // namespace sovsim::sim::sweep_schema
