// models/common/yaml_documents.hpp — checks that YAML text holds one document. YAML::Load reads
// the first document and ignores the rest, and on some malformed text (a stray ',' at the top
// level) it returns an empty document where yaml-cpp's parser is stuck; YAML::LoadAll loops
// forever on that text. This walks the documents' events, at most two, to tell which.
#pragma once

#include <yaml-cpp/mark.h>

#include <optional>
#include <string>

namespace sovsim {

struct YamlDocumentProblem {
  YAML::Mark at;
  std::string message;
  bool syntax_error = false;  // the text is not YAML (else: valid YAML, two documents)
};

// Nothing if `text` is one YAML document (or none); else where the second starts, or where the
// parser is stuck, and what was expected. Parses again only when the text has a line starting
// with '---' or '...', or when `first_is_null` (YAML::Load gave a null document).
std::optional<YamlDocumentProblem> second_yaml_document(const std::string& text, bool first_is_null);

}  // namespace sovsim
