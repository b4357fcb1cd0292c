// models/common/result.hpp — how bad input travels: a Diagnostic names where (file:line:column,
// dotted key) and what was wrong; Result<T> holds a value or a non-empty list of diagnostics.
// Used by every loader (scenario, catalog, traces). Bugs are not diagnostics: they abort.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sovsim {

struct Diagnostic {
  std::string file;  // empty when the value came from the command line (--set)
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
  std::string key;   // dotted path such as "sites[1].nodes[0].count"
  std::string message;

  // "FILE:LINE:COL: key: message" — the one format every error is printed in.
  std::string to_string() const {
    std::string out = file.empty() ? std::string("<command line>") : file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": ";
    if (!key.empty()) out += key + ": ";
    return out + message;
  }
};

using Diagnostics = std::vector<Diagnostic>;

// A value, or the diagnostics explaining why there is none. Never both.
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Diagnostics diagnostics) : diagnostics_(std::move(diagnostics)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  std::optional<T> value_;
  Diagnostics diagnostics_;
};

}  // namespace sovsim
