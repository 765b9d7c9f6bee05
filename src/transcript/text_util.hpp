#pragma once

// Small UTF-8 aware text helpers used by the transcript reader.

#include <string>
#include <string_view>
#include <vector>

namespace teikit::transcript {

/// Removes leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// Lower-cases ASCII, Latin-1 and basic Cyrillic letters.
std::string to_lower(std::string_view text);

/// Whether the code point is an upper-case / lower-case letter (Latin or Cyrillic).
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
/// Whether the code point is a letter or digit (Latin, Greek, Cyrillic, CJK, …).
bool is_word_char(char32_t cp);

/// The first code point of the text (0 when empty).
char32_t first_code_point(std::string_view text);

/// Whether the text has letters and none of them is lower case.
bool is_all_upper(std::string_view text);

/// Splits on white space.
std::vector<std::string_view> split_words(std::string_view text);

/// Whether `text` starts with `prefix`, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::string_view prefix);

/// `text` without bracketed parts ("Flash [precedence]" → "Flash "), trimmed.
std::string strip_brackets(std::string_view text);

}  // namespace teikit::transcript
