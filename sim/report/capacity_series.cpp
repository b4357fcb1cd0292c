// sim/report/capacity_series.cpp — see capacity_series.hpp.
#include "sim/report/capacity_series.hpp"

#include <string>
#include <utility>

namespace sovsim::sim {
namespace {

std::optional<double> number(const nlohmann::json& o, const char* key) {
  const auto it = o.find(key);
  if (it == o.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

}  // namespace

std::optional<CapacitySeries> capacity_from_tranches(const nlohmann::json& summary,
                                                     const BucketGrid& grid,
                                                     const BucketGrid& periods, NameIndex& sites) {
  const auto capacity = summary.find("capacity");
  if (capacity == summary.end() || !capacity->is_object()) return std::nullopt;
  const auto tranches = capacity->find("tranches");
  if (tranches == capacity->end() || !tranches->is_array()) return std::nullopt;
  CapacitySeries out{BucketedValue(grid.size()), {}};
  std::vector<std::pair<double, double>> changes;  // (time, GPUs entering (+) or leaving (-))
  for (const auto& t : *tranches) {
    const auto gpus = number(t, "gpus"), from = number(t, "in_service_s");
    if (!gpus || !from || !t.contains("site") || !t["site"].is_string()) continue;
    const double to = number(t, "retire_s").value_or(grid.end());
    const size_t site = sites.index_of(t["site"].get<std::string>());
    if (out.installed_gpu_s.size() <= site) {
      out.installed_gpu_s.resize(site + 1, std::vector<double>(periods.size(), 0.0));
    }
    periods.for_each_overlap(*from, to, [&](size_t p, double seconds) {
      out.installed_gpu_s[site][p] += *gpus * seconds;
    });
    changes.emplace_back(*from, *gpus);
    if (to < grid.end()) changes.emplace_back(to, -*gpus);
  }
  out.installed_gpu_s.resize(sites.size(), std::vector<double>(periods.size(), 0.0));
  std::vector<double> times, values;
  accumulate_changes(std::move(changes), times, values);
  add_step_function(grid, times, values, grid.end(), out.installed);
  return out;
}

}  // namespace sovsim::sim
