#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace teikit {
namespace {

TEST(Utf8, AcceptsTextWithBomCrlfAndCyrillic) {
  EXPECT_FALSE(check_text_input("\xEF\xBB\xBF**Title**\r\n\r\nПривет\tмир\r\n", "a.txt"));
}

TEST(Utf8, RejectsEmptyAndBlankInput) {
  auto empty = check_text_input("", "a.txt");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->message, "input is empty: a transcript needs at least a title line");
  EXPECT_TRUE(check_text_input("\xEF\xBB\xBF \n\t\r\n", "a.txt"));
}

TEST(Utf8, ReportsLineColumnAndOffsetOfInvalidBytes) {
  auto problem = check_text_input("ok\ncaf\xE9 au lait\n", "latin1.txt");
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->line, 2);
  EXPECT_EQ(problem->column, 4);
  EXPECT_EQ(format_diagnostic(*problem),
            "latin1.txt:2:4: error: input is not valid UTF-8: byte 0xE9 at offset 6; convert "
            "it to UTF-8 first (e.g. with iconv)");
}

TEST(Utf8, RejectsOverlongsSurrogatesAndTruncation) {
  EXPECT_TRUE(check_text_input("a\xC0\xAF", "x"));          // overlong '/'
  EXPECT_TRUE(check_text_input("a\xED\xA0\x80", "x"));      // UTF-16 surrogate
  EXPECT_TRUE(check_text_input("a\xF4\x90\x80\x80", "x"));  // above U+10FFFF
  EXPECT_TRUE(check_text_input("a\xE2\x82", "x"));          // truncated
}

TEST(Utf8, RejectsBinaryInput) {
  auto nul = check_text_input(std::string("ab\0cd", 5), "x");
  ASSERT_TRUE(nul);
  EXPECT_NE(nul->message.find("NUL byte at offset 2"), std::string::npos);
  auto control = check_text_input("ab\x01", "x");
  ASSERT_TRUE(control);
  EXPECT_NE(control->message.find("control character U+0001"), std::string::npos);
}

TEST(Utf8, RejectsTheNoncharactersXmlCannotHold) {
  auto ffff = check_text_input("Title\n\xEF\xBF\xBF", "x");
  ASSERT_TRUE(ffff);
  EXPECT_NE(ffff->message.find("U+FFFF at offset 6"), std::string::npos) << ffff->message;
  EXPECT_EQ(ffff->line, 2);
  auto fffe = check_text_input("Title \xEF\xBF\xBE", "x");
  ASSERT_TRUE(fffe);
  EXPECT_NE(fffe->message.find("U+FFFE"), std::string::npos) << fffe->message;
  EXPECT_FALSE(check_text_input("Title \xEF\xBF\xBD", "x"));  // U+FFFD is a character
}

TEST(Utf8, DecodesAndEncodesCodePoints) {
  std::string text = "aЖ€😀";
  std::size_t pos = 0;
  std::string round;
  while (pos < text.size()) append_utf8(round, next_code_point(text, pos));
  EXPECT_EQ(round, text);
}

}  // namespace
}  // namespace teikit
