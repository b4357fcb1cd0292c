// models/catalogs.hpp — the two catalogs a run reads (hardware, transformer models), loaded once
// and passed explicitly from the command line down: no code fetches a catalog by itself, so a
// test or a sweep can hand in its own. Pure value types.
#pragma once

#include "models/common/result.hpp"
#include "models/hardware.hpp"
#include "models/transformer.hpp"

namespace sovsim::models {

struct Catalogs {
  HardwareCatalog hardware;
  TransformerCatalog transformers;

  // The catalogs compiled into the binary (models/catalog/*.yaml); diagnostics if one is broken.
  static Result<Catalogs> builtin();
};

}  // namespace sovsim::models
