// Lexical helpers of the XML Schema datatype library: XML Schema regular expressions checked
// and rewritten for libxml2, and decimals of any size.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.hpp"
#include "validate/relaxng/datatypes_internal.hpp"

namespace teikit::validate::relaxng::detail {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

struct Block {
  std::string_view name;
  char32_t first;
  char32_t last;
};

// The blocks that XML Schema 1.0 names (Part 2, F.1.1: Unicode 3.1), for \p{IsName}.
// PrivateUse and Specials have several ranges. The surrogate blocks are errors.
constexpr Block blocks[] = {
    {"BasicLatin", 0x0000, 0x007F},
    {"Latin-1Supplement", 0x0080, 0x00FF},
    {"LatinExtended-A", 0x0100, 0x017F},
    {"LatinExtended-B", 0x0180, 0x024F},
    {"IPAExtensions", 0x0250, 0x02AF},
    {"SpacingModifierLetters", 0x02B0, 0x02FF},
    {"CombiningDiacriticalMarks", 0x0300, 0x036F},
    {"Greek", 0x0370, 0x03FF},
    {"Cyrillic", 0x0400, 0x04FF},
    {"Armenian", 0x0530, 0x058F},
    {"Hebrew", 0x0590, 0x05FF},
    {"Arabic", 0x0600, 0x06FF},
    {"Syriac", 0x0700, 0x074F},
    {"Thaana", 0x0780, 0x07BF},
    {"Devanagari", 0x0900, 0x097F},
    {"Bengali", 0x0980, 0x09FF},
    {"Gurmukhi", 0x0A00, 0x0A7F},
    {"Gujarati", 0x0A80, 0x0AFF},
    {"Oriya", 0x0B00, 0x0B7F},
    {"Tamil", 0x0B80, 0x0BFF},
    {"Telugu", 0x0C00, 0x0C7F},
    {"Kannada", 0x0C80, 0x0CFF},
    {"Malayalam", 0x0D00, 0x0D7F},
    {"Sinhala", 0x0D80, 0x0DFF},
    {"Thai", 0x0E00, 0x0E7F},
    {"Lao", 0x0E80, 0x0EFF},
    {"Tibetan", 0x0F00, 0x0FFF},
    {"Myanmar", 0x1000, 0x109F},
    {"Georgian", 0x10A0, 0x10FF},
    {"HangulJamo", 0x1100, 0x11FF},
    {"Ethiopic", 0x1200, 0x137F},
    {"Cherokee", 0x13A0, 0x13FF},
    {"UnifiedCanadianAboriginalSyllabics", 0x1400, 0x167F},
    {"Ogham", 0x1680, 0x169F},
    {"Runic", 0x16A0, 0x16FF},
    {"Khmer", 0x1780, 0x17FF},
    {"Mongolian", 0x1800, 0x18AF},
    {"LatinExtendedAdditional", 0x1E00, 0x1EFF},
    {"GreekExtended", 0x1F00, 0x1FFF},
    {"GeneralPunctuation", 0x2000, 0x206F},
    {"SuperscriptsandSubscripts", 0x2070, 0x209F},
    {"CurrencySymbols", 0x20A0, 0x20CF},
    {"CombiningMarksforSymbols", 0x20D0, 0x20FF},
    {"LetterlikeSymbols", 0x2100, 0x214F},
    {"NumberForms", 0x2150, 0x218F},
    {"Arrows", 0x2190, 0x21FF},
    {"MathematicalOperators", 0x2200, 0x22FF},
    {"MiscellaneousTechnical", 0x2300, 0x23FF},
    {"ControlPictures", 0x2400, 0x243F},
    {"OpticalCharacterRecognition", 0x2440, 0x245F},
    {"EnclosedAlphanumerics", 0x2460, 0x24FF},
    {"BoxDrawing", 0x2500, 0x257F},
    {"BlockElements", 0x2580, 0x259F},
    {"GeometricShapes", 0x25A0, 0x25FF},
    {"MiscellaneousSymbols", 0x2600, 0x26FF},
    {"Dingbats", 0x2700, 0x27BF},
    {"BraillePatterns", 0x2800, 0x28FF},
    {"CJKRadicalsSupplement", 0x2E80, 0x2EFF},
    {"KangxiRadicals", 0x2F00, 0x2FDF},
    {"IdeographicDescriptionCharacters", 0x2FF0, 0x2FFF},
    {"CJKSymbolsandPunctuation", 0x3000, 0x303F},
    {"Hiragana", 0x3040, 0x309F},
    {"Katakana", 0x30A0, 0x30FF},
    {"Bopomofo", 0x3100, 0x312F},
    {"HangulCompatibilityJamo", 0x3130, 0x318F},
    {"Kanbun", 0x3190, 0x319F},
    {"BopomofoExtended", 0x31A0, 0x31BF},
    {"EnclosedCJKLettersandMonths", 0x3200, 0x32FF},
    {"CJKCompatibility", 0x3300, 0x33FF},
    {"CJKUnifiedIdeographsExtensionA", 0x3400, 0x4DB5},
    {"CJKUnifiedIdeographs", 0x4E00, 0x9FFF},
    {"YiSyllables", 0xA000, 0xA48F},
    {"YiRadicals", 0xA490, 0xA4CF},
    {"HangulSyllables", 0xAC00, 0xD7A3},
    {"PrivateUse", 0xE000, 0xF8FF},
    {"CJKCompatibilityIdeographs", 0xF900, 0xFAFF},
    {"AlphabeticPresentationForms", 0xFB00, 0xFB4F},
    {"ArabicPresentationForms-A", 0xFB50, 0xFDFF},
    {"CombiningHalfMarks", 0xFE20, 0xFE2F},
    {"CJKCompatibilityForms", 0xFE30, 0xFE4F},
    {"SmallFormVariants", 0xFE50, 0xFE6F},
    {"ArabicPresentationForms-B", 0xFE70, 0xFEFE},
    {"Specials", 0xFEFF, 0xFEFF},
    {"HalfwidthandFullwidthForms", 0xFF00, 0xFFEF},
    {"Specials", 0xFFF0, 0xFFFD},
    {"OldItalic", 0x10300, 0x1032F},
    {"Gothic", 0x10330, 0x1034F},
    {"Deseret", 0x10400, 0x1044F},
    {"ByzantineMusicalSymbols", 0x1D000, 0x1D0FF},
    {"MusicalSymbols", 0x1D100, 0x1D1FF},
    {"MathematicalAlphanumericSymbols", 0x1D400, 0x1D7FF},
    {"CJKUnifiedIdeographsExtensionB", 0x20000, 0x2A6D6},
    {"CJKCompatibilityIdeographsSupplement", 0x2F800, 0x2FA1F},
    {"Tags", 0xE0000, 0xE007F},
    {"PrivateUse", 0xF0000, 0xFFFFD},
    {"PrivateUse", 0x100000, 0x10FFFD},
};

// The general categories that XML Schema 1.0 names, for \p{Name}.
constexpr std::string_view categories[] = {"L",  "Lu", "Ll", "Lt", "Lm", "Lo", "M",  "Mn", "Mc",
                                           "Me", "N",  "Nd", "Nl", "No", "P",  "Pc", "Pd", "Ps",
                                           "Pe", "Pi", "Pf", "Po", "Z",  "Zs", "Zl", "Zp", "S",
                                           "Sm", "Sc", "Sk", "So", "C",  "Cc", "Cf", "Co", "Cn"};

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

// The code points 1 to 10FFFF outside `ranges` (sorted), none starting or ending on a
// surrogate, which UTF-8 cannot spell (NUL cannot occur in XML).
Ranges complement(const Ranges& ranges) {
  Ranges out;
  char32_t next = 1;
  for (auto [first, last] : ranges) {
    if (first > next) out.emplace_back(next, first - 1);
    next = std::max<char32_t>(next, last + 1);
  }
  if (next <= 0x10FFFF) out.emplace_back(next, 0x10FFFF);
  Ranges clean;
  for (auto [first, last] : out) {
    if (first >= 0xD800 && first <= 0xDFFF) first = 0xE000;
    if (last >= 0xD800 && last <= 0xDFFF) last = 0xD7FF;
    if (first <= last) clean.emplace_back(first, last);
  }
  return clean;
}

// Appends a character as libxml2 reads it inside "[...]".
void append_class_char(std::string& out, char32_t c) {
  if (c == 0) c = 1;
  if (c == '\\' || c == '[' || c == ']' || c == '-' || c == '^') out += '\\';
  if (c == '\n' || c == '\r' || c == '\t') {
    out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
    return;
  }
  append_utf8(out, c);
}

// Ranges as the inside of a character class ("a-z0-9").
std::string class_items(const Ranges& ranges) {
  std::string out;
  for (auto [first, last] : ranges) {
    append_class_char(out, first);
    if (last == first) continue;
    out += '-';
    append_class_char(out, last);
  }
  return out;
}

// Whether the digit string `a` denotes a smaller number than `b`.
bool number_less(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
  while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// Checks the grammar of XML Schema 1.0 regular expressions (Part 2, appendix F) and copies
// the expression for libxml2, whose regexp engine is an XML Schema one with two gaps:
//  - it accepts a few expressions that XML Schema forbids ("[]", "x{2,1}", "-" inside a
//    character class, unknown block names, the surrogate blocks), which are errors here;
//  - its blocks are those of its own Unicode version, and it takes any name: so each block
//    escape is rewritten as the block's character ranges (XML Schema 1.0 / Unicode 3.1).
class RegexTranslator {
 public:
  explicit RegexTranslator(std::string_view regex) : re_(regex) {}

  std::optional<std::string> translate(std::string& error) {
    if (!is_valid_utf8(re_) || re_.find('\0') != std::string_view::npos) {
      error = "it is not UTF-8 text";
      return std::nullopt;
    }
    reg_exp();
    if (!error_ && pos_ < re_.size()) fail("a \")\" closes no group");
    if (error_) {
      error = *error_;
      return std::nullopt;
    }
    out_.append(re_.substr(copied_));
    return std::move(out_);
  }

 private:
  bool ok() const { return !error_; }
  bool at_end() const { return pos_ >= re_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < re_.size() ? re_[pos_ + ahead] : '\0';
  }
  void fail(std::string message) {
    if (!error_) error_ = std::move(message);
  }
  char32_t take() {
    char32_t c = next_code_point(re_, pos_);
    if (pos_ > re_.size()) pos_ = re_.size();
    return c;
  }
  // Puts `replacement` in place of the input from `start` to the current position.
  void replace_from(std::size_t start, const std::string& replacement) {
    out_.append(re_.substr(copied_, start - copied_));
    out_ += replacement;
    copied_ = pos_;
  }

  void reg_exp() {
    branch();
    while (ok() && peek() == '|') {
      ++pos_;
      branch();
    }
  }

  void branch() {
    while (ok() && !at_end() && peek() != '|' && peek() != ')') {
      atom();
      if (ok()) quantifier();
    }
  }

  void quantifier() {
    char c = peek();
    if (c == '?' || c == '*' || c == '+') {
      ++pos_;
      return;
    }
    if (c != '{') return;
    ++pos_;
    std::string_view min = digits();
    if (min.empty()) return fail("a quantifier \"{\" needs a number");
    if (peek() == ',') {
      ++pos_;
      std::string_view max = digits();
      if (!max.empty() && number_less(max, min))
        return fail("in a quantifier {n,m}, n is greater than m");
    }
    if (peek() != '}') return fail("a quantifier lacks its \"}\"");
    ++pos_;
  }

  std::string_view digits() {
    std::size_t start = pos_;
    while (is_digit(peek())) ++pos_;
    return re_.substr(start, pos_ - start);
  }

  void atom() {
    char c = peek();
    switch (c) {
      case '(':
        ++pos_;
        reg_exp();
        if (ok() && peek() != ')') fail("a \"(\" lacks its \")\"");
        if (ok()) ++pos_;
        return;
      case '[':
        char_class_expr();
        return;
      case '\\':
        ++pos_;
        escape();
        return;
      case '?':
      case '*':
      case '+':
      case '{':
      case '}':
      case ']':
        return fail(std::string("\"") + c + "\" must be escaped here");
      default:
        take();  // "." and ordinary characters
    }
  }

  // After a backslash: the code point of a single-character escape, or nullopt for a
  // class escape (\d, \p{Lu}, ...) or an error.
  std::optional<char32_t> escape() {
    std::size_t start = pos_ - 1;
    if (at_end()) {
      fail("a \"\\\" ends the expression");
      return std::nullopt;
    }
    char c = peek();
    ++pos_;
    if (std::string_view("nrt\\|.?*+(){}-[]^").find(c) != std::string_view::npos)
      return c == 'n' ? U'\n' : c == 'r' ? U'\r' : c == 't' ? U'\t' : static_cast<char32_t>(c);
    if (std::string_view("sSiIcCdDwW").find(c) != std::string_view::npos) return std::nullopt;
    if (c == 'p' || c == 'P') {
      property(c == 'P', start);
      return std::nullopt;
    }
    fail(std::string("\"\\") + c + "\" is not an escape");
    return std::nullopt;
  }

  // After "\p" or "\P": a category or block name in braces. A block becomes its ranges.
  void property(bool complemented, std::size_t start) {
    if (peek() != '{') return fail("\\p and \\P need a name in braces");
    std::size_t name_start = ++pos_;
    while (!at_end() && peek() != '}') ++pos_;
    if (at_end()) return fail("a \"\\p{\" lacks its \"}\"");
    std::string_view name = re_.substr(name_start, pos_ - name_start);
    ++pos_;
    if (!name.starts_with("Is")) {
      if (std::find(std::begin(categories), std::end(categories), name) == std::end(categories))
        fail("\\p{" + std::string(name) + "} names no general category");
      return;  // libxml2 knows the categories
    }
    name.remove_prefix(2);
    if (name == "HighSurrogates" || name == "HighPrivateUseSurrogates" || name == "LowSurrogates")
      return fail("\\p{Is" + std::string(name) + "} is a block of surrogates, never characters");
    Ranges ranges;
    for (const Block& block : blocks)
      if (block.name == name) ranges.emplace_back(block.first, block.last);
    if (ranges.empty()) return fail("\\p{Is" + std::string(name) + "} names no Unicode block");
    if (class_depth_ > 0) {
      replace_from(start, class_items(complemented ? complement(ranges) : ranges));
    } else {
      replace_from(start, (complemented ? "[^" : "[") + class_items(ranges) + "]");
    }
  }

  // At "[": a character class expression, possibly negated, possibly with a subtraction.
  void char_class_expr() {
    ++pos_;
    ++class_depth_;
    if (peek() == '^') ++pos_;
    bool first = true;
    while (ok()) {
      if (at_end()) return fail("a \"[\" lacks its \"]\"");
      char c = peek();
      if (c == ']') {
        if (first) return fail("a character class is empty");
        ++pos_;
        --class_depth_;
        return;
      }
      if (c == '[') return fail("\"[\" must be escaped in a character class");
      if (c == '-' && peek(1) == '[') {
        if (first) return fail("a character class subtracts from nothing");
        ++pos_;
        char_class_expr();
        if (ok() && peek() != ']') fail("a subtraction must end its character class");
        if (ok()) {
          ++pos_;
          --class_depth_;
        }
        return;
      }
      if (c == '-' && !first && peek(1) != ']')
        return fail("\"-\" must be escaped unless first or last in a character class");
      class_item();
      first = false;
    }
  }

  // One character, character range or class escape inside "[...]".
  void class_item() {
    char32_t start = 0;
    if (peek() == '\\') {
      ++pos_;
      std::optional<char32_t> single = escape();
      if (!single) return;  // a class escape, or an error
      start = *single;
    } else {
      bool dash = peek() == '-';
      start = take();
      if (dash) return;  // a leading "-" is a character, never a range's start
    }
    if (peek() != '-' || peek(1) == '[' || peek(1) == ']') return;
    ++pos_;
    char32_t end = 0;
    if (peek() == '\\') {
      ++pos_;
      std::optional<char32_t> single = escape();
      if (!ok()) return;
      if (!single) return fail("a character range cannot end with a class escape");
      end = *single;
    } else if (peek() == '-' || peek() == '[' || at_end()) {
      return fail("a character range lacks its end");
    } else {
      end = take();
    }
    if (end < start) fail("a character range ends before it starts");
  }

  std::string_view re_;
  std::size_t pos_ = 0;
  std::size_t copied_ = 0;  // input up to here is in out_
  int class_depth_ = 0;
  std::string out_;
  std::optional<std::string> error_;
};

// Compares magnitudes (the signs aside).
int compare_magnitude(const Decimal& a, const Decimal& b) {
  if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
  if (int c = a.integer.compare(b.integer); c != 0) return c < 0 ? -1 : 1;
  // Without trailing zeros, fraction digits compare as strings.
  if (int c = a.fraction.compare(b.fraction); c != 0) return c < 0 ? -1 : 1;
  return 0;
}

}  // namespace

std::optional<std::string> translate_xsd_regex(std::string_view regex, std::string& error) {
  return RegexTranslator(regex).translate(error);
}

std::optional<Decimal> parse_decimal(std::string_view text, bool integer_only) {
  Decimal d;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) d.negative = text[i++] == '-';
  std::size_t start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  std::string_view integer = text.substr(start, i - start);
  std::string_view fraction;
  if (i < text.size() && text[i] == '.') {
    if (integer_only) return std::nullopt;
    start = ++i;
    while (i < text.size() && is_digit(text[i])) ++i;
    fraction = text.substr(start, i - start);
  }
  if (i != text.size() || (integer.empty() && fraction.empty())) return std::nullopt;
  while (!integer.empty() && integer.front() == '0') integer.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  d.integer = integer;
  d.fraction = fraction;
  if (d.integer.empty() && d.fraction.empty()) d.negative = false;  // -0 is 0
  return d;
}

int compare(const Decimal& a, const Decimal& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  int magnitude = compare_magnitude(a, b);
  return a.negative ? -magnitude : magnitude;
}

}  // namespace teikit::validate::relaxng::detail
