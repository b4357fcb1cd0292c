// sim/trace/reader_support.hpp — what every trace reader shares: collecting diagnostics (capped,
// so a wrong file does not print a million errors), counting skipped records by reason, reading
// a whole file, and the signature each format's reader implements. Internal to sim/trace/.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "models/common/result.hpp"
#include "sim/trace/trace_options.hpp"

namespace sovsim::sim {

class TenantMapper;

// Largest GPU/processor count a trace record may ask for; more is treated as malformed. Far
// above any real job, low enough that scaled counts fit in JobSpec::gpus (int).
inline constexpr int64_t kMaxTraceGpus = 10'000'000;

// Collects the errors of one file. After kMaxErrors it records one "too many errors" entry and
// reports full(), and readers stop: the first screenful is what a user fixes first.
class DiagnosticSink {
 public:
  static constexpr size_t kMaxErrors = 50;

  explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}
  // Records "expected ..., found ..." style `message` at line:column under `key`.
  void error(int line, int column, std::string key, std::string message);
  bool full() const { return full_; }
  bool empty() const { return diagnostics_.empty(); }
  const std::string& file() const { return file_; }
  Diagnostics take() { return std::move(diagnostics_); }

 private:
  std::string file_;
  Diagnostics diagnostics_;
  bool full_ = false;
};

// Counts skipped records per reason, in the order reasons first occur (deterministic notes).
class SkipTally {
 public:
  void add(std::string_view reason, int64_t count = 1);
  int64_t total() const;
  // Appends "skipped N records: <reason>" for each reason.
  void append_notes(std::vector<std::string>& notes) const;

 private:
  std::vector<std::pair<std::string, int64_t>> counts_;
};

// The ids of the jobs a reader keeps, each with its line. Two kept jobs with one id would be one
// job twice in a replay (which refuses them, without a line).
class JobIds {
 public:
  void reserve(size_t n) { first_line_.reserve(n); }
  // True the first time `id` is kept; otherwise reports "expected a unique <what>, found <id>
  // again (first at line N)" under `key` at line:column and returns false.
  bool keep(int64_t id, int line, int column, std::string_view key, std::string_view what,
            DiagnosticSink& sink);

 private:
  std::unordered_map<int64_t, int> first_line_;  // lookups only: no order depends on the hash
};

// The whole file as bytes; nullopt after reporting why it could not be read.
std::optional<std::string> read_text_file(const std::filesystem::path& path, DiagnosticSink& sink);

// Every format's reader: jobs in trace order with times as in the file (not yet windowed,
// scaled or sorted), kind set, tenants resolved through `tenants`; skips counted and noted.
using TraceReader = Result<ImportedTrace> (*)(const std::filesystem::path& path,
                                              const TraceOptions& options, TenantMapper& tenants);

}  // namespace sovsim::sim
