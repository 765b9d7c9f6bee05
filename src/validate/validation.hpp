#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "validate/schema_set.hpp"

namespace teikit::validate {

/// The verdict on one file.
struct FileResult {
  std::string file;
  bool valid = false;
  bool io_error = false;  // the file could not be read
  std::vector<Diagnostic> diagnostics;
  std::size_t errors() const;
  std::size_t warnings() const;
};

/// Validates documents against a SchemaSet; one per thread (it owns the validators).
class DocumentValidator {
 public:
  /// Makes this thread's validators for every schema in the set.
  explicit DocumentValidator(const SchemaSet& schemas);
  /// Checks one file: well-formedness first (which stops that file), then the grammar, then
  /// the Schematron rules. Every problem is reported, not just the first.
  FileResult validate_file(const std::string& path);
  /// The same for bytes already in memory.
  FileResult validate_bytes(std::string_view bytes, const std::string& name);
  /// Checks a document already parsed (well-formed by construction).
  FileResult validate_document(xmlDoc* doc, const std::string& name);

 private:
  std::unique_ptr<Validator> grammar_;
  std::vector<std::unique_ptr<Validator>> rules_;
};

}  // namespace teikit::validate
