// models/catalogs.cpp — see catalogs.hpp.
#include "models/catalogs.hpp"

namespace sovsim::models {

Result<Catalogs> Catalogs::builtin() {
  auto hardware = HardwareCatalog::builtin();
  auto transformers = TransformerCatalog::builtin();
  Diagnostics problems;
  if (!hardware.ok()) problems = hardware.diagnostics();
  if (!transformers.ok()) {
    for (const auto& d : transformers.diagnostics()) problems.push_back(d);
  }
  if (!problems.empty()) return problems;
  return Catalogs{std::move(hardware).value(), std::move(transformers).value()};
}

}  // namespace sovsim::models
