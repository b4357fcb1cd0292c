// sim/describe/text_table.hpp — a plain-text table for terminal output: a header row, rows of
// cells, each column as wide as its widest cell, left- or right-aligned (numbers right), rows
// indented by two spaces. Plus the number formats `sovsim describe` uses (thousands separated).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sovsim::sim {

class TextTable {
 public:
  // A column per header; `right` says which columns align right (numbers).
  TextTable(std::vector<std::string> headers, std::vector<bool> right);
  void add(std::vector<std::string> row);
  void print(std::ostream& out) const;

 private:
  std::vector<std::vector<std::string>> rows_;  // the header first
  std::vector<bool> right_;
};

// 1234567 -> "1,234,567"; rounded to an integer.
std::string group_digits(double value);
// Three significant digits below 100 ("13.3", "0.25"), else grouped digits ("26,880").
std::string short_number(double value);

}  // namespace sovsim::sim
