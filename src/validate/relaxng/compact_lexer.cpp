// The lexical structure of the RELAX NG compact syntax (appendix A.2 of the specification):
// the stages run one after the other over the whole text, as the specification describes
// them, so that an escape such as \x{22} acts exactly like the character it stands for.

#include "validate/relaxng/compact_lexer.hpp"

#include <array>
#include <cstdio>

#include "core/utf8.hpp"

namespace teikit::validate::relaxng::compact {
namespace {

// Stands for a newline in the text (a character cannot have this value).
constexpr char32_t newline_marker = 0x110000;

// Characters with the position each had in the file.
struct Text {
  std::u32string chars;
  std::vector<int> lines;
  std::vector<int> columns;
  int end_line = 1;
  int end_column = 1;

  void push(char32_t c, int line, int column) {
    chars.push_back(c);
    lines.push_back(line);
    columns.push_back(column);
  }
};

[[noreturn]] void fail(int line, int column, std::string message) {
  throw CompactError{line, column, std::move(message)};
}

bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string code_point_name(char32_t c) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "U+%04X", static_cast<unsigned>(c));
  return buffer.data();
}

// The line and column of raw[index], counting CR LF as one newline.
std::pair<int, int> raw_position(const std::u32string& raw, std::size_t index) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < index && i < raw.size(); ++i) {
    if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 >= raw.size() || raw[i + 1] != '\n'))) {
      ++line;
      column = 1;
    } else if (raw[i] != '\r') {
      ++column;
    }
  }
  return {line, column};
}

[[noreturn]] void fail_at_raw(const std::u32string& raw, std::string message) {
  auto [line, column] = raw_position(raw, raw.size());
  fail(line, column, std::move(message));
}

std::u32string decode_utf16(std::string_view bytes, bool little_endian) {
  std::u32string raw;
  auto unit = [&](std::size_t i) {
    auto a = static_cast<unsigned char>(bytes[i]);
    auto b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char32_t>(little_endian ? (b << 8 | a) : (a << 8 | b));
  };
  if (bytes.size() % 2 != 0) fail_at_raw(raw, "the UTF-16 text has an odd number of bytes");
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    char32_t c = unit(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        raw.push_back(0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) fail_at_raw(raw, "the UTF-16 text has an unpaired surrogate");
    raw.push_back(c);
  }
  return raw;
}

std::u32string decode_utf8(std::string_view bytes) {
  std::u32string raw;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    auto lead = static_cast<unsigned char>(bytes[pos]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (pos + length > bytes.size() || !is_valid_utf8(bytes.substr(pos, length)))
      fail_at_raw(raw, "the text is not well-formed UTF-8");
    raw.push_back(next_code_point(bytes, pos));
  }
  return raw;
}

// Stages 1 to 3: characters from bytes, without a byte order mark, newlines as markers.
Text decode(std::string_view bytes) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  std::u32string raw;
  if (bytes.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE)
    raw = decode_utf16(bytes, true);
  else if (bytes.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF)
    raw = decode_utf16(bytes, false);
  else
    raw = decode_utf8(bytes);
  std::size_t start = !raw.empty() && raw[0] == 0xFEFF ? 1 : 0;
  Text text;
  int line = 1;
  int column = 1;
  for (std::size_t i = start; i < raw.size(); ++i) {
    char32_t c = raw[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      text.push(newline_marker, line, column);
      ++line;
      column = 1;
      continue;
    }
    if (!is_xml_char(c)) fail(line, column, "illegal character " + code_point_name(c));
    text.push(c, line, column);
    ++column;
  }
  text.end_line = line;
  text.end_column = column;
  return text;
}

int hex_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// Stage 4: each \x{N} (any number of x) becomes the character N; a replaced character is not
// scanned again, and \x{A} is a character, not a newline marker. Done in place: the text
// only gets shorter.
void interpret_escapes(Text& text) {
  const std::size_t n = text.chars.size();
  std::size_t out = 0;
  for (std::size_t i = 0; i < n; ++i, ++out) {
    char32_t c = text.chars[i];
    std::size_t j = i + 1;
    while (c == '\\' && j < n && text.chars[j] == 'x') ++j;
    if (c == '\\' && j > i + 1 && j < n && text.chars[j] == '{') {
      char32_t value = 0;
      std::size_t k = j + 1;
      for (; k < n && hex_value(text.chars[k]) >= 0; ++k)
        value =
            value > 0x10FFFF ? value : value * 16 + static_cast<char32_t>(hex_value(text.chars[k]));
      if (k == j + 1 || k >= n || text.chars[k] != '}')
        fail(text.lines[i], text.columns[i],
             "bad escape sequence; expected \\x{hexadecimal digits}");
      if (!is_xml_char(value))
        fail(text.lines[i], text.columns[i],
             "escape sequence for " + code_point_name(value) + ", which is not an XML character");
      c = value;
      text.lines[out] = text.lines[i];
      text.columns[out] = text.columns[i];
      text.chars[out] = c;
      i = k;
      continue;
    }
    text.chars[out] = c;
    text.lines[out] = text.lines[i];
    text.columns[out] = text.columns[i];
  }
  text.chars.resize(out);
  text.lines.resize(out);
  text.columns.resize(out);
}

