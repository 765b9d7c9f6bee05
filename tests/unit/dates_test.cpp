#include "transcript/dates.hpp"

#include <gtest/gtest.h>

namespace teikit::transcript {
namespace {

TEST(Dates, ParsesTheCommonWrittenForms) {
  EXPECT_EQ(parse_date("December 27, 1979"), "1979-12-27");
  EXPECT_EQ(parse_date("27 December 1979"), "1979-12-27");
  EXPECT_EQ(parse_date("27 декабря 1979 г."), "1979-12-27");
  EXPECT_EQ(parse_date("2 Oktober 1968"), "1968-10-02");
  EXPECT_EQ(parse_date("June 1984"), "1984-06");
  EXPECT_EQ(parse_date("1983"), "1983");
  EXPECT_EQ(parse_date("1979-12-27"), "1979-12-27");
  EXPECT_EQ(parse_date("27.12.1979"), "1979-12-27");
}

TEST(Dates, RejectsImpossibleDatesAndProse) {
  EXPECT_FALSE(parse_date("February 30, 1980"));
  EXPECT_FALSE(parse_date("February 29, 1981"));
  EXPECT_TRUE(parse_date("February 29, 1980"));
  EXPECT_FALSE(parse_date("Smarch 3, 1980"));
  EXPECT_FALSE(parse_date("the year 1980"));
  EXPECT_FALSE(parse_date(""));
}

TEST(Dates, FindsADateThatEndsADateline) {
  auto match = find_trailing_date("Moscow, 14 February 1980");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->begin, 8u);
  EXPECT_EQ(match->when, "1980-02-14");
  EXPECT_FALSE(find_trailing_date("No. 1147"));  // a bare number is not a year here
  EXPECT_FALSE(find_trailing_date("Moscow"));
}

}  // namespace
}  // namespace teikit::transcript
