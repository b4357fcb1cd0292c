// sim/trace/reader_support.cpp — diagnostics cap, skip tally and whole-file reading shared by the
// trace readers. Reading is binary so line numbers and columns match what an editor shows.
#include "sim/trace/reader_support.hpp"

#include <fmt/format.h>

#include "models/common/input_file.hpp"

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

bool JobIds::keep(int64_t id, int line, int column, std::string_view key, std::string_view what,
                  DiagnosticSink& sink) {
  const auto [first, inserted] = first_line_.try_emplace(id, line);
  if (inserted) return true;
  sink.error(line, column, std::string(key),
             fmt::format("expected a unique {}, found {} again (first at line {})", what, id,
                         first->second));
  return false;
}

std::optional<std::string> read_text_file(const std::filesystem::path& path, DiagnosticSink& sink) {
  auto text = read_input_file(path, "trace file", kMaxTraceFileBytes);
  if (!text.ok()) {
    sink.error(0, 0, "", text.diagnostics().front().message);
    return std::nullopt;
  }
  return std::move(text).value();
}

}  // namespace sovsim::sim
