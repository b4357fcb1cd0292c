// test/models/common/units_test.cpp — duration and number parsing.
#include "models/common/units.hpp"

#include <gtest/gtest.h>

namespace sovsim {
namespace {

TEST(ParseDuration, AllUnits) {
  EXPECT_DOUBLE_EQ(*parse_duration_s("45s"), 45);
  EXPECT_DOUBLE_EQ(*parse_duration_s("50ms"), 0.05);
  EXPECT_DOUBLE_EQ(*parse_duration_s("90m"), 5400);
  EXPECT_DOUBLE_EQ(*parse_duration_s("2min"), 120);
  EXPECT_DOUBLE_EQ(*parse_duration_s("8760h"), 8760 * 3600.0);
  EXPECT_DOUBLE_EQ(*parse_duration_s("30d"), 30 * 86400.0);
  EXPECT_DOUBLE_EQ(*parse_duration_s("2w"), 14 * 86400.0);
  EXPECT_DOUBLE_EQ(*parse_duration_s("1y"), 365 * 86400.0);
  EXPECT_DOUBLE_EQ(*parse_duration_s("1.5h"), 5400);
  EXPECT_DOUBLE_EQ(*parse_duration_s("600"), 600);
}

TEST(ParseDuration, RejectsGarbage) {
  EXPECT_FALSE(parse_duration_s("").has_value());
  EXPECT_FALSE(parse_duration_s("h").has_value());
  EXPECT_FALSE(parse_duration_s("3 days").has_value());
  EXPECT_FALSE(parse_duration_s("3x").has_value());
  EXPECT_FALSE(parse_number("nan").has_value());
  EXPECT_FALSE(parse_number("1e999").has_value());
}

TEST(ParseDuration, RejectsDurationsThatOverflowToInfinity) {
  // 1e308 is a finite number, but not as years in seconds: once it reached the engine as inf,
  // a run spun forever arming its next timer.
  EXPECT_FALSE(parse_duration_s("1e308y").has_value());
  EXPECT_FALSE(parse_duration_s("1e306w").has_value());
  EXPECT_DOUBLE_EQ(*parse_duration_s("1e308"), 1e308);  // finite: range checks are the caller's
}

// Dates against values computed independently (`date -u -d 2026-01-01 +%s` and the like).
TEST(IsoDate, ParsesDatesAndTimesInUtc) {
  EXPECT_EQ(parse_iso_date_unix_s("1970-01-01"), 0.0);
  EXPECT_EQ(parse_iso_date_unix_s("2026-01-01"), 1767225600.0);
  EXPECT_EQ(parse_iso_date_unix_s("2024-02-29"), 1709164800.0);
  EXPECT_EQ(parse_iso_date_unix_s("2026-03-01T06:30"), 1772346600.0);
  EXPECT_EQ(parse_iso_date_unix_s("2026-03-01T06:30:15Z"), 1772346615.0);
  EXPECT_EQ(parse_iso_date_unix_s("2000-12-31T23:59:59"), 978307199.0);
}

TEST(IsoDate, RefusesDaysThatDoNotExistAndOtherText) {
  for (const char* bad : {"2026-02-29", "2025-13-01", "2025-04-31", "2025-00-10", "1969-12-31",
                          "2026-1-1", "2026-01-01T24:00", "2026-01-01T10:61", "2026-01-01+09:00",
                          "30d", "", "2026-01-01x", "2026/01/01"}) {
    EXPECT_FALSE(parse_iso_date_unix_s(bad).has_value()) << bad;
  }
}

TEST(IsoDate, FormatsWhatItParses) {
  EXPECT_EQ(format_iso_date(1767225600.0), "2026-01-01");
  EXPECT_EQ(format_iso_date(1772346615.9), "2026-03-01T06:30:15Z");
  for (const char* date : {"2024-02-29", "2028-12-31", "2100-03-01", "1970-01-01"}) {
    EXPECT_EQ(format_iso_date(*parse_iso_date_unix_s(date)), date);
  }
}

}  // namespace
}  // namespace sovsim
