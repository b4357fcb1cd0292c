// sim/scenario/scenario_schema.hpp — the scenario format, described once (models/common/
// schema.hpp): every section's keys with type, unit, default, range and meaning. The readers in
// sim/scenario/ read through it, docs/scenario.md's tables and `sovsim schema`'s JSON Schema are
// generated from it. Adding a key is one row here plus where its value is used.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "models/common/schema.hpp"

namespace sovsim::sim::scenario_schema {

extern const schema::Section kTop, kSite, kNodeGroup, kFabric, kLinkLatency, kTenant;
extern const schema::Section kWorkload, kJob, kGenerator, kTrain, kServe, kAutoscale, kTrace;
extern const schema::Section kScheduler, kEngine, kOutput, kFailures, kRepair;
extern const schema::Section kDelivery, kEvent, kEconomics;  // fleet_schema.cpp

// The JSON Schema (draft 2020-12) of a scenario file, for editors and validators.
nlohmann::ordered_json json_schema();
// One section as a JSON Schema object; with a title, a whole document ($schema, title,
// description), as `sovsim schema --sweep` prints for sweep files.
nlohmann::ordered_json section_json_schema(const schema::Section& section, const std::string& title,
                                           const std::string& description);
// docs tables: "| key | type | unit | default | meaning |" for one section.
std::string markdown_table(const schema::Section& section);
// A duration as people write it in a scenario: 3600 -> "1h", 0.1 -> "100ms".
std::string format_duration_text(double seconds);

}  // namespace sovsim::sim::scenario_schema
