// sim/trace/philly_reader.cpp — Philly cluster_job_log reader. The file is one large JSON array
// (~117k jobs); nlohmann's parser callback hands over one job at a time and the job is discarded
// after use, so memory stays at the file text plus one job. Errors inside a job name its array
// index ("[12].submitted_time"): the callback API does not give line numbers.
#include "sim/trace/philly_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <nlohmann/json.hpp>

#include "models/common/text_check.hpp"
#include "sim/trace/csv.hpp"
#include "sim/trace/reader_support.hpp"
#include "sim/trace/tenant_mapper.hpp"
#include "sim/trace/timestamp.hpp"

namespace sovsim::sim {
namespace {

using nlohmann::json;

// 1-based line and column of byte `offset` in `text`.
std::pair<int, int> line_column(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const size_t newline = before.rfind('\n');
  const size_t column = newline == std::string_view::npos ? offset : offset - newline - 1;
  return {line, static_cast<int>(column) + 1};
}

class PhillyJobs {
 public:
  PhillyJobs(const TraceOptions& options, TenantMapper& tenants, DiagnosticSink& sink)
      : options_(options), tenants_(tenants), sink_(sink) {}

  // One element of the top-level array; `index` is 0-based.
  void add(const json& job, int64_t index);
  ImportedTrace finish();

 private:
  void error(int64_t index, std::string_view key, std::string message) {
    sink_.error(0, 0, fmt::format("[{}]{}{}", index, key.empty() ? "" : ".", key),
                std::move(message));
  }
  // A timestamp member that may be absent, null or "None" (nullopt then); `bad` is set when
  // present but malformed (already reported).
  std::optional<double> time_member(const json& object, const char* name, int64_t index,
                                    std::string_view key, bool& bad);

