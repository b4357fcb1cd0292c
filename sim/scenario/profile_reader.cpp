// sim/scenario/profile_reader.cpp — see profile_reader.hpp.
#include "sim/scenario/profile_reader.hpp"

#include <fmt/format.h>

#include "models/common/units.hpp"

namespace sovsim::sim {

std::optional<models::TimeProfile> read_time_profile(MapReader& m, std::string_view key) {
  if (!m.has(key)) return std::nullopt;
  const schema::Key& row = m.schema_key(key);
  const YAML::Node node = m.raw(key);
  if (node.IsScalar()) return models::TimeProfile::constant(m.number_or(key, row.fallback));
  if (!node.IsMap()) {
    m.context().error(node, m.key_path(key),
                      fmt::format("expected a number or a profile {{values: [...], step: 1h}}, found {}",
                                  describe_node(node)));
    return std::nullopt;
  }
  MapReader p(node, m.key_path(key), m.context());
  std::vector<double> values;
  for (auto& [value, path] : p.list("values", true)) {
    const auto v = value.IsScalar() ? parse_number(value.Scalar()) : std::nullopt;
    if (!v || *v < row.min || *v > row.max) {
      m.context().error(value, path, fmt::format("expected a number from {} to {}, found {}",
                                                 row.min, row.max, describe_node(value)));
      continue;
    }
    values.push_back(*v);
  }
  if (const YAML::Node list = p.raw("values"); list.IsSequence() && list.size() == 0) {
    m.context().error(list, p.key_path("values"),
                      "expected at least one value, found an empty list");
  }
  const double step_s = p.duration_s("step", 3600, 1);
  p.finish();
  if (values.empty()) return std::nullopt;  // reported above
  return models::TimeProfile(std::move(values), step_s);
}


}  // namespace sovsim::sim
