// sim/cli/number_flags.cpp — see number_flags.hpp.
#include "sim/cli/number_flags.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

#include "models/common/units.hpp"

namespace sovsim::cli {
namespace {

constexpr uint64_t kMaxSeed = uint64_t{1} << 53;  // the scenario's `seed` key, read as a double

void add_finite_check(CLI::App& app) {
  static const CLI::Validator finite(
      [](std::string& text) -> std::string {
        if (parse_number(text)) return "";  // finite, locale-free
        return fmt::format("expected a finite number, found '{}'", text);
      },
      "");  // no description: the help keeps showing FLOAT
  for (CLI::Option* option : app.get_options()) {
    // The type name is "FLOAT", followed by ":<check>" for each check already added.
    if (option->get_type_name().starts_with("FLOAT")) option->check(finite);
  }
  for (CLI::App* sub : app.get_subcommands({})) add_finite_check(*sub);
}

}  // namespace

void require_finite_numbers(CLI::App& app) { add_finite_check(app); }

const CLI::Validator& seed_validator() {
  static const CLI::Validator seed(
      [](std::string& text) -> std::string {
        uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, value);
        if (!text.empty() && ec == std::errc() && ptr == end && value <= kMaxSeed) return "";
        return fmt::format("expected an integer in [0, {}], found '{}'", kMaxSeed, text);
      },
      "SEED");
  return seed;
}

}  // namespace sovsim::cli
