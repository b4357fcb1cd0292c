// test/sim/trace/timestamp_test.cpp — calendar timestamps of GPU traces to seconds and back.
#include "sim/trace/timestamp.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

TEST(Timestamp, MatchesUnixTime) {
  EXPECT_EQ(parse_timestamp_s("1970-01-01 00:00:00"), 0);
  // `date -u -d '2017-10-07 01:11:39' +%s`
  EXPECT_EQ(parse_timestamp_s("2017-10-07 01:11:39"), 1507338699);
  EXPECT_EQ(parse_timestamp_s("2020-06-09T18:41:01"), 1591728061);
  EXPECT_EQ(parse_timestamp_s("2020-06-09 18:41:01.25"), 1591728061.25);
}

TEST(Timestamp, CountsLeapDays) {
  const auto before = parse_timestamp_s("2020-02-28 12:00:00");
  const auto after = parse_timestamp_s("2020-03-01 12:00:00");
  EXPECT_EQ(*after - *before, 2 * 86400);
  EXPECT_TRUE(parse_timestamp_s("2020-02-29 00:00:00"));
  EXPECT_FALSE(parse_timestamp_s("2019-02-29 00:00:00"));
}

TEST(Timestamp, RejectsOtherShapes) {
  for (const char* bad :
       {"", "2017-10-07", "2017/10/07 01:11:39", "2017-13-07 01:11:39", "2017-10-07 24:00:00",
        "2017-10-07 01:11:39 PDT", "2017-10-07 01:11:39.", "None"}) {
    EXPECT_FALSE(parse_timestamp_s(bad)) << bad;
  }
}

TEST(Timestamp, FormatsBack) {
  EXPECT_EQ(format_timestamp(1507338699), "2017-10-07 01:11:39");
  EXPECT_EQ(format_timestamp(-1), "1969-12-31 23:59:59");
}

}  // namespace
}  // namespace sovsim::sim
