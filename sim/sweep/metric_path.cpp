// sim/sweep/metric_path.cpp — see metric_path.hpp.
#include "sim/sweep/metric_path.hpp"

#include <fmt/format.h>

#include <charconv>

namespace sovsim::sim {
namespace {

bool plain_name(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c == '.' || c == '[' || c == ']' || c == '=' || c == ' ') return false;
  }
  return true;
}

// A field value as text, to compare with a [field=value] selector: strings as they are,
// numbers and booleans as JSON writes them.
std::string as_text(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

}  // namespace

std::optional<MetricPath> MetricPath::parse(const std::string& text, std::string& error) {
  MetricPath path;
  path.text_ = text;
  size_t i = 0;
  auto fail = [&](const std::string& why) {
    error = fmt::format("bad metric path '{}': {}", text, why);
    return std::nullopt;
  };
  while (i < text.size()) {
    if (text[i] == '[') {
      const size_t close = text.find(']', i);
      if (close == std::string::npos) return fail("'[' without ']'");
      const std::string inside = text.substr(i + 1, close - i - 1);
      const size_t eq = inside.find('=');
      if (eq != std::string::npos) {
        Select s{inside.substr(0, eq), inside.substr(eq + 1)};
        if (!plain_name(s.field) || s.value.empty() || s.value.find('[') != std::string::npos) {
          return fail("expected [field=value], found [" + inside + "]");
        }
        path.steps_.emplace_back(std::move(s));
      } else {
        size_t index = 0;
        const auto [end, ec] = std::from_chars(inside.data(), inside.data() + inside.size(), index);
        if (inside.empty() || ec != std::errc() || end != inside.data() + inside.size()) {
          return fail("expected a list index [N] or [field=value], found [" + inside + "]");
        }
        path.steps_.emplace_back(Index{index});
      }
      i = close + 1;
      if (i < text.size() && text[i] != '.' && text[i] != '[') {
        return fail("expected '.' or '[' after ']'");
      }
      if (i < text.size() && text[i] == '.') {
        ++i;
        if (i == text.size()) return fail("ends with '.'");
      }
      continue;
    }
    const size_t end = text.find_first_of(".[", i);
    const std::string name = text.substr(i, end - i);
    if (!plain_name(name))
      return fail("empty or malformed key at character " + std::to_string(i + 1));
    path.steps_.emplace_back(Key{name});
    i = end == std::string::npos ? text.size() : end;
    if (i < text.size() && text[i] == '.') {
      ++i;
      if (i == text.size()) return fail("ends with '.'");
    }
  }
  if (path.steps_.empty()) return fail("empty");
  return path;
}

std::optional<double> MetricPath::resolve(const nlohmann::json& summary, std::string& error) const {
  const nlohmann::json* node = &summary;
  std::string walked;
  auto fail = [&](const std::string& why) {
    error = fmt::format("metric path '{}': {}", text_, why);
    return std::nullopt;
  };
  for (const Step& step : steps_) {
    if (const auto* key = std::get_if<Key>(&step)) {
      walked += (walked.empty() ? "" : ".") + key->name;
      if (!node->is_object() || !node->contains(key->name)) return fail("no key '" + walked + "'");
      node = &(*node)[key->name];
    } else if (const auto* index = std::get_if<Index>(&step)) {
      walked += fmt::format("[{}]", index->index);
      if (!node->is_array()) return fail("'" + walked + "': not a list");
      if (index->index >= node->size()) {
        return fail(fmt::format("'{}': index out of range (the list has {} elements)", walked,
                                node->size()));
      }
      node = &(*node)[index->index];
    } else {
      const auto& select = std::get<Select>(step);
      walked += fmt::format("[{}={}]", select.field, select.value);
      if (!node->is_array()) return fail("'" + walked + "': not a list");
      const nlohmann::json* found = nullptr;
      for (const auto& element : *node) {
        if (element.is_object() && element.contains(select.field) &&
            as_text(element[select.field]) == select.value) {
          found = &element;
          break;
        }
      }
      if (!found) return fail(fmt::format("no element with {}={}", select.field, select.value));
      node = found;
    }
  }
  if (node->is_null()) return std::nullopt;
  if (node->is_number()) return node->get<double>();
  if (node->is_boolean()) return node->get<bool>() ? 1.0 : 0.0;
  return fail(fmt::format("'{}' is {}, not a number", walked,
                          node->is_object()  ? "a map"
                          : node->is_array() ? "a list"
                                             : "text"));
}

}  // namespace sovsim::sim
