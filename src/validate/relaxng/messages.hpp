#pragma once

// jing-style validation messages: what the schema expected where the document went wrong,
// worded from one message catalogue.

#include <string>
#include <string_view>
#include <vector>

#include "validate/relaxng/derivatives.hpp"

namespace teikit::validate::relaxng {

/// The message catalogue: every message a validator reports.
enum class Message {
  element_not_allowed_anywhere,  // {0} element, {1} expectation
  element_not_allowed_here,
  element_not_allowed_yet,
  element_incomplete,
  attribute_not_allowed,      // {0} attribute, {1} expected attributes
  attribute_value_invalid,    // {0} attribute, {1} what it must be
  attribute_missing,          // {0} element, {1} attribute(s)
  text_not_allowed,           // {0} expectation
  character_content_invalid,  // {0} element, {1} what it must be
  id_duplicate,               // {0} id, {1} where first
  idref_dangling,             // {0} id
};

/// Fills a catalogue message with its arguments ({0}, {1}).
std::string message(Message id, const std::vector<std::string>& args);

/// Prints names as a document would: prefix:local, or local with an `xmlns` hint.
class NamePrinter {
 public:
  /// A printer for a place where `default_ns` is the default namespace and `bindings` are
  /// the prefixes in scope.
  NamePrinter(const NameTable& names, std::string default_ns,
              std::vector<std::pair<std::string, std::string>> bindings);
  /// `"name"` for one name, and collects the hint its namespace needs.
  std::string quote(QName name, bool is_attribute);
  /// The hint, e.g. ` (with xmlns="uri")`, or "".
  std::string hint() const;

 private:
  const NameTable& names_;
  std::string default_ns_;
  std::vector<std::pair<std::string, std::string>> bindings_;  // prefix → uri
  std::vector<std::string> undeclared_;
  std::vector<std::string> undeclared_attribute_ns_;
};

/// What may come next in an element's content.
struct Expectation {
  std::vector<QName> elements;
  bool end_tag = false;
  bool text = false;
  bool data = false;
  bool wildcard = false;
};

/// What the content state `p` allows next.
Expectation expected_content(Derivatives& d, PatternId p);
/// The names of every element that may occur anywhere in the rest of the content state.
std::vector<QName> possible_elements(Derivatives& d, PatternId p);
/// The elements the content state cannot do without next (empty when it is a choice).
std::vector<QName> required_elements(Derivatives& d, PatternId p);
/// Attributes the state allows; `wildcard` set if a name class has one.
std::vector<QName> expected_attributes(Derivatives& d, PatternId p, bool& wildcard);
/// Attributes the state requires but were not given.
std::vector<QName> required_attributes(Derivatives& d, PatternId p);
/// "must be …" for the attribute patterns of the state matching `name`, given `value`.
std::string value_constraint(Derivatives& d, const CompiledGrammar& g, PatternId p, QName name,
                             std::string_view value, const NamespaceContext& context);
/// "must be …" for the data or values the content state allows.
std::string content_constraint(Derivatives& d, const CompiledGrammar& g, PatternId p,
                               std::string_view value, const NamespaceContext& context);
/// "expected the element end-tag, text or element "a" or "b"" for an expectation.
std::string describe(const Expectation& e, NamePrinter& printer);
/// `"a", "b" or "c"`, each quoted by the printer.
std::string name_list(const std::vector<QName>& names, NamePrinter& printer, bool attributes);

}  // namespace teikit::validate::relaxng
