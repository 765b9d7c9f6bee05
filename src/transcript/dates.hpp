#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace teikit::transcript {

/// Parses a whole date as written ("December 27, 1979", "27 декабря 1979 г.", "1979-12-27",
/// "March 1980", "1994") into ISO 8601 ("1979-12-27", "1980-03", "1994").
std::optional<std::string> parse_date(std::string_view text);

/// Where a date ends a piece of text ("Moscow, 14 February 1980"): byte range and ISO form.
struct DateMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string when;
};

/// Finds the longest date that ends `text` (ignoring a final period), if any.
std::optional<DateMatch> find_trailing_date(std::string_view text);

}  // namespace teikit::transcript
