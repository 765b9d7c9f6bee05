#include "transcript/text_util.hpp"

#include "core/utf8.hpp"

namespace teikit::transcript {
namespace {

// Latin Extended-A pairs upper and lower case on even/odd code points, with the parity
// reversed in two ranges (Ĺ…ň and Ź…ž); U+0138 and U+0149 have no pair.
bool extended_a_upper(char32_t cp) {
  bool reversed = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
  return (cp % 2 == 0) != reversed;
}

bool in_extended_a(char32_t cp) {
  return cp >= 0x100 && cp <= 0x17F && cp != 0x138 && cp != 0x149 && cp != 0x17F;
}

}  // namespace

std::string_view trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

bool is_upper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (in_extended_a(cp) && extended_a_upper(cp)) || (cp >= 0x400 && cp <= 0x42F);
}

bool is_lower(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (in_extended_a(cp) && !extended_a_upper(cp)) || (cp >= 0x430 && cp <= 0x45F);
}

bool is_word_char(char32_t cp) {
  if ((cp >= '0' && cp <= '9') || is_upper(cp) || is_lower(cp)) return true;
  if (cp < 0x80) return false;
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
      cp == 0xFEFF || cp == 0xAB || cp == 0xBB || cp == 0xD7 || cp == 0xF7)
    return false;
  return cp >= 0xC0;
}

std::string to_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = next_code_point(text, pos);
    if (cp >= 'A' && cp <= 'Z') {
      cp += 32;
    } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
      cp += 32;
    } else if (in_extended_a(cp) && extended_a_upper(cp)) {
      cp += 1;
    } else if (cp >= 0x410 && cp <= 0x42F) {
      cp += 32;
    } else if (cp >= 0x400 && cp <= 0x40F) {
      cp += 80;
    }
    append_utf8(out, cp);
  }
  return out;
}

char32_t first_code_point(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t pos = 0;
  return next_code_point(text, pos);
}

bool is_all_upper(std::string_view text) {
  bool letters = false;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = next_code_point(text, pos);
    if (is_lower(cp)) return false;
    if (is_upper(cp)) letters = true;
  }
  return letters;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    std::size_t start = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t') ++pos;
    if (pos > start) words.push_back(text.substr(start, pos - start));
  }
  return words;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = text[i];
    char b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + 32);
    if (a != b) return false;
  }
  return true;
}

std::string strip_brackets(std::string_view text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '[') {
      ++depth;
    } else if (c == ']' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return std::string(trim(out));
}

}  // namespace teikit::transcript
