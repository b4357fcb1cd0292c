// models/common/distribution.hpp — a scalar random quantity as a scenario describes it (a fixed
// value, uniform, exponential, log-normal or a weighted choice), optionally clamped, and sampled
// from sovsim's own Rng so results are identical on every platform. Used for job sizes and
// durations now, and for delivery delays and repair times later.
#pragma once

#include <string>
#include <vector>

#include "models/common/rng.hpp"
#include "models/common/yaml_reader.hpp"

namespace sovsim {

struct Distribution {
  enum class Kind { kFixed, kUniform, kExponential, kLognormal, kChoice };
  Kind kind = Kind::kFixed;
  double value = 0;                   // kFixed
  double mean = 0;                    // kExponential
  double median = 0, sigma = 0;       // kLognormal
  std::vector<double> values, weights;  // kChoice (weights sum > 0; empty weights = equal)
  double min = 0, max = 0;            // kUniform bounds; for other kinds a clamp if max > min

  double sample(Rng& rng) const;
  double expected_value() const;  // the mean of sample(), clamp included (exact, closed form)
};

// The keys of a {dist: ...} map, described once (docs/scenario.md#distributions): the reader
// below takes the `dist` choices from it, and `sovsim schema` exports it.
const schema::Section& distribution_schema();

// Reads `key` of `map` as a distribution: a scalar is a fixed value; a map has `dist:` and its
// parameters. `as_duration` parses values like "2h"; otherwise plain numbers. Values must be
// >= `min_value`. Diagnostics go to the reader's context; on error returns a fixed `fallback`.
Distribution read_distribution(MapReader& map, std::string_view key, bool as_duration,
                               double min_value, double fallback, bool required);

}  // namespace sovsim
