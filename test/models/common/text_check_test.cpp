// test/models/common/text_check_test.cpp — the byte scan every text input goes through: valid
// UTF-8 and YAML's printable characters pass; the first bad byte is reported at its line and
// column (in characters).
#include "models/common/text_check.hpp"

#include <gtest/gtest.h>

namespace sovsim {
namespace {

TEST(TextCheck, AcceptsUtf8TabsAndLineBreaks) {
  EXPECT_FALSE(find_bad_text("name: caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x9a\x80\n\tx: 1\r\n"));
  EXPECT_FALSE(find_bad_text("\xef\xbb\xbfname: x\n"));  // a byte order mark
  EXPECT_FALSE(find_bad_text("a\xc2\x85" "b"));          // NEL, a YAML line break
  EXPECT_FALSE(find_bad_text(""));
}

TEST(TextCheck, ControlCharacterIsReportedAtItsLineAndColumn) {
  const auto bad = find_bad_text("name: x\n# caf\xc3\xa9\x01\n");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->line, 2);
  EXPECT_EQ(bad->column, 7);  // "# café" is 6 characters
  EXPECT_EQ(bad->message, "expected printable text, found control character U+0001");
  EXPECT_TRUE(find_bad_text(std::string("a\0b", 3)));
  EXPECT_TRUE(find_bad_text("a\x1b[31m"));  // a terminal escape
  EXPECT_TRUE(find_bad_text("a\x7f"));
  EXPECT_TRUE(find_bad_text("a\xc2\x80"));       // C1 control
  EXPECT_TRUE(find_bad_text("a\xef\xbf\xbf"));   // U+FFFF
}

TEST(TextCheck, InvalidUtf8IsReported) {
  const auto latin1 = find_bad_text("kind: caf\xe9\n");
  ASSERT_TRUE(latin1);
  EXPECT_EQ(latin1->line, 1);
  EXPECT_EQ(latin1->column, 10);
  EXPECT_EQ(latin1->message, "expected UTF-8 text, found byte 0xe9 that is not valid UTF-8");
  EXPECT_TRUE(find_bad_text("\xc0\xaf"));          // overlong '/'
  EXPECT_TRUE(find_bad_text("\xed\xa0\x80"));      // a UTF-16 surrogate
  EXPECT_TRUE(find_bad_text("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_TRUE(find_bad_text("\xe2\x82"));          // truncated at the end
  EXPECT_TRUE(find_bad_text("\x80"));              // a lone continuation byte
}

}  // namespace
}  // namespace sovsim
