// sim/output/doc_table.cpp — see doc_table.hpp.
#include "sim/output/doc_table.hpp"

#include <fmt/format.h>

namespace sovsim::sim {

std::string markdown_table(const std::vector<DocRow>& rows, std::string_view name_header) {
  std::string out = fmt::format("| {} | unit | meaning |\n|---|---|---|\n", name_header);
  for (const DocRow& r : rows) {
    out += fmt::format("| `{}` | {} | {} |\n", r.name, r.unit.empty() ? "–" : r.unit, r.description);
  }
  return out;
}

bool replace_generated(std::string& document, std::string_view tag, const std::string& content) {
  const std::string begin = fmt::format("<!-- BEGIN generated: {} -->\n", tag);
  const std::string end = fmt::format("<!-- END generated: {} -->", tag);
  const size_t b = document.find(begin);
  if (b == std::string::npos) return false;
  const size_t e = document.find(end, b);
  if (e == std::string::npos) return false;
  document.replace(b + begin.size(), e - b - begin.size(), content);
  return true;
}

}  // namespace sovsim::sim
