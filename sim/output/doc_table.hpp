// sim/output/doc_table.hpp — what a generated documentation table row holds: a name, its unit and
// a description. The output column tables (job_columns.hpp, account_fields.hpp) and the scenario
// schema render their Markdown tables in docs/ through this, so docs and code cannot drift
// (`sovsim gen-docs --check`, run by the suite).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sovsim::sim {

struct DocRow {
  std::string_view name, unit, description;
};

// The documentation rows of a table of output columns or fields (anything with name or key,
// unit and description).
template <typename Row>
std::vector<DocRow> doc_rows(const std::vector<Row>& table) {
  std::vector<DocRow> rows;
  for (const Row& r : table) rows.push_back({r.name, r.unit, r.description});
  return rows;
}

// A Markdown table | `name` | unit | description |, one line per row.
std::string markdown_table(const std::vector<DocRow>& rows, std::string_view name_header);

// Replaces the text between "<!-- BEGIN generated: TAG -->" and "<!-- END generated: TAG -->" in
// `document` by `content`. Returns false if the markers are missing.
bool replace_generated(std::string& document, std::string_view tag, const std::string& content);

}  // namespace sovsim::sim
