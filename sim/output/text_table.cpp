// sim/output/text_table.cpp — see text_table.hpp.
#include "sim/output/text_table.hpp"

#include <algorithm>

namespace sovsim::sim {

size_t display_width(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string aligned_columns(const std::vector<std::vector<std::string>>& rows,
                            const std::vector<bool>& right, size_t indent) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::string out;
  for (const auto& row : rows) {
    out += std::string(indent, ' ');
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string pad(widths[c] - display_width(row[c]), ' ');
      const bool to_right = c < right.size() && right[c];
      out += to_right ? pad + row[c] : row[c];
      if (c + 1 < row.size()) out += (to_right ? "" : pad) + "  ";
    }
    out += '\n';
  }
  return out;
}

}  // namespace sovsim::sim
