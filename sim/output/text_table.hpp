// sim/output/text_table.hpp — rows of cells printed as columns two spaces apart, left-aligned or
// (numbers) right-aligned, widths counted in code points so UTF-8 such as "±" or "–" takes one
// column. For the tables sovsim prints on a terminal (sweep-report's aggregate and tornado,
// describe's fleet, tenants and workload).
#pragma once

#include <string>
#include <vector>

namespace sovsim::sim {

// Each row on its own line; the last cell of a row is not padded after it. Column c is
// right-aligned if right[c] (columns beyond `right` are left-aligned); every line starts with
// `indent` spaces.
std::string aligned_columns(const std::vector<std::vector<std::string>>& rows,
                            const std::vector<bool>& right = {}, size_t indent = 0);

// Width of `text` in code points (UTF-8 continuation bytes do not count).
size_t display_width(const std::string& text);

}  // namespace sovsim::sim
