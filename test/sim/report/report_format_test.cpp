// test/sim/report/report_format_test.cpp — HTML escaping and the report's fixed number formats.
#include "sim/report/report_format.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

TEST(ReportFormat, EscapesTheFiveHtmlCharacters) {
  EXPECT_EQ(escape_html("a<b>&\"c'd"), "a&lt;b&gt;&amp;&quot;c&#39;d");
  EXPECT_EQ(escape_html("정부, 연구"), "정부, 연구");  // UTF-8 passes through
}

TEST(ReportFormat, NumbersHaveFixedFormats) {
  EXPECT_EQ(format_grouped(1234567.8, 0), "1,234,568");
  EXPECT_EQ(format_grouped(-1234.5, 1), "-1,234.5");
  EXPECT_EQ(format_grouped(-0.01, 0), "0");  // never "-0"
  EXPECT_EQ(format_grouped(999, 0), "999");
  EXPECT_EQ(format_quantity(0), "0");
  EXPECT_EQ(format_quantity(0.01234), "0.0123");
  EXPECT_EQ(format_quantity(2.98e-6), "<0.001");
  EXPECT_EQ(format_quantity(78.94), "78.9");
  EXPECT_EQ(format_quantity(19359.4), "19,359");
  EXPECT_EQ(format_quantity(28.4e6), "28.4 M");
  EXPECT_EQ(format_quantity(4.56e9), "4.56 bn");
  EXPECT_EQ(format_percent(0.72044), "72.0%");
  EXPECT_EQ(format_seconds(0), "0 s");
  EXPECT_EQ(format_seconds(42), "42 s");
  EXPECT_EQ(format_seconds(750), "12.5 min");
  EXPECT_EQ(format_seconds(24840), "6.9 h");
  EXPECT_EQ(format_seconds(604800), "7.0 d");
}

}  // namespace
}  // namespace sovsim::sim
