// sim/report/svg_xy_chart.cpp — XyChart (svg_chart.hpp): frame, gridlines, tick labels and axis
// labels, stacked areas as closed paths, lines and steps as polylines, dashed event markers, and
// the legend below the plot.
#include <fmt/format.h>

#include <algorithm>

#include "sim/report/report_format.hpp"
#include "sim/report/svg_chart.hpp"

namespace sovsim::sim {
namespace {

constexpr int kLeft = 78, kRight = 24, kTop = 34;
constexpr int kPlotRight = kChartWidth - kRight;

void append_point(std::string& out, double x, double y) {
  if (!out.empty() && out.back() != 'M' && out.back() != 'L') out += ' ';
  out += svg_number(x);
  out += ',';
  out += svg_number(y);
}

}  // namespace

XyChart::XyChart(std::string id, std::string title, Axis x, Axis y, int plot_height)
    : id_(std::move(id)),
      title_(std::move(title)),
      x_(std::move(x)),
      y_(std::move(y)),
      plot_height_(plot_height) {}

double XyChart::px(double x) const {
  const Scale s{x_.lo, x_.hi, kLeft, kPlotRight, x_.log};
  return std::clamp(s(x), double{kLeft}, double{kPlotRight});
}

double XyChart::py(double y) const {
  const double bottom = kTop + plot_height_;
  const Scale s{y_.lo, y_.hi, bottom, kTop, y_.log};
  return std::clamp(s(y), double{kTop}, bottom);
}

void XyChart::stacked_areas(const std::vector<double>& x, const std::vector<std::string>& names,
                            const std::vector<std::vector<double>>& layers,
                            const std::vector<std::string>& colours) {
  std::vector<double> below(x.size(), 0.0), above(x.size(), 0.0);
  for (size_t k = 0; k < layers.size(); ++k) {
    for (size_t i = 0; i < x.size(); ++i) above[i] = below[i] + layers[k][i];
    const std::string colour =
        k < colours.size() ? colours[k] : std::string(palette_colour(areas_ + k));
    std::string d = "M";
    for (size_t i = 0; i < x.size(); ++i) {
      append_point(d, px(x[i]), py(above[i]));
      if (i == 0) d += 'L';
    }
    for (size_t i = x.size(); i-- > 0;) append_point(d, px(x[i]), py(below[i]));
    d += 'Z';
    if (x.empty()) d.clear();
    shapes_ += fmt::format("<path d=\"{}\" fill=\"{}\" stroke=\"none\"><title>{}</title></path>\n",
                           d, escape_html(colour), escape_html(names[k]));
    legend_.push_back({names[k], colour, Mark::kArea});
    below = above;
  }
  areas_ += layers.size();
}

void XyChart::line(const std::string& name, const std::vector<double>& x,
                   const std::vector<double>& y, std::string_view colour, Mark mark) {
  const bool step = mark == Mark::kStep || mark == Mark::kDashedStep;
  const bool dashed = mark == Mark::kDashed || mark == Mark::kDashedStep;
  std::string points;
  for (size_t i = 0; i < x.size(); ++i) {
    append_point(points, px(x[i]), py(y[i]));
    if (step) append_point(points, px(i + 1 < x.size() ? x[i + 1] : x_.hi), py(y[i]));
  }
  shapes_ += fmt::format(
      "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}>"
      "<title>{}</title></polyline>\n",
      points, escape_html(colour), dashed ? "1.5" : "2", dashed ? " stroke-dasharray=\"5 3\"" : "",
      escape_html(name));
  if (!name.empty()) legend_.push_back({name, std::string(colour), mark});
}

void XyChart::vertical_marker(double x, const std::string& label) {
  const std::string sx = svg_number(px(x));
  // Labels of successive markers step down (four rows), so markers on close dates stay legible.
  const int dy = 10 + 11 * static_cast<int>(markers_count_++ % 4);
  markers_ += fmt::format(
      "<g><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#555555\" "
      "stroke-dasharray=\"2 3\"/><text x=\"{0}\" y=\"{1}\" dx=\"3\" dy=\"{5}\" font-size=\"10\" "
      "fill=\"#333333\">{3}</text><title>{4}</title></g>\n",
      sx, kTop, kTop + plot_height_, svg_label(label, 28), escape_html(label), dy);
}

std::string XyChart::svg() const {
  const int bottom = kTop + plot_height_;
  const int legend_top = bottom + 56;
  const int legend_h = legend_height(legend_, kPlotRight - kLeft);
  std::string out = svg_open(id_, title_, kChartWidth, legend_top + legend_h + 4);
  out += "<g stroke=\"#dddddd\">";  // horizontal gridlines
  for (double t : y_.ticks) {
    const std::string y = svg_number(py(t));
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", kLeft, y, kPlotRight, y);
  }
  out += "</g>\n" + shapes_ + markers_;
  out += fmt::format(
      "<g stroke=\"#000000\"><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>"
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/></g>\n",
      kLeft, kTop, bottom, kPlotRight);
  out += "<g text-anchor=\"end\">";
  for (size_t i = 0; i < y_.ticks.size(); ++i) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" dy=\"4\">{}</text>", kLeft - 6,
                       svg_number(py(y_.ticks[i])), escape_html(y_.tick_labels[i]));
  }
  out += "</g>\n<g text-anchor=\"middle\">";
  for (size_t i = 0; i < x_.ticks.size(); ++i) {
    const std::string x = svg_number(px(x_.ticks[i]));
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000000\"/>"
        "<text x=\"{0}\" y=\"{3}\">{4}</text>",
        x, bottom, bottom + 4, bottom + 16, escape_html(x_.tick_labels[i]));
  }
  out += "</g>\n";
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                     (kLeft + kPlotRight) / 2, bottom + 34, escape_html(x_.label));
  out += fmt::format(
      "<text x=\"16\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 16 "
      "{0})\">{1}</text>\n",
      kTop + plot_height_ / 2, escape_html(y_.label));
  out += svg_legend(legend_, kLeft, legend_top, kPlotRight - kLeft);
  return out + "</svg>\n";
}

}  // namespace sovsim::sim
