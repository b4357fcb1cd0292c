// test/support/builtin_catalogs.hpp — the catalogs compiled into the binary, loaded once per test
// program, with shorthands for the entries model tests ask for by name.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "models/catalogs.hpp"

namespace sovsim::test {

inline const models::Catalogs& builtin_catalogs() {
  static const models::Catalogs c = models::Catalogs::builtin().value();
  return c;
}

// The named entry; fails the test (and throws) if it is not in the catalog.
inline const models::Hardware& hardware(std::string_view name) {
  const models::Hardware* hw = builtin_catalogs().hardware.find(name);
  if (!hw) throw std::runtime_error("no hardware " + std::string(name));
  return *hw;
}
inline const models::Transformer& transformer(std::string_view name) {
  const models::Transformer* m = builtin_catalogs().transformers.find(name);
  if (!m) throw std::runtime_error("no model " + std::string(name));
  return *m;
}

}  // namespace sovsim::test
