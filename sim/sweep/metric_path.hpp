// sim/sweep/metric_path.hpp — a path into a run's summary.json naming one metric of a sweep:
// dotted keys (`wait.mean_s`), list indices (`tenants[0]`) and list elements chosen by a field
// (`tenants[name=naver]`). Parsed when the sweep file is loaded (bad syntax is bad input);
// resolved against each run's summary, where a missing key is that run's error, not a crash.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sovsim::sim {

class MetricPath {
 public:
  struct Key {
    std::string name;
  };
  struct Index {
    size_t index;
  };
  struct Select {
    std::string field, value;
  };  // [field=value]
  using Step = std::variant<Key, Index, Select>;

  // nullopt (and `error` says why) if `text` is not a valid path.
  static std::optional<MetricPath> parse(const std::string& text, std::string& error);

  const std::string& text() const { return text_; }

  // The metric in `summary`: a number, or nullopt for JSON null (a metric the run has no value
  // for, such as a mean over no jobs). Sets `error` (naming the path and the step that failed)
  // and returns nullopt when the path does not lead to a number or null.
  std::optional<double> resolve(const nlohmann::json& summary, std::string& error) const;

 private:
  std::string text_;
  std::vector<Step> steps_;
};

}  // namespace sovsim::sim
