// The RELAX NG compact syntax reader: tokens (compact_lexer.cpp), the translation into the
// XML syntax (compact_parser.cpp, compact_patterns.cpp), the document (compact_tree.cpp).

#include "validate/relaxng/compact_reader.hpp"

#include <algorithm>
#include <optional>

#include "validate/relaxng/compact_parser.hpp"

namespace teikit::validate::relaxng {

xml::DocPtr read_compact_syntax(std::string_view text, const std::string& base,
                                std::vector<Diagnostic>& diagnostics) {
  std::vector<compact::CompactError> errors;
  std::optional<compact::Node> root;
  std::optional<compact::Parser> parser;
  try {
    parser.emplace(compact::tokenize(text));
    root = parser->parse_schema();
  } catch (const compact::CompactError& error) {
    errors.push_back(error);
  }
  if (parser) errors.insert(errors.begin(), parser->errors().begin(), parser->errors().end());
  if (errors.empty()) return compact::build_document(*root, parser->root_bindings(), base);
  std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  for (const auto& error : errors)
    diagnostics.push_back(Diagnostic{
        base, error.line, error.column, Severity::error, error.message, "schema", {}, {}});
  return nullptr;
}

}  // namespace teikit::validate::relaxng
