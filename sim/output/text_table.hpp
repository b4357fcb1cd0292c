// sim/output/text_table.hpp — rows of cells printed as left-aligned columns two spaces apart,
// widths counted in code points so UTF-8 such as "±" or "–" takes one column. For the tables
// sovsim prints on a terminal (sweep-report's aggregate and tornado).
#pragma once

#include <string>
#include <vector>

namespace sovsim::sim {

// Each row on its own line; the last cell of a row is not padded.
std::string aligned_columns(const std::vector<std::vector<std::string>>& rows);

// Width of `text` in code points (UTF-8 continuation bytes do not count).
size_t display_width(const std::string& text);

}  // namespace sovsim::sim
