#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace teikit {

/// Checks that `bytes` is usable text: not empty, not binary (no NUL), well-formed UTF-8.
/// Returns the error (with line, column and byte offset in its message) or nothing.
std::optional<Diagnostic> check_text_input(std::string_view bytes, const std::string& file);

/// Whether every byte sequence of `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

/// Decodes the code point starting at `text[pos]` (which must be valid UTF-8) and advances pos.
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// Appends the UTF-8 encoding of `code_point` to `out`.
void append_utf8(std::string& out, char32_t code_point);

/// How many code points the UTF-8 `text` holds (its continuation bytes not counted).
std::size_t utf8_length(std::string_view text);

}  // namespace teikit
