#include "transcript/lines.hpp"

#include <gtest/gtest.h>

namespace teikit::transcript {
namespace {

TEST(Lines, SplitsBlocksOnBlankLinesAndKeepsLineNumbers) {
  auto blocks = split_blocks("\n\nfirst  \nsecond\n\n \t\nthird\n");
  ASSERT_EQ(blocks.size(), 2u);
  ASSERT_EQ(blocks[0].lines.size(), 2u);
  EXPECT_EQ(blocks[0].line(), 3);
  EXPECT_TRUE(blocks[0].lines[0].hard);
  EXPECT_FALSE(blocks[0].lines[1].hard);
  EXPECT_EQ(blocks[1].line(), 7);
  EXPECT_EQ(blocks[1].lines[0].text, "third");
}

TEST(Lines, NormalisesCrlfBomTabsAndSpaceRuns) {
  auto blocks = split_blocks("\xEF\xBB\xBFone\t two  \r\nthree \r\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].lines[0].text, "one two");
  EXPECT_TRUE(blocks[0].lines[0].hard);
  EXPECT_EQ(blocks[0].lines[1].text, "three");
  EXPECT_FALSE(blocks[0].lines[1].hard);  // one trailing space is not a hard break
}

TEST(Lines, BackslashIsAHardBreak) {
  auto blocks = split_blocks("one\\\ntwo");
  EXPECT_TRUE(blocks[0].lines[0].hard);
  EXPECT_EQ(blocks[0].lines[0].text, "one");
}

}  // namespace
}  // namespace teikit::transcript
