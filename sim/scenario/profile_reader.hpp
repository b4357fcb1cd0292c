// sim/scenario/profile_reader.hpp — reads a scenario key that is a number (a constant) or a
// periodic profile `{values: [...], step: 1h}` into a models::TimeProfile: electricity prices,
// carbon intensity, a service's request-rate multiplier. Internal to sim/scenario/.
#pragma once

#include <optional>
#include <string_view>

#include "models/common/yaml_reader.hpp"
#include "models/time_profile.hpp"

namespace sovsim::sim {

// `key` as a number or a map {values: [...], step: DURATION}; nullopt if absent or wrong
// (reported against the file). Values must be in the key's schema range.
std::optional<models::TimeProfile> read_time_profile(MapReader& m, std::string_view key);

}  // namespace sovsim::sim
