#pragma once

// XML whitespace, as RELAX NG treats it in text, values and lists.

#include <string_view>
#include <vector>

namespace teikit::validate::relaxng {

/// Whether `c` is XML whitespace (space, tab, CR, LF).
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Whether the text is empty or whitespace only.
inline bool all_space(std::string_view text) {
  for (char c : text)
    if (!is_space(c)) return false;
  return true;
}

/// The whitespace-separated tokens of the text.
inline std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

}  // namespace teikit::validate::relaxng