  const TraceOptions& options_;
  TenantMapper& tenants_;
  DiagnosticSink& sink_;
  ImportedTrace out_;
  SkipTally skips_;
  double origin_ = std::numeric_limits<double>::infinity();
  int64_t multi_attempt_ = 0;
};

std::optional<double> PhillyJobs::time_member(const json& object, const char* name, int64_t index,
                                              std::string_view key, bool& bad) {
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (it->is_string() && is_missing(it->get_ref<const std::string&>())) return std::nullopt;
  std::optional<double> t;
  if (it->is_string()) t = parse_timestamp_s(it->get_ref<const std::string&>());
  if (!t) {
    error(index, key,
          fmt::format("expected a time 'YYYY-MM-DD HH:MM:SS' or null, found {}",
                      quote_for_message(it->dump())));
    bad = true;
  }
  return t;
}

void PhillyJobs::add(const json& job, int64_t index) {
  if (!job.is_object()) {
    error(index, "", fmt::format("expected a job object, found {}", job.type_name()));
    return;
  }
  bool bad = false;
  const std::optional<double> submit =
      time_member(job, "submitted_time", index, "submitted_time", bad);
  std::array<std::string, 2> owner;  // user, vc
  const std::array<const char*, 2> owner_keys = {"user", "vc"};
  for (size_t i = 0; i < owner.size(); ++i) {
    const auto it = job.find(owner_keys[i]);
    if (it == job.end() || it->is_null()) continue;
    if (!it->is_string()) {
      error(index, owner_keys[i], fmt::format("expected a string, found {}", it->type_name()));
      bad = true;
      continue;
    }
    owner[i] = it->get<std::string>();
  }
  const auto attempts = job.find("attempts");
  if (attempts == job.end() || !attempts->is_array()) {
    error(index, "attempts",
          fmt::format("expected an array of attempts, found {}",
                      attempts == job.end() ? "none" : attempts->type_name()));
    return;
  }
  const json* last = attempts->empty() ? nullptr : &attempts->back();
  if (last != nullptr && !last->is_object()) {
    error(index, fmt::format("attempts[{}]", attempts->size() - 1),
          fmt::format("expected an attempt object, found {}", last->type_name()));
    return;
  }
  std::optional<double> start, end;
  int64_t gpus = 0;
  if (last != nullptr) {
    const std::string key = fmt::format("attempts[{}]", attempts->size() - 1);
    start = time_member(*last, "start_time", index, key + ".start_time", bad);
    end = time_member(*last, "end_time", index, key + ".end_time", bad);
    const auto detail = last->find("detail");
    if (detail != last->end() && !detail->is_null()) {
      if (!detail->is_array()) {
        error(index, key + ".detail",
              fmt::format("expected an array, found {}", detail->type_name()));
        return;
      }
      for (size_t d = 0; d < detail->size(); ++d) {
        const json& machine = (*detail)[d];
        const auto list = machine.is_object() ? machine.find("gpus") : machine.end();
        if (!machine.is_object() || list == machine.end() || !list->is_array()) {
          error(index, fmt::format("{}.detail[{}].gpus", key, d), "expected an array of GPU names");
          return;
        }
        gpus += static_cast<int64_t>(list->size());
      }
    }
  }
  if (bad) return;
  if (!submit) {
    skips_.add("no submitted_time");
    return;
  }
  origin_ = std::min(origin_, *submit);
  if (last == nullptr) {
    skips_.add("no scheduling attempt (never ran)");
  } else if (!start) {
    skips_.add("last attempt has no start_time (logging gap)");
  } else if (!end) {
    skips_.add("last attempt has no end_time (still running when the log was taken)");
  } else if (*end < *start) {
    skips_.add("last attempt ends before it starts");
  } else if (gpus == 0) {
    skips_.add("no GPUs listed in the last attempt's detail");
  } else if (gpus > kMaxTraceGpus) {
    error(index, "attempts",
          fmt::format("expected at most {} GPUs, found {}", kMaxTraceGpus, gpus));
  } else {
    if (attempts->size() > 1) ++multi_attempt_;
    JobSpec spec;
    spec.id = index + 1;
    spec.kind = options_.kind;
    spec.submit_s = *submit;
    spec.duration_s = *end - *start;
    spec.estimate_s = spec.duration_s;
    spec.gpus = static_cast<int>(gpus);
    const std::array<TraceAttribute, 2> attributes = {TraceAttribute{"user", owner[0]},
                                                      TraceAttribute{"vc", owner[1]}};
    spec.tenant = tenants_.tenant(attributes);
    out_.jobs.push_back(std::move(spec));
  }
}

ImportedTrace PhillyJobs::finish() {
  for (JobSpec& job : out_.jobs) job.submit_s -= origin_;
  if (origin_ < std::numeric_limits<double>::infinity()) {
    out_.notes.push_back(fmt::format("time 0 is {} (earliest submitted_time in the file)",
                                     format_timestamp(origin_)));
  }
  out_.skipped = skips_.total();
  skips_.append_notes(out_.notes);
  if (multi_attempt_ > 0) {
    out_.notes.push_back(
        fmt::format("{} job{} had several attempts; each uses its last attempt's run time and GPUs",
                    multi_attempt_, multi_attempt_ == 1 ? "" : "s"));
  }
  return std::move(out_);
}

}  // namespace

Result<ImportedTrace> read_philly_trace(const std::filesystem::path& path,
                                        const TraceOptions& options, TenantMapper& tenants) {
  DiagnosticSink sink(path.string());
  const std::optional<std::string> content = read_text_file(path, sink);
  if (!content) return sink.take();
  const size_t first = content->find_first_not_of(" \t\r\n");
  if (first == std::string::npos || (*content)[first] != '[') {
    const auto [line, column] = line_column(*content, first == std::string::npos ? 0 : first);
    sink.error(
        line, column, "",
        fmt::format("expected a JSON array of jobs ('['), found {}",
                    first == std::string::npos ? "an empty file"
                                               : quote_for_message(content->substr(first, 1))));
    return sink.take();
  }

  PhillyJobs jobs(options, tenants, sink);
  int64_t index = 0;
  const json::parser_callback_t on_event = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth != 1) return true;
    if (event != json::parse_event_t::object_end && event != json::parse_event_t::array_end &&
        event != json::parse_event_t::value) {
      return true;
    }
    jobs.add(parsed, index++);
    return false;  // drop the job from the DOM: it has been converted
  };
  try {
    // Every job was dropped by the callback, so what remains is an empty array.
    const json rest = json::parse(content->begin(), content->end(), on_event);
  } catch (const json::parse_error& e) {
    const auto [line, column] = line_column(*content, e.byte == 0 ? 0 : e.byte - 1);
    std::string what = e.what();
    const size_t cut = what.find("] ");
    sink.error(line, column, "",
               fmt::format("expected valid JSON, found a syntax error ({})",
                           printable_text(cut == std::string::npos ? what : what.substr(cut + 2))));
  } catch (const json::exception& e) {
    sink.error(0, 0, "", fmt::format("expected valid JSON ({})", printable_text(e.what())));
  }
  if (index == 0 && sink.empty()) {  // `[]`: refused like an empty file
    const auto [line, column] = line_column(*content, first);
    sink.error(line, column, "", "expected a JSON array of jobs, found an empty array");
  }
  if (!sink.empty()) return sink.take();
  return jobs.finish();
}

}  // namespace sovsim::sim
