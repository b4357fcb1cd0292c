// models/common/embedded_catalog.hpp — the YAML files of models/catalog/, compiled into the
// binary at build time (models/catalog/embed.cmake), so no run depends on the source tree.
#pragma once

#include <string_view>

namespace sovsim {

// Text of models/catalog/NAME (e.g. "hardware.yaml"); empty if there is no such file.
std::string_view embedded_catalog(std::string_view name);

}  // namespace sovsim
