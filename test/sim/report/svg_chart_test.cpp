// test/sim/report/svg_chart_test.cpp — the SVG charts: data land at the right pixels, stacked
// layers add up, heat maps have one cell per row × column, names are escaped and cut by
// characters (not bytes), and the same data give the same bytes.
#include "sim/report/svg_chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace sovsim::sim {
namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(SvgChart, LineLandsOnThePlotCorners) {
  // Plot area: x 78..856 px, y 34..294 px (plot height 260).
  XyChart chart("c", "t", linear_axis("x (s)", 0, 10), linear_axis("y (GPUs)", 0, 100));
  chart.line("diagonal", {0, 5, 10}, {0, 50, 100}, "#000000");
  const std::string svg = chart.svg();
  EXPECT_NE(svg.find("points=\"78.0,294.0 467.0,164.0 856.0,34.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find(">x (s)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">y (GPUs)</text>"), std::string::npos);
}

TEST(SvgChart, StepHoldsEachValueUntilTheNextX) {
  XyChart chart("c", "t", linear_axis("x", 0, 10), linear_axis("y", 0, 100));
  chart.line("steps", {0, 5}, {0, 100}, "#000000", Mark::kStep);
  EXPECT_NE(chart.svg().find("points=\"78.0,294.0 467.0,294.0 467.0,34.0 856.0,34.0\""),
            std::string::npos);
}

TEST(SvgChart, StackedAreasAddUp) {
  XyChart chart("c", "t", linear_axis("x", 0, 1), linear_axis("y", 0, 100));
  chart.stacked_areas({0, 1}, {"a", "b"}, {{20, 20}, {30, 50}});
  const std::string svg = chart.svg();
  // a: from 20 down to 0; b: from 20 + 30 = 50 (and 70) down to a's top.
  EXPECT_NE(svg.find("d=\"M78.0,242.0L856.0,242.0 856.0,294.0 78.0,294.0Z\""), std::string::npos)
      << svg;
  EXPECT_NE(svg.find("d=\"M78.0,164.0L856.0,112.0 856.0,242.0 78.0,242.0Z\""), std::string::npos)
      << svg;
  EXPECT_EQ(count(svg, "<rect x="), 2u);  // two legend swatches
}

TEST(SvgChart, ExactAxisEndsAtItsDataWithTicksWithin) {
  const Axis days = exact_linear_axis("days", 0, 365, 8);
  EXPECT_DOUBLE_EQ(days.hi, 365);
  EXPECT_EQ(days.ticks, (std::vector<double>{0, 100, 200, 300}));  // not 400
  EXPECT_EQ(days.tick_labels.back(), "300");
  EXPECT_DOUBLE_EQ(exact_linear_axis("days", 0, 7, 8).ticks.back(), 7);
}

TEST(SvgChart, ValuesBeyondTheAxisAreClipped) {
  XyChart chart("c", "t", linear_axis("x", 0, 10), linear_axis("y", 0, 100));
  chart.line("", {0, 20}, {-5, 1000}, "#000000");
  EXPECT_NE(chart.svg().find("points=\"78.0,294.0 856.0,34.0\""), std::string::npos);
}

TEST(SvgChart, NamesAreEscapedEverywhere) {
  const std::string evil = "<b>&\"x'";
  XyChart chart("c", evil, linear_axis(evil, 0, 1), linear_axis("y", 0, 1));
  chart.stacked_areas({0, 1}, {evil}, {{0.5, 0.5}});
  chart.vertical_marker(0.5, evil);
  BarChart bars("b", evil, evil, "GPU-h", {evil, "other"});
  bars.add_row({evil, {1, 2}, {{1.5, evil}}});
  HeatMap map{"h", evil, evil, evil, {evil}, {evil}, {{0.5}}};
  for (const std::string& svg : {chart.svg(), bars.svg(), heat_map_svg(map)}) {
    EXPECT_EQ(svg.find("<b>"), std::string::npos) << svg;
    EXPECT_EQ(svg.find("&\""), std::string::npos) << svg;
    EXPECT_NE(svg.find("&lt;b&gt;&amp;&quot;x&#39;"), std::string::npos) << svg;
  }
}

TEST(SvgChart, LabelsAreCutByCharacters) {
  EXPECT_EQ(svg_label("가나다라마", 5), "가나다라마");
  EXPECT_EQ(svg_label("가나다라마", 3), "가나…");
  EXPECT_EQ(svg_label("a&bcdef", 4), "a&amp;b…");
}

TEST(SvgChart, HeatMapHasOneCellPerRowAndColumn) {
  const double none = std::numeric_limits<double>::quiet_NaN();
  HeatMap map{"h",
              "t",
              "week of the run",
              "week",
              {"s1", "s2"},
              {"1", "2", "3"},
              {{0, 0.5, 1}, {none, 1, 0.25}}};
  const std::string svg = heat_map_svg(map);
  EXPECT_EQ(count(svg, "<rect class=\"cell\""), 6u);
  EXPECT_NE(svg.find("fill=\"" + viridis_colour(0) + "\"><title>s1, week 1: 0.0%"),
            std::string::npos);
  EXPECT_NE(svg.find("<title>s2, week 1: no capacity in service"), std::string::npos);
  EXPECT_EQ(viridis_colour(0), "#440154");
  EXPECT_EQ(viridis_colour(1), "#fde725");
  EXPECT_EQ(viridis_colour(7), "#fde725");  // clamped
}

TEST(SvgChart, BarSegmentsAreProportional) {
  BarChart bars("b", "t", "GPU-hours", "GPU-h", {"x", "y"});
  bars.add_row({"r", {30, 10}, {}});  // axis 0..40: plot 190..856 px = 666 px
  const std::string svg = bars.svg();
  EXPECT_NE(svg.find("<rect x=\"190.0\" y=\"38\" width=\"499.5\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<rect x=\"689.5\" y=\"38\" width=\"166.5\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>r — x: 30 GPU-h</title>"), std::string::npos) << svg;
}

TEST(SvgChart, SameDataSameBytes) {
  auto render = [] {
    XyChart chart("c", "t", linear_axis("x", 0, 3), wait_axis("w", 5000));
    chart.line("l", {1, 2, 3}, {1, 100, 4000}, palette_colour(9));
    return chart.svg();
  };
  EXPECT_EQ(render(), render());
  EXPECT_EQ(palette_colour(9), palette_colour(2));  // colours cycle
}

}  // namespace
}  // namespace sovsim::sim
