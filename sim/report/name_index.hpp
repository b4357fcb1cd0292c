// sim/report/name_index.hpp — names (tenants, sites) numbered in first-seen order: the report
// seeds it from summary.json's order and a CSV row may add a name the summary lacks.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sovsim::sim {

class NameIndex {
 public:
  // The number of `name`, added at the end if new.
  size_t index_of(std::string_view name) {
    auto it = index_.find(std::string(name));
    if (it != index_.end()) return it->second;
    index_.emplace(std::string(name), names_.size());
    names_.emplace_back(name);
    return names_.size() - 1;
  }
  const std::vector<std::string>& names() const { return names_; }
  size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace sovsim::sim
