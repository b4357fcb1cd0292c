// models/common/distribution.cpp — see distribution.hpp.
#include "models/common/distribution.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/common/units.hpp"

namespace sovsim {

double Distribution::sample(Rng& rng) const {
  double x = value;
  switch (kind) {
    case Kind::kFixed:
      return value;
    case Kind::kUniform:
      return min + (max - min) * rng.uniform01();
    case Kind::kExponential:
      x = rng.exponential(mean);
      break;
    case Kind::kLognormal:
      x = rng.lognormal(median, sigma);
      break;
    case Kind::kChoice: {
      if (weights.empty()) return values[rng.below(values.size())];
      const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
      double u = rng.uniform01() * total;
      for (size_t i = 0; i < values.size(); ++i) {
        if (u < weights[i]) return values[i];
        u -= weights[i];
      }
      return values.back();  // rounding at the top end
    }
  }
  return max > min ? std::clamp(x, min, max) : x;
}

namespace {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// E[clamp(X, lo, hi)] = lo P(X < lo) + E[X; lo <= X <= hi] + hi P(X > hi), from X's CDF and
// its partial expectation E[X; X <= x].
template <typename Cdf, typename Partial>
double clamped_mean(double lo, double hi, Cdf cdf, Partial partial) {
  return lo * cdf(lo) + (partial(hi) - partial(lo)) + hi * (1 - cdf(hi));
}

}  // namespace

double Distribution::expected_value() const {
  const bool clamped = max > min;
  switch (kind) {
    case Kind::kFixed:
      return value;
    case Kind::kUniform:
      return 0.5 * (min + max);
    case Kind::kExponential:
      if (!clamped) return mean;
      return clamped_mean(
          min, max, [&](double x) { return 1 - std::exp(-x / mean); },
          [&](double x) { return mean - (x + mean) * std::exp(-x / mean); });
    case Kind::kLognormal: {
      const double mu = std::log(median), full = median * std::exp(0.5 * sigma * sigma);
      if (!clamped) return full;
      if (sigma == 0) return std::clamp(median, min, max);
      // ln X ~ N(mu, sigma²): P(X <= x) = Φ(z), E[X; X <= x] = E[X] Φ(z - σ), z = (ln x - mu) / σ.
      auto z = [&](double x) { return x > 0 ? (std::log(x) - mu) / sigma : -INFINITY; };
      return clamped_mean(
          min, max, [&](double x) { return normal_cdf(z(x)); },
          [&](double x) { return full * normal_cdf(z(x) - sigma); });
    }
    case Kind::kChoice: {
      if (weights.empty()) return std::accumulate(values.begin(), values.end(), 0.0) / values.size();
      const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
      return std::inner_product(values.begin(), values.end(), weights.begin(), 0.0) / total;
    }
  }
  return value;
}

namespace {

const schema::Section kDistributionKeys{"distribution", {
  {.name = "dist", .type = schema::Type::kChoice, .required = true,
   .choices = {"fixed", "uniform", "exponential", "lognormal", "choice"}, .description = "The distribution."},
  {.name = "value", .type = schema::Type::kNumber, .description = "`fixed`: the value."},
  {.name = "min", .type = schema::Type::kNumber, .description = "`uniform`: lower bound; `exponential`, `lognormal`: clamp."},
  {.name = "max", .type = schema::Type::kNumber, .description = "`uniform`: upper bound; `exponential`, `lognormal`: clamp."},
  {.name = "mean", .type = schema::Type::kNumber, .description = "`exponential`: the mean."},
  {.name = "median", .type = schema::Type::kNumber, .description = "`lognormal`: the median."},
  {.name = "sigma", .type = schema::Type::kNumber, .min = 0, .max = 10, .description = "`lognormal`: σ of ln x."},
  {.name = "values", .type = schema::Type::kNumberList, .description = "`choice`: the values."},
  {.name = "weights", .type = schema::Type::kNumberList, .description = "`choice`: their weights."},
}};

// One value of a distribution parameter, as a duration or a plain number.
double read_value(MapReader& m, std::string_view key, bool as_duration, double min_value,
                  bool required) {
  if (required && !m.has(key)) {
    return as_duration ? m.require_duration_s(key, min_value) : m.require_number(key, min_value);
  }
  return as_duration ? m.duration_s(key, min_value, min_value) : m.number(key, min_value, min_value);
}

std::vector<double> read_values(MapReader& m, std::string_view key, bool as_duration,
                                double min_value) {
  std::vector<double> out;
  for (auto& [node, path] : m.list(key, true)) {
    std::optional<double> v;
    if (node.IsScalar()) v = as_duration ? parse_duration_s(node.Scalar()) : parse_number(node.Scalar());
    if (!v || *v < min_value) {
      m.context().error(node, path, fmt::format("expected a {} >= {}, found {}",
                                                as_duration ? "duration" : "number", min_value,
                                                describe_node(node)));
      continue;
    }
    out.push_back(*v);
  }
  return out;
}

}  // namespace

const schema::Section& distribution_schema() { return kDistributionKeys; }

Distribution read_distribution(MapReader& map, std::string_view key, bool as_duration,
                               double min_value, double fallback, bool required) {
  Distribution d;
  d.value = fallback;
  YAML::Node node = map.raw(key);
  if (!node.IsDefined()) {
    if (required) {
      as_duration ? map.require_duration_s(key) : map.require_number(key);
    }
    return d;
  }
  if (node.IsScalar()) {
    d.value = read_value(map, key, as_duration, min_value, true);
    return d;
  }
  MapReader m(node, map.key_path(key), map.context(), kDistributionKeys);
  const size_t errors_before = map.context().diagnostics->size();
  const std::string kind = m.choice("dist");
  if (kind == "fixed") {
    d.value = read_value(m, "value", as_duration, min_value, true);
  } else if (kind == "uniform") {
    d.kind = Distribution::Kind::kUniform;
  } else if (kind == "exponential") {
    d.kind = Distribution::Kind::kExponential;
    d.mean = read_value(m, "mean", as_duration, min_value, true);
  } else if (kind == "lognormal") {
    d.kind = Distribution::Kind::kLognormal;
    d.median = read_value(m, "median", as_duration, min_value, true);
    d.sigma = m.require_number("sigma", 0, 10);
  } else if (kind == "choice") {
    d.kind = Distribution::Kind::kChoice;
    d.values = read_values(m, "values", as_duration, min_value);
    if (m.has("weights")) {
      d.weights = read_values(m, "weights", false, 0);
      if (d.weights.size() != d.values.size()) {
        m.context().error(m.raw("weights"), m.key_path("weights"),
                          fmt::format("expected {} weights (one per value), found {}",
                                      d.values.size(), d.weights.size()));
      } else if (std::accumulate(d.weights.begin(), d.weights.end(), 0.0) <= 0) {
        m.context().error(m.raw("weights"), m.key_path("weights"),
                          "expected weights with a positive sum");
      }
    }
    if (d.values.empty() && m.has("values")) {
      m.context().error(m.raw("values"), m.key_path("values"), "expected at least one value");
    }
  }
  // Bounds: required for uniform, an optional clamp for the others.
  const bool uniform = d.kind == Distribution::Kind::kUniform;
  if (uniform || kind == "exponential" || kind == "lognormal") {
    d.min = read_value(m, "min", as_duration, min_value, uniform);
    d.max = m.has("max") || uniform ? read_value(m, "max", as_duration, min_value, uniform) : 0;
    if (m.has("max") && d.max < d.min) {
      m.context().error(m.raw("max"), m.key_path("max"), "expected max >= min");
    }
  }
  m.finish();
  if (map.context().diagnostics->size() != errors_before) {
    Distribution bad;
    bad.value = fallback;
    return bad;
  }
  return d;
}

}  // namespace sovsim
