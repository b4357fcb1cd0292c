// sim/describe/text_table.cpp — see text_table.hpp.
#include "sim/describe/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sovsim::sim {

namespace {

// Display width: a UTF-8 continuation byte takes no column ("×", "·").
size_t columns(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

TextTable::TextTable(std::vector<std::string> headers, std::vector<bool> right)
    : right_(std::move(right)) {
  right_.resize(headers.size(), false);
  rows_.push_back(std::move(headers));
}

void TextTable::add(std::vector<std::string> row) {
  row.resize(rows_.front().size());
  rows_.push_back(std::move(row));
}

void TextTable::print(std::ostream& out) const {
  std::vector<size_t> width(rows_.front().size(), 0);
  for (const auto& row : rows_) {
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], columns(row[c]));
  }
  for (const auto& row : rows_) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - columns(row[c]), ' ');
      line += "  " + (right_[c] ? pad + row[c] : row[c] + pad);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

std::string group_digits(double value) {
  const auto n = static_cast<long long>(std::llround(std::abs(value)));
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return (value < 0 && n != 0 ? "-" : "") + digits;
}

std::string short_number(double value) {
  if (std::abs(value) < 100) return fmt::format("{:.3g}", value);
  return group_digits(value);
}

}  // namespace sovsim::sim
