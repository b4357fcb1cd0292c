// sim/report/headline.hpp — the table report.html opens with: the run's headline figures, each
// read from one key of summary.json. Each row names its key and carries the raw value
// (<tr data-key="/wait/p95_s" data-value="24840.5">), so readers and tests can trace every number
// to the summary. A figure the summary lacks (an older run, energy not modelled) is left out.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace sovsim::sim {

enum class HeadlineFormat { kCount, kPercent, kSeconds, kQuantity };

struct HeadlineRow {
  std::string_view label;
  std::string_view pointer;  // JSON pointer into summary.json
  HeadlineFormat format;
  std::string_view unit;  // after a kQuantity
};

const std::vector<HeadlineRow>& headline_rows();

// The <table> of the rows `summary` has.
std::string headline_table(const nlohmann::json& summary);

}  // namespace sovsim::sim
