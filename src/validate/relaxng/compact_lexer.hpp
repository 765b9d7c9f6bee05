#pragma once

// Private to the compact-syntax reader: the lexical stages of the RELAX NG compact syntax
// (OASIS committee specification 2002-11-21, appendix A.2): decoding, BOM stripping,
// newline normalisation, \x{N} escapes, then tokens.

#include <string>
#include <string_view>
#include <vector>

namespace teikit::validate::relaxng::compact {

/// What a token is. Keywords are told apart by their text.
enum class TokenKind {
  end,            // end of input
  identifier,     // an NCName that is not a keyword, or a \-quoted NCName (text without \)
  keyword,        // one of the keywords of the grammar
  cname,          // prefix:local
  ns_name,        // prefix:* (text is the prefix)
  literal,        // one literalSegment (text is its value)
  documentation,  // ## lines (text is the documentation, lines joined by newlines)
  punctuation     // = { } , & | ? * + ( ) - ~ [ ] >> |= &=
};

/// One token with the position (1-based line and column, in characters) of its first character.
struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;
  int line = 0;
  int column = 0;
  bool quoted = false;  // an identifier written with a leading backslash
};

/// A syntax error at a position; the reader turns it into a diagnostic.
struct CompactError {
  int line = 0;
  int column = 0;
  std::string message;
};

/// Splits compact-syntax text (UTF-8, or UTF-16 with a byte order mark) into tokens,
/// ending with one `end` token. Throws CompactError.
std::vector<Token> tokenize(std::string_view text);

/// Whether `name` is a keyword of the compact syntax.
bool is_keyword(std::string_view name);

/// A token as shown in messages: `"foo"`, `literal "x"`, `end of file`.
std::string describe(const Token& token);

}  // namespace teikit::validate::relaxng::compact
