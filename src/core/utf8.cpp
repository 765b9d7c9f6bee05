#include "core/utf8.hpp"

namespace teikit {
namespace {

// Length of the well-formed UTF-8 sequence at `pos`, or 0 when it is malformed (RFC 3629:
// no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  return length;
}

}  // namespace

std::optional<Diagnostic> check_text_input(std::string_view bytes, const std::string& file) {
  auto problem = [&](int line, int column, std::string message) {
    return Diagnostic{file, line, column, Severity::error, std::move(message), "input", {}, {}};
  };
  std::string_view body = bytes;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return problem(0, 0, "input is empty: a transcript needs at least a title line");
  int line = 1;
  int column = 1;
  for (std::size_t pos = 0; pos < bytes.size();) {
    unsigned char c = static_cast<unsigned char>(bytes[pos]);
    if (c == 0)
      return problem(line, column, "input looks binary: NUL byte at offset " + std::to_string(pos));
    std::size_t length = sequence_length(bytes, pos);
    if (length == 0)
      return problem(line, column,
                     "input is not valid UTF-8: byte 0x" +
                         std::string(1, "0123456789ABCDEF"[c >> 4]) +
                         std::string(1, "0123456789ABCDEF"[c & 15]) + " at offset " +
                         std::to_string(pos) + "; convert it to UTF-8 first (e.g. with iconv)");
    // U+FFFE and U+FFFF are valid UTF-8 but no XML character: the TEI could not hold them.
    if (length == 3 && c == 0xEF && static_cast<unsigned char>(bytes[pos + 1]) == 0xBF &&
        static_cast<unsigned char>(bytes[pos + 2]) >= 0xBE)
      return problem(line, column,
                     std::string("input has the noncharacter U+FFF") +
                         (static_cast<unsigned char>(bytes[pos + 2]) == 0xBE ? "E" : "F") +
                         " at offset " + std::to_string(pos) +
                         ", which XML cannot hold; remove it or replace it (e.g. with U+FFFD)");
    bool control = c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    if (control)
      return problem(line, column,
                     "input looks binary: control character U+00" +
                         std::string(1, "0123456789ABCDEF"[c >> 4]) +
                         std::string(1, "0123456789ABCDEF"[c & 15]) + " at offset " +
                         std::to_string(pos));
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    pos += length;
  }
  return std::nullopt;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = sequence_length(text, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  unsigned char lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  char32_t value = lead & (0x7F >> length);
  for (int i = 1; i < length && pos + i < text.size(); ++i)
    value = (value << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  pos += length;
  return value;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace teikit
