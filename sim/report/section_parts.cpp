// sim/report/section_parts.cpp — the helpers report_sections.hpp declares for every section.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "sim/report/report_format.hpp"
#include "sim/report/report_sections.hpp"

namespace sovsim::sim {

std::string section_html(std::string_view id, std::string_view heading, std::string_view about,
                         std::string_view body) {
  return fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n{}</section>\n",
                     id, heading, about, body);
}

std::string missing_note(std::string_view text) {
  return fmt::format("<p class=\"missing\">{}</p>\n", text);
}

std::string table_html(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<div class=\"wide\"><table>\n<thead><tr>";
  for (size_t c = 0; c < header.size(); ++c) {
    out += fmt::format("<th{}>{}</th>", c ? " class=\"num\"" : "", escape_html(header[c]));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (size_t c = 0; c < row.size(); ++c) {
      out += fmt::format("<td{}>{}</td>", c ? " class=\"num\"" : "", escape_html(row[c]));
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table></div>\n";
}

Axis run_time_axis(const RunOutputs& run) {
  const TimeUnit unit = time_unit_for(run.end_s);
  return exact_linear_axis(fmt::format("time since the start of the run ({})", unit.name), 0,
                           run.end_s / unit.seconds, 8);
}

std::vector<double> bucket_x(const RunOutputs& run) {
  const TimeUnit unit = time_unit_for(run.end_s);
  std::vector<double> x(run.grid.size());
  for (size_t i = 0; i < x.size(); ++i) x[i] = run.grid.bucket_mid(i) / unit.seconds;
  return x;
}

Layers top_layers(const std::vector<std::string>& names, const std::vector<BucketedValue>& series,
                  const BucketGrid& grid, size_t max_named) {
  const size_t n = std::min(names.size(), series.size());
  std::vector<double> total(n, 0.0);
  for (size_t k = 0; k < n; ++k) {
    for (size_t i = 0; i < series[k].size(); ++i) total[k] += series[k].integral(i);
  }
  std::vector<size_t> by_size(n);
  std::iota(by_size.begin(), by_size.end(), 0);
  std::stable_sort(by_size.begin(), by_size.end(),
                   [&](size_t a, size_t b) { return total[a] > total[b]; });
  // With more series than colours, the smallest share the "other" layer.
  const size_t named = n > max_named ? max_named - 1 : n;
  std::vector<bool> own(n, false);
  for (size_t k = 0; k < named; ++k) own[by_size[k]] = true;
  Layers out;
  std::vector<double> other(grid.size(), 0.0);
  for (size_t k = 0; k < n; ++k) {
    const std::vector<double> means = series[k].means(grid);
    if (!own[k]) {
      for (size_t i = 0; i < other.size(); ++i) other[i] += means[i];
      continue;
    }
    out.names.push_back(names[k]);
    out.colours.emplace_back(palette_colour(out.values.size()));
    out.values.push_back(means);
  }
  if (named < n) {
    out.names.push_back(fmt::format("other ({})", n - named));
    out.colours.emplace_back(kOtherColour);
    out.values.push_back(std::move(other));
  }
  return out;
}

const nlohmann::json& summary_list(const nlohmann::json& summary, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  const auto it = summary.find(key);
  return it != summary.end() && it->is_array() ? *it : kEmpty;
}

std::string text_of(const nlohmann::json& o, const char* key) {
  const auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace sovsim::sim
