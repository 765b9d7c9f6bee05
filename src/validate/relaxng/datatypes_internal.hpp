#pragma once

// Internals shared by the datatype library sources (datatypes*.cpp); the engine codes
// against datatypes.hpp only.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "validate/relaxng/datatypes.hpp"
#include "validate/relaxng/whitespace.hpp"

namespace teikit::validate::relaxng::detail {

/// The namespace URI of the W3C XML Schema datatype library for RELAX NG.
inline constexpr std::string_view xsd_library_uri = "http://www.w3.org/2001/XMLSchema-datatypes";

/// `text` with every XML whitespace character turned into a space (whiteSpace "replace").
std::string replace_whitespace(std::string_view text);

/// `text` stripped, each run of XML whitespace made one space (whiteSpace "collapse").
std::string collapse_whitespace(std::string_view text);

/// Compiles the XML Schema datatype `type` with `params`; null with `error` set on failure.
std::shared_ptr<const Datatype> make_xsd_datatype(std::string_view type,
                                                  const std::vector<DatatypeParam>& params,
                                                  DatatypeError& error);

/// Checks an XML Schema regular expression and rewrites it for libxml2's regexp engine
/// (block escapes such as \p{IsGothic} become the block's character ranges). Returns the
/// rewritten expression, or nullopt with `error` saying what is wrong.
std::optional<std::string> translate_xsd_regex(std::string_view regex, std::string& error);

/// An xsd:decimal of any size: integer digits without leading zeros, fraction digits
/// without trailing zeros (zero is "", "" and not negative).
struct Decimal {
  bool negative = false;
  std::string integer;
  std::string fraction;
};

/// Parses a whitespace-collapsed xsd:decimal literal (xsd:integer with `integer_only`).
std::optional<Decimal> parse_decimal(std::string_view text, bool integer_only);

/// Negative, zero or positive as `a` is less than, equal to or greater than `b`.
int compare(const Decimal& a, const Decimal& b);

}  // namespace teikit::validate::relaxng::detail
