// sim/report/svg_heat_map.cpp — heat_map_svg (svg_chart.hpp): one rect per row × column cell,
// coloured on viridis by its fraction, light grey where there is no data; row names on the left,
// every k-th column label below (k keeps labels apart), a legend of six swatches.
#include <fmt/format.h>

#include <cmath>

#include "sim/report/report_format.hpp"
#include "sim/report/svg_chart.hpp"

namespace sovsim::sim {
namespace {

constexpr int kLeft = 190, kRight = 24, kTop = 34, kRow = 20;
constexpr int kPlotRight = kChartWidth - kRight;
constexpr std::string_view kNoData = "#eeeeee";

}  // namespace

std::string heat_map_svg(const HeatMap& map) {
  const int rows = static_cast<int>(map.rows.size());
  const size_t columns = map.columns.size();
  const double cell_w = columns ? static_cast<double>(kPlotRight - kLeft) / columns : 0;
  const int bottom = kTop + rows * kRow;
  const int legend_y = bottom + 56;
  std::string out = svg_open(map.id, map.title, kChartWidth, legend_y + 10);
  for (int r = 0; r < rows; ++r) {
    const int y = kTop + r * kRow;
    out += fmt::format(
        "<g><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><title>{}</title></g>\n",
        kLeft - 6, y + kRow - 6, svg_label(map.rows[r], 26), escape_html(map.rows[r]));
    for (size_t c = 0; c < columns; ++c) {
      const double v = map.values[r][c];
      const bool data = std::isfinite(v);
      out += fmt::format(
          "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">"
          "<title>{}, {} {}: {}</title></rect>",
          svg_number(kLeft + c * cell_w), y, svg_number(cell_w), kRow - 1,
          data ? viridis_colour(v) : std::string(kNoData), escape_html(map.rows[r]),
          escape_html(map.column_name), escape_html(map.columns[c]),
          data ? format_percent(v) : "no capacity in service");
    }
    out += "\n";
  }
  // Column labels at least ~32 px apart.
  const size_t every = cell_w > 0 ? static_cast<size_t>(std::ceil(32 / cell_w)) : 1;
  out += "<g text-anchor=\"middle\">";
  for (size_t c = 0; c < columns; c += every) {
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", svg_number(kLeft + (c + 0.5) * cell_w),
                       bottom + 16, escape_html(map.columns[c]));
  }
  out += fmt::format("</g>\n<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                     (kLeft + kPlotRight) / 2, bottom + 34, escape_html(map.column_axis));
  int x = kLeft;
  for (int i = 0; i <= 5; ++i) {
    const double f = i / 5.0;
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\">{}</text>",
        x, legend_y - 9, viridis_colour(f), x + 18, legend_y, format_percent(f));
    x += 70;
  }
  out += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\" "
      "stroke=\"#bbbbbb\"/><text x=\"{}\" y=\"{}\">no capacity in service</text>\n",
      x, legend_y - 9, kNoData, x + 18, legend_y);
  return out + "</svg>\n";
}

}  // namespace sovsim::sim
