// sim/cli/estimate_report.cpp — see estimate_report.hpp: the catalog listings. The training
// and serving reports are in estimate_train_report.cpp and estimate_infer_report.cpp.
#include "sim/cli/estimate_report.hpp"

#include <fmt/format.h>

#include "sim/cli/estimate_format.hpp"

namespace sovsim::cli {

using namespace estimate_format;  // NOLINT: this file's vocabulary

namespace {

// A catalog listing: JSON under `key` (each entry marked from_file), or one text line per entry
// with `marker` after the ones a user file added.
template <class Entry, class ToJson, class TextLine>
void print_catalog_list(const std::vector<Entry>& all, const std::vector<std::string>& file_names,
                        bool json_out, std::ostream& out, const char* key, const char* marker,
                        ToJson to_json, TextLine text_line) {
  auto from_file = [&](const std::string& n) {
    return std::find(file_names.begin(), file_names.end(), n) != file_names.end();
  };
  if (json_out) {
    json list = json::array();
    for (const auto& e : all) {
      json entry = to_json(e);
      entry["from_file"] = from_file(e.name);
      list.push_back(entry);
    }
    out << json{{key, list}}.dump(2) << "\n";
    return;
  }
  for (const auto& e : all) out << text_line(e) << (from_file(e.name) ? marker : "") << "\n";
}

}  // namespace

void print_hardware_list(const std::vector<models::Hardware>& all,
                         const std::vector<std::string>& file_names, bool json_out,
                         std::ostream& out) {
  print_catalog_list(all, file_names, json_out, out, "hardware", "  [--hw-file]", hardware_json,
                     [](const models::Hardware& h) {
                       return fmt::format("{:<12} {:>6.0f} TF bf16 {:>4.0f} GiB  {:<10} {}",
                                          h.name, h.bf16_flops / 1e12, h.hbm_bytes / kGiB,
                                          h.vendor, one_line(h.description));
                     });
}

void print_model_list(const std::vector<models::Transformer>& all,
                      const std::vector<std::string>& file_names, bool json_out,
                      std::ostream& out) {
  print_catalog_list(all, file_names, json_out, out, "models", "  [--model-file]", model_json,
                     [](const models::Transformer& m) {
                       const std::string& what = m.description.empty() ? m.source : m.description;
                       return fmt::format("{:<22} {:>7.1f} B  {}", m.name, m.params() / 1e9,
                                          one_line(what));
                     });
}

}  // namespace sovsim::cli
