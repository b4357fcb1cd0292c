// sim/scenario/economics_reader.cpp — see economics_reader.hpp.
#include "sim/scenario/economics_reader.hpp"

#include <fmt/format.h>

#include <optional>

#include "models/common/units.hpp"

namespace sovsim::sim {
namespace {

// `key` as a number (a constant) or a map {values: [...], step: DURATION}; nullopt if absent or
// wrong (reported). Values must be in the schema row's range.
std::optional<models::TimeProfile> read_profile(MapReader& m, std::string_view key) {
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
  const double step_s = p.duration_s("step", 3600, 1);
  p.finish();
  if (values.empty()) return std::nullopt;  // reported above
  return models::TimeProfile(std::move(values), step_s);
}

}  // namespace

Economics read_economics(MapReader& top) {
  MapReader m = top.map("economics");
  Economics e;
  e.pue = m.number("pue");
  if (auto p = read_profile(m, "electricity_krw_per_kwh")) e.electricity_krw_per_kwh = *p;
  if (auto p = read_profile(m, "carbon_t_per_mwh")) e.carbon_t_per_mwh = *p;
  e.krw_per_usd = m.number("krw_per_usd");
  e.capex_years = m.number("capex_years");
  e.opex_krw_per_node_year = m.number("opex_krw_per_node_year");
  e.busy_fraction_of_tdp = m.number("busy_fraction_of_tdp");
  m.finish();
  return e;
}

void read_site_energy(MapReader& m, Site& site) {
  if (m.has("pue")) site.pue = m.number("pue");
  site.electricity_krw_per_kwh = read_profile(m, "electricity_krw_per_kwh");
  site.carbon_t_per_mwh = read_profile(m, "carbon_t_per_mwh");
  site.power_cap_mw = m.number("power_cap_mw");
}

}  // namespace sovsim::sim
