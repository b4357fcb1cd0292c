// sim/report/svg_chart.cpp — see svg_chart.hpp: palette, axes, the SVG header and the legend
// every chart shares. The charts themselves: svg_xy_chart.cpp, svg_bar_chart.cpp,
// svg_heat_map.cpp.
#include "sim/report/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/report/report_format.hpp"

namespace sovsim::sim {
namespace {

// Okabe & Ito (2008) without black, in an order that keeps neighbouring layers apart.
constexpr std::array<std::string_view, kPaletteColours> kOkabeIto = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"};

// viridis at nine evenly spaced points (matplotlib's table).
constexpr std::array<std::array<int, 3>, 9> kViridis = {{{68, 1, 84},
                                                         {71, 45, 123},
                                                         {59, 82, 139},
                                                         {44, 114, 142},
                                                         {33, 145, 140},
                                                         {40, 174, 128},
                                                         {94, 201, 98},
                                                         {173, 220, 48},
                                                         {253, 231, 37}}};

constexpr double kCharWidth = 6.6;  // px per character at font-size 12, sans-serif (estimate)
constexpr int kLegendRow = 18;

double entry_width(const LegendEntry& e) {
  size_t chars = 0;
  for (unsigned char c : e.name) chars += (c & 0xC0) != 0x80;
  return 22 + kCharWidth * static_cast<double>(std::min<size_t>(chars, 40)) + 18;
}

}  // namespace

std::string_view palette_colour(size_t i) { return kOkabeIto[i % kOkabeIto.size()]; }

std::string viridis_colour(double fraction) {
  const double f = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0) * 8;
  const size_t lo = std::min<size_t>(static_cast<size_t>(f), 7);
  const double w = f - static_cast<double>(lo);
  std::array<int, 3> rgb{};
  for (size_t c = 0; c < 3; ++c) {
    rgb[c] = static_cast<int>(std::lround(kViridis[lo][c] * (1 - w) + kViridis[lo + 1][c] * w));
  }
  return fmt::format("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
}

std::string svg_number(double value) {
  const double rounded = std::round(value * 10) / 10;
  return fmt::format("{:.1f}", rounded == 0 ? 0.0 : rounded);
}

Axis linear_axis(std::string label, double lo, double hi, int max_ticks) {
  const Ticks t = nice_ticks(lo, hi, max_ticks);
  Axis a{std::move(label), t.lo, t.hi, false, t.values, {}};
  for (double v : t.values) a.tick_labels.push_back(tick_label(v, t.step));
  return a;
}

Axis exact_linear_axis(std::string label, double lo, double hi, int max_ticks) {
  Axis a = linear_axis(std::move(label), lo, hi, max_ticks);
  if (!(hi > lo)) return a;
  const double tolerance = (hi - lo) * 1e-9;
  while (a.ticks.size() > 1 && a.ticks.back() > hi + tolerance) {
    a.ticks.pop_back();
    a.tick_labels.pop_back();
  }
  a.hi = hi;
  return a;
}

Axis wait_axis(std::string label, double max_s) {
  Axis a{std::move(label), 1, 1, true, duration_ticks(max_s), {}};
  a.hi = a.ticks.back();
  for (double v : a.ticks) a.tick_labels.push_back(duration_tick_label(v));
  a.tick_labels.front() = "≤" + a.tick_labels.front();
  return a;
}

TimeUnit time_unit_for(double span_s) {
  if (span_s <= 3 * 86400) return {3600, "hours"};
  return {86400, "days"};
}

std::string svg_open(const std::string& id, const std::string& title, int width, int height) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{0}\" class=\"chart\" "
      "viewBox=\"0 0 {2} {3}\" width=\"{2}\" height=\"{3}\" role=\"img\" "
      "aria-labelledby=\"{0}-title\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n"
      "<title id=\"{0}-title\">{1}</title>\n"
      "<rect width=\"{2}\" height=\"{3}\" fill=\"#ffffff\"/>\n"
      "<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{1}</text>\n",
      escape_html(id), escape_html(title), width, height);
}

int legend_height(const std::vector<LegendEntry>& entries, int width) {
  if (entries.empty()) return 0;
  int rows = 1;
  double x = 0;
  for (const LegendEntry& e : entries) {
    const double w = entry_width(e);
    if (x > 0 && x + w > width) ++rows, x = 0;
    x += w;
  }
  return rows * kLegendRow;
}

std::string svg_legend(const std::vector<LegendEntry>& entries, int x0, int y0, int width) {
  std::string out;
  double x = 0;
  int y = y0;
  for (const LegendEntry& e : entries) {
    const double w = entry_width(e);
    if (x > 0 && x + w > width) y += kLegendRow, x = 0;
    const std::string sx = svg_number(x0 + x), colour = escape_html(e.colour);
    out += "<g>";
    if (e.mark == Mark::kArea) {
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/>", sx,
                         y - 9, colour);
    } else {
      out += fmt::format(
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>", sx,
          y - 4, svg_number(x0 + x + 16), y - 4, colour,
          e.mark == Mark::kDashed || e.mark == Mark::kDashedStep ? " stroke-dasharray=\"4 3\""
                                                                 : "");
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text></g>\n", svg_number(x0 + x + 22), y,
                       svg_label(e.name, 40));
    x += w;
  }
  return out;
}

std::string svg_label(std::string_view text, size_t max_chars) {
  size_t chars = 0, cut = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) {
      cut = i;
      break;
    }
    ++chars;
  }
  if (cut == text.size()) return escape_html(text);
  // Leave room for the ellipsis: drop the last whole character before it.
  size_t end = cut;
  do --end;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
  return escape_html(text.substr(0, end)) + "…";
}

}  // namespace sovsim::sim
