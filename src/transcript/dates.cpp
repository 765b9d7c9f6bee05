#include "transcript/dates.hpp"

#include <charconv>
#include <cstdio>
#include <vector>

#include "transcript/rules.hpp"
#include "transcript/text_util.hpp"

namespace teikit::transcript {
namespace {

std::optional<int> number(std::string_view text, std::size_t min_digits, std::size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits) return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

bool leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool valid_day(int year, int month, int day) {
  static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  int length = lengths[month - 1] + (month == 2 && leap(year) ? 1 : 0);
  return day <= length;
}

std::string iso(int year, int month = 0, int day = 0) {
  char buffer[48];
  if (day > 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  } else if (month > 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  }
  return buffer;
}

std::optional<std::string> full(int year, int month, int day) {
  if (year < 1 || !valid_day(year, month, day)) return std::nullopt;
  return iso(year, month, day);
}

std::string_view strip_punct(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
  return word;
}

std::optional<std::string> numeric_date(std::string_view text) {
  // 1979-12-27, 1979-12, 27.12.1979
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto y = number(text.substr(0, 4), 4, 4);
    auto m = number(text.substr(5, 2), 2, 2);
    auto d = number(text.substr(8, 2), 2, 2);
    if (y && m && d) return full(*y, *m, *d);
  }
  if (text.size() == 7 && text[4] == '-') {
    auto y = number(text.substr(0, 4), 4, 4);
    auto m = number(text.substr(5, 2), 2, 2);
    if (y && m && *m >= 1 && *m <= 12) return iso(*y, *m);
  }
  if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
    auto d = number(text.substr(0, 2), 2, 2);
    auto m = number(text.substr(3, 2), 2, 2);
    auto y = number(text.substr(6, 4), 4, 4);
    if (y && m && d) return full(*y, *m, *d);
  }
  if (auto y = number(text, 4, 4)) return iso(*y);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  text = trim(text);
  while (!text.empty() && text.back() == '.') text.remove_suffix(1);
  std::vector<std::string_view> words;
  for (auto word : split_words(text)) words.push_back(strip_punct(word));
  // "г." / "г" (year) after a Russian date.
  if (words.size() > 1 && (words.back() == "г" || words.back() == "г.")) words.pop_back();
  if (words.size() == 1) return numeric_date(words[0]);
  if (words.size() == 2) {  // March 1980
    int month = month_number(words[0]);
    auto year = number(words[1], 4, 4);
    if (month > 0 && year) return iso(*year, month);
    return std::nullopt;
  }
  if (words.size() == 3) {
    auto year = number(words[2], 4, 4);
    if (!year) return std::nullopt;
    if (int month = month_number(words[0]); month > 0) {  // December 27, 1979
      if (auto day = number(words[1], 1, 2)) return full(*year, month, *day);
    }
    if (int month = month_number(words[1]); month > 0) {  // 27 December 1979
      if (auto day = number(words[0], 1, 2)) return full(*year, month, *day);
    }
  }
  return std::nullopt;
}

std::optional<DateMatch> find_trailing_date(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == '.' || text[end - 1] == ' ')) --end;
  std::string_view body = text.substr(0, end);
  // Try the longest suffix first: starts at word boundaries, at most four words back.
  std::vector<std::size_t> starts;
  for (std::size_t pos = 0; pos < body.size(); ++pos)
    if (body[pos] != ' ' && (pos == 0 || body[pos - 1] == ' ')) starts.push_back(pos);
  std::size_t first = starts.size() > 4 ? starts.size() - 4 : 0;
  for (std::size_t i = first; i < starts.size(); ++i) {
    std::string_view candidate = body.substr(starts[i]);
    if (candidate.size() == 4 && number(candidate, 4, 4)) break;  // a bare number, not a date
    if (auto when = parse_date(candidate)) return DateMatch{starts[i], end, *when};
  }
  return std::nullopt;
}

}  // namespace teikit::transcript
