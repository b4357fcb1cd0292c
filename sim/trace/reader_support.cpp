// sim/trace/reader_support.cpp — diagnostics cap, skip tally and whole-file reading shared by the
// trace readers. Reading is binary so line numbers and columns match what an editor shows.
#include "sim/trace/reader_support.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <system_error>

namespace sovsim::sim {

void DiagnosticSink::error(int line, int column, std::string key, std::string message) {
  if (full_) return;
  if (diagnostics_.size() == kMaxErrors) {
    diagnostics_.push_back(Diagnostic{
        file_, line, column, "", fmt::format("too many errors; stopped after {}", kMaxErrors)});
    full_ = true;
    return;
  }
  diagnostics_.push_back(Diagnostic{file_, line, column, std::move(key), std::move(message)});
}

void SkipTally::add(std::string_view reason, int64_t count) {
  for (auto& [name, n] : counts_) {
    if (name == reason) {
      n += count;
      return;
    }
  }
  counts_.emplace_back(std::string(reason), count);
}

int64_t SkipTally::total() const {
  int64_t total = 0;
  for (const auto& entry : counts_) total += entry.second;
  return total;
}

void SkipTally::append_notes(std::vector<std::string>& notes) const {
  for (const auto& [reason, n] : counts_) {
    notes.push_back(fmt::format("skipped {} record{}: {}", n, n == 1 ? "" : "s", reason));
  }
}

std::optional<std::string> read_text_file(const std::filesystem::path& path, DiagnosticSink& sink) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    sink.error(0, 0, "", "expected a trace file, found a directory");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.error(0, 0, "", "cannot open the file for reading");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    sink.error(0, 0, "", "read error");
    return std::nullopt;
  }
  return std::move(buffer).str();
}

}  // namespace sovsim::sim
