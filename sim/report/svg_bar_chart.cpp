// sim/report/svg_bar_chart.cpp — BarChart (svg_chart.hpp): one horizontal bar per row, its
// segments stacked left to right, row names on the left, the value axis below, marks and
// reference lines across the bars, the legend of the segments at the bottom.
#include <fmt/format.h>

#include <algorithm>

#include "sim/report/report_format.hpp"
#include "sim/report/svg_chart.hpp"

namespace sovsim::sim {
namespace {

constexpr int kLabelChars = 26;
constexpr int kLeft = 190, kRight = 24, kTop = 34, kRow = 22, kBar = 14;
constexpr int kPlotRight = kChartWidth - kRight;

std::string value_text(double value, const std::string& unit) {
  return format_quantity(value) + (unit.empty() ? "" : (unit == "%" ? "" : " ") + unit);
}

}  // namespace

BarChart::BarChart(std::string id, std::string title, std::string value_label, std::string unit,
                   std::vector<std::string> segment_names)
    : id_(std::move(id)),
      title_(std::move(title)),
      value_label_(std::move(value_label)),
      unit_(std::move(unit)),
      segment_names_(std::move(segment_names)) {}

void BarChart::reference_line(double value, std::string label) {
  references_.push_back({value, std::move(label)});
}

std::string BarChart::svg() const {
  double top_value = 0;
  for (const BarRow& r : rows_) {
    double sum = 0;
    for (double v : r.segments) sum += std::max(v, 0.0);
    top_value = std::max(top_value, sum);
    for (const auto& m : r.marks) top_value = std::max(top_value, m.value);
  }
  for (const auto& m : references_) top_value = std::max(top_value, m.value);
  const Axis axis = linear_axis(value_label_, 0, top_value > 0 ? top_value : 1);
  const Scale x{axis.lo, axis.hi, kLeft, kPlotRight, false};
  const int rows = static_cast<int>(rows_.size());
  const int bottom = kTop + rows * kRow + 4;
  std::vector<LegendEntry> legend;
  if (segment_names_.size() > 1) {
    for (size_t s = 0; s < segment_names_.size(); ++s) {
      legend.push_back({segment_names_[s], std::string(palette_colour(s)), Mark::kArea});
    }
  }
  const int legend_top = bottom + 56;
  std::string out = svg_open(id_, title_, kChartWidth,
                             legend_top + legend_height(legend, kPlotRight - kLeft) + 4);
  out += "<g stroke=\"#dddddd\">";
  for (double t : axis.ticks) {
    const std::string sx = svg_number(x(t));
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>", sx, kTop, bottom);
  }
  out += "</g>\n";
  for (int r = 0; r < rows; ++r) {
    const BarRow& row = rows_[r];
    const int y = kTop + r * kRow + (kRow - kBar) / 2;
    out += fmt::format(
        "<g><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><title>{}</title></g>", kLeft - 6,
        y + kBar - 3, svg_label(row.name, kLabelChars), escape_html(row.name));
    double at = 0;
    for (size_t s = 0; s < row.segments.size(); ++s) {
      const double v = std::max(row.segments[s], 0.0);
      const std::string name =
          segment_names_.size() > 1 ? row.name + " — " + segment_names_[s] : row.name;
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}: "
          "{}</title></rect>",
          svg_number(x(at)), y, svg_number(x(at + v) - x(at)), kBar, palette_colour(s),
          escape_html(name), escape_html(value_text(v, unit_)));
      at += v;
    }
    for (const auto& m : row.marks) {
      const std::string sx = svg_number(x(m.value));
      out += fmt::format(
          "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000000\" stroke-width=\"3\">"
          "<title>{3}: {4}</title></line>",
          sx, y - 3, y + kBar + 3, escape_html(m.label), escape_html(value_text(m.value, unit_)));
    }
    out += "\n";
  }
  for (const auto& m : references_) {
    const std::string sx = svg_number(x(m.value));
    out += fmt::format(
        "<g><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000000\" "
        "stroke-dasharray=\"5 3\"/><text x=\"{0}\" y=\"{1}\" dx=\"-3\" dy=\"-3\" font-size=\"10\" "
        "text-anchor=\"end\">"
        "{3}</text></g>\n",
        sx, kTop - 2, bottom, escape_html(m.label));
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000000\"/>",
                     kLeft, kTop, bottom);
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#000000\"/>\n",
                     kLeft, bottom, kPlotRight);
  out += "<g text-anchor=\"middle\">";
  for (size_t i = 0; i < axis.ticks.size(); ++i) {
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", svg_number(x(axis.ticks[i])),
                       bottom + 16, escape_html(axis.tick_labels[i]));
  }
  out += fmt::format("</g>\n<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                     (kLeft + kPlotRight) / 2, bottom + 34, escape_html(axis.label));
  out += svg_legend(legend, kLeft, legend_top, kPlotRight - kLeft);
  return out + "</svg>\n";
}

}  // namespace sovsim::sim
