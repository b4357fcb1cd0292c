// sim/report/svg_chart.hpp — charts as inline SVG text, for report.html and later for sweep
// reports: axes with nice ticks and labelled units, a colour-blind-safe palette (Okabe & Ito),
// legends, and three kinds of chart: x/y (stacked areas, lines, steps, vertical event markers),
// horizontal bars (stacked segments, marks, a reference line) and heat maps. Every element
// carries an SVG <title> (the browser's tooltip); every name is HTML-escaped here; coordinates
// are printed with one decimal, so the same data always give the same bytes. No script, no
// external resource: each <svg> stands alone (its styling is in attributes, not in CSS).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/report/chart_scale.hpp"

namespace sovsim::sim {

// Okabe & Ito's colours, distinguishable with the common colour-vision deficiencies, without
// their black, which draws totals and capacity (kInk); colour i cycles through the seven. Grey is
// kept for the "other" layer that collects what does not get a colour of its own.
inline constexpr size_t kPaletteColours = 7;
inline constexpr std::string_view kInk = "#000000";
inline constexpr std::string_view kOtherColour = "#999999";
std::string_view palette_colour(size_t i);
// A colour of the sequential viridis scale for `fraction` in [0, 1] (clamped), as "#rrggbb".
std::string viridis_colour(double fraction);

// A pixel coordinate as text: one decimal, never "-0.0".
std::string svg_number(double value);

// An axis: its label (with the unit), data range, ticks and their labels.
struct Axis {
  std::string label;
  double lo = 0, hi = 1;
  bool log = false;
  std::vector<double> ticks;
  std::vector<std::string> tick_labels;
};
// Linear, from nice_ticks() over [lo, hi].
Axis linear_axis(std::string label, double lo, double hi, int max_ticks = 6);
// The same ticks, but the axis ends exactly at `hi` (a time axis ending with the run).
Axis exact_linear_axis(std::string label, double lo, double hi, int max_ticks = 6);
// Logarithmic over durations in seconds, from 1 s to a duration tick >= max_s; the first label
// reads "≤1 s" (smaller values are drawn at 1 s).
Axis wait_axis(std::string label, double max_s);

// The unit a time axis is drawn in: hours for runs up to three days, else days.
struct TimeUnit {
  double seconds = 86400;
  std::string name = "days";
};
TimeUnit time_unit_for(double span_s);

enum class Mark { kArea, kLine, kDashed, kStep, kDashedStep };
struct LegendEntry {
  std::string name;
  std::string colour;
  Mark mark = Mark::kArea;
};

// Chart geometry shared by the kinds below.
inline constexpr int kChartWidth = 880;

// x/y chart: areas stacked bottom to top, lines and steps over them, dashed vertical markers.
class XyChart {
 public:
  XyChart(std::string id, std::string title, Axis x, Axis y, int plot_height = 260);
  // One filled area per layer, stacked in order over the shared `x` (ascending); colours[k], or
  // palette colours in order where none is given. Empty layers are drawn (flat) so colours match
  // the legend.
  void stacked_areas(const std::vector<double>& x, const std::vector<std::string>& names,
                     const std::vector<std::vector<double>>& layers,
                     const std::vector<std::string>& colours = {});
  // A polyline through (x[i], y[i]); kStep and kDashedStep hold each y until the next x (and the
  // last to the axis end).
  void line(const std::string& name, const std::vector<double>& x, const std::vector<double>& y,
            std::string_view colour, Mark mark = Mark::kLine);
  void vertical_marker(double x, const std::string& label);
  std::string svg() const;

 private:
  double px(double x) const;
  double py(double y) const;
  std::string id_, title_;
  Axis x_, y_;
  int plot_height_;
  std::string shapes_, markers_;
  std::vector<LegendEntry> legend_;
  size_t areas_ = 0, markers_count_ = 0;
};

// One row of a horizontal bar chart: segments stacked left to right (in the chart's segment
// order and colours) and marks drawn as short vertical ticks across the bar.
struct BarRow {
  std::string name;
  std::vector<double> segments;
  struct BarMark {
    double value;
    std::string label;
  };
  std::vector<BarMark> marks;
};

class BarChart {
 public:
  // `unit` follows values in tooltips ("GPU-h", "%").
  BarChart(std::string id, std::string title, std::string value_label, std::string unit,
           std::vector<std::string> segment_names);
  void add_row(BarRow row) { rows_.push_back(std::move(row)); }
  // A dashed vertical line across all rows (e.g. 100% of entitlement).
  void reference_line(double value, std::string label);
  size_t rows() const { return rows_.size(); }
  std::string svg() const;

 private:
  std::string id_, title_, value_label_, unit_;
  std::vector<std::string> segment_names_;
  std::vector<BarRow> rows_;
  std::vector<BarRow::BarMark> references_;
};

// A grid of fractions in [0, 1] (NaN: no data) coloured on the viridis scale.
struct HeatMap {
  std::string id, title;
  std::string column_axis;                  // e.g. "week of the run"
  std::string column_name;                  // in tooltips before the label: "week" -> "week 3"
  std::vector<std::string> rows, columns;   // row names, column labels
  std::vector<std::vector<double>> values;  // values[row][column]
};
std::string heat_map_svg(const HeatMap& map);

// Building blocks the charts share.
std::string svg_open(const std::string& id, const std::string& title, int width, int height);
int legend_height(const std::vector<LegendEntry>& entries, int width);
std::string svg_legend(const std::vector<LegendEntry>& entries, int x, int y, int width);
// `text` cut to `max_chars` characters (UTF-8 aware) with "…" when cut, then escaped.
std::string svg_label(std::string_view text, size_t max_chars);

}  // namespace sovsim::sim
