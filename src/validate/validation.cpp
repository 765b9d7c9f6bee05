#include "validate/validation.hpp"

#include <algorithm>

#include "core/atomic_file.hpp"
#include "core/xml_handles.hpp"

namespace teikit::validate {

std::size_t FileResult::errors() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t FileResult::warnings() const {
  return diagnostics.size() - errors();
}

DocumentValidator::DocumentValidator(const SchemaSet& schemas) {
  if (schemas.grammar) grammar_ = schemas.grammar->make_validator();
  for (const auto& rules : schemas.rules) rules_.push_back(rules->make_validator());
}

FileResult DocumentValidator::validate_file(const std::string& path) {
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const IoError& e) {
    FileResult result;
    result.file = path;
    result.io_error = true;
    std::string message = e.what();
    if (message.starts_with(path + ": ")) message = message.substr(path.size() + 2);
    result.diagnostics.push_back(Diagnostic{path, 0, 0, Severity::error, message, "io", {}, {}});
    return result;
  }
  return validate_bytes(bytes, path);
}

FileResult DocumentValidator::validate_bytes(std::string_view bytes, const std::string& name) {
  FileResult result;
  result.file = name;
  if (grammar_ && grammar_->can_stream()) {
    // One pass: parse and check the grammar together; the tree only if rules need it.
    StreamResult streamed =
        grammar_->validate_stream(bytes, name, result.diagnostics, !rules_.empty());
    if (!streamed.well_formed) {
      if (result.errors() == 0)
        result.diagnostics.push_back(Diagnostic{
            name, 0, 0, Severity::error, "not a well-formed XML document", "xml", {}, {}});
      return result;
    }
    // A well-formed document keeps the parser's warnings only (as below): its other
    // complaints (a repeated xml:id) are the grammar's to make.
    std::erase_if(result.diagnostics, [](const Diagnostic& d) {
      return d.source == "xml" && d.severity == Severity::error;
    });
    bool valid = streamed.valid;
    for (auto& rules : rules_)
      valid = rules->validate(streamed.tree.get(), name, result.diagnostics) && valid;
    result.valid = valid && result.errors() == 0;
    return result;
  }
  auto doc = xml::parse_untrusted(bytes, name, result.diagnostics);
  if (!doc) {
    if (result.diagnostics.empty())
      result.diagnostics.push_back(
          Diagnostic{name, 0, 0, Severity::error, "not a well-formed XML document", "xml", {}, {}});
    return result;
  }
  // A well-formed document keeps the parser's warnings (external resources not loaded).
  std::vector<Diagnostic> warnings;
  for (auto& d : result.diagnostics)
    if (d.severity == Severity::warning) warnings.push_back(std::move(d));
  FileResult checked = validate_document(doc.get(), name);
  warnings.insert(warnings.end(), std::make_move_iterator(checked.diagnostics.begin()),
                  std::make_move_iterator(checked.diagnostics.end()));
  checked.diagnostics = std::move(warnings);
  return checked;
}

FileResult DocumentValidator::validate_document(xmlDoc* doc, const std::string& name) {
  FileResult result;
  result.file = name;
  bool valid = true;
  if (grammar_) valid = grammar_->validate(doc, name, result.diagnostics) && valid;
  for (auto& rules : rules_) valid = rules->validate(doc, name, result.diagnostics) && valid;
  result.valid = valid && result.errors() == 0;
  return result;
}

}  // namespace teikit::validate