bool is_name_start(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_char(char32_t c) {
  return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

bool ends_line(char32_t c) {
  return c == newline_marker || c == '\n';
}

// Stage 5: the longest token at each point; separators and comments are dropped.
class Scanner {
 public:
  explicit Scanner(const Text& text) : text_(text), n_(text.chars.size()) {}

  std::vector<Token> run() {
    while (pos_ < n_) {
      char32_t c = at(pos_);
      if (c == ' ' || c == '\t' || ends_line(c)) {
        ++pos_;
      } else if (c == '#' && at(pos_ + 1) == '#') {
        documentation();
      } else if (c == '#') {
        while (pos_ < n_ && !ends_line(at(pos_))) ++pos_;
      } else if (c == '"' || c == '\'') {
        literal(c);
      } else if (c == '\\' || is_name_start(c)) {
        name();
      } else {
        punctuation(c);
      }
    }
    tokens_.push_back(Token{TokenKind::end, "", text_.end_line, text_.end_column, false});
    return std::move(tokens_);
  }

 private:
  char32_t at(std::size_t i) const { return i < n_ ? text_.chars[i] : 0; }

  void append(std::string& out, std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to; ++i)
      append_utf8(out, text_.chars[i] == newline_marker ? U'\n' : text_.chars[i]);
  }

  Token start(TokenKind kind, std::size_t at) const {
    return Token{kind, "", text_.lines[at], text_.columns[at], false};
  }

  [[noreturn]] void fail_here(std::size_t at, std::string message) const {
    fail(text_.lines[at], text_.columns[at], std::move(message));
  }

  void documentation() {
    Token token = start(TokenKind::documentation, pos_);
    while (true) {
      pos_ += 2;
      while (at(pos_) == '#') ++pos_;
      if (at(pos_) == ' ') ++pos_;
      std::size_t from = pos_;
      while (pos_ < n_ && !ends_line(at(pos_))) ++pos_;
      append(token.text, from, pos_);
      std::size_t next = pos_;
      if (next >= n_) break;
      ++next;
      while (at(next) == ' ' || at(next) == '\t') ++next;
      if (at(next) != '#' || at(next + 1) != '#') break;
      token.text += '\n';
      pos_ = next;
    }
    tokens_.push_back(std::move(token));
  }

  void literal(char32_t quote) {
    Token token = start(TokenKind::literal, pos_);
    bool triple = at(pos_ + 1) == quote && at(pos_ + 2) == quote;
    std::size_t from = pos_ + (triple ? 3 : 1);
    std::size_t i = from;
    while (true) {
      if (i >= n_) fail_here(pos_, "literal not terminated before the end of the file");
      if (triple && at(i) == quote && at(i + 1) == quote && at(i + 2) == quote) break;
      if (!triple && at(i) == quote) break;
      if (!triple && at(i) == newline_marker)
        fail_here(pos_, "literal not terminated before the end of the line");
      ++i;
    }
    append(token.text, from, i);
    pos_ = i + (triple ? 3 : 1);
    tokens_.push_back(std::move(token));
  }

  std::size_t ncname_end(std::size_t i) const {
    while (i < n_ && is_name_char(at(i))) ++i;
    return i;
  }

  void name() {
    Token token = start(TokenKind::identifier, pos_);
    if (at(pos_) == '\\') {
      if (!is_name_start(at(pos_ + 1))) fail_here(pos_, "\"\\\" must be followed by a name");
      std::size_t end = ncname_end(pos_ + 1);
      append(token.text, pos_ + 1, end);
      token.quoted = true;
      pos_ = end;
      tokens_.push_back(std::move(token));
      return;
    }
    std::size_t end = ncname_end(pos_);
    append(token.text, pos_, end);
    if (at(end) == ':' && at(end + 1) == '*') {
      token.kind = TokenKind::ns_name;
      end += 2;
    } else if (at(end) == ':' && is_name_start(at(end + 1))) {
      std::size_t local_end = ncname_end(end + 1);
      append(token.text, end, local_end);
      token.kind = TokenKind::cname;
      end = local_end;
    } else if (is_keyword(token.text)) {
      token.kind = TokenKind::keyword;
    }
    pos_ = end;
    tokens_.push_back(std::move(token));
  }

  void punctuation(char32_t c) {
    Token token = start(TokenKind::punctuation, pos_);
    std::size_t length = 1;
    if ((c == '>' && at(pos_ + 1) == '>') || ((c == '|' || c == '&') && at(pos_ + 1) == '='))
      length = 2;
    else if (std::u32string_view(U"={},&|?*+()-~[]").find(c) == std::u32string_view::npos)
      fail_here(pos_, c >= 0x21 && c < 0x7F
                          ? std::string("unexpected character \"") + static_cast<char>(c) + "\""
                          : "unexpected character " + code_point_name(c));
    append(token.text, pos_, pos_ + length);
    pos_ += length;
    tokens_.push_back(std::move(token));
  }

  const Text& text_;
  const std::size_t n_;
  std::size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view bytes) {
  Text text = decode(bytes);
  interpret_escapes(text);
  return Scanner(text).run();
}

bool is_keyword(std::string_view name) {
  static constexpr std::array<std::string_view, 19> keywords = {
      "attribute", "default", "datatypes", "div",  "element", "empty",     "external",
      "grammar",   "include", "inherit",   "list", "mixed",   "namespace", "notAllowed",
      "parent",    "start",   "string",    "text", "token"};
  for (std::string_view keyword : keywords)
    if (keyword == name) return true;
  return false;
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::end:
      return "end of file";
    case TokenKind::documentation:
      return "documentation comment";
    case TokenKind::literal: {
      std::string shown = token.text;
      if (shown.size() > 30) {
        std::size_t cut = 27;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
        shown = shown.substr(0, cut) + "...";
      }
      for (char& c : shown)
        if (c == '\n') c = ' ';
      return "literal \"" + shown + "\"";
    }
    case TokenKind::ns_name:
      return "\"" + token.text + ":*\"";
    default:
      return "\"" + std::string(token.quoted ? "\\" : "") + token.text + "\"";
  }
}

}  // namespace teikit::validate::relaxng::compact
