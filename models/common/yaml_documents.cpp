// models/common/yaml_documents.cpp — see yaml_documents.hpp.
#include "models/common/yaml_documents.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <vector>

namespace sovsim {
namespace {

// Records where each document starts; ignores everything else.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> starts;
  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

bool has_document_marker(const std::string& text) {
  for (size_t at = 0; at < text.size();) {
    if (text.compare(at, 3, "---") == 0 || text.compare(at, 3, "...") == 0) return true;
    const size_t end_of_line = text.find('\n', at);
    if (end_of_line == std::string::npos) break;
    at = end_of_line + 1;
  }
  return false;
}

}  // namespace

std::optional<YamlDocumentProblem> second_yaml_document(const std::string& text,
                                                        bool first_is_null) {
  if (!first_is_null && !has_document_marker(text)) return std::nullopt;
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts documents;
  try {
    // Two at most: on some text the parser yields empty documents forever.
    if (!parser.HandleNextDocument(documents) || !parser.HandleNextDocument(documents)) {
      return std::nullopt;
    }
  } catch (const YAML::Exception& e) {
    return YamlDocumentProblem{e.mark, e.msg, true};
  }
  const YAML::Mark first = documents.starts.at(0), second = documents.starts.at(1);
  if (first.pos == second.pos) {  // no progress: nothing a document can start with
    const size_t pos = static_cast<size_t>(std::max(0, second.pos));
    const std::string found = pos < text.size() ? "'" + text.substr(pos, 1) + "'" : "the end";
    return YamlDocumentProblem{
        second, "expected a key, a value or the end of the file, found " + found, true};
  }
  return YamlDocumentProblem{second,
                             "a second YAML document; expected one: remove the '---' that starts "
                             "it, or what follows"};
}

}  // namespace sovsim
