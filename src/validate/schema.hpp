#pragma once

// jing's split: a schema reader builds an immutable Schema once; each thread asks it for a
// Validator of its own; validators report into a diagnostics sink.

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/xml_handles.hpp"

namespace teikit::validate {

/// What a validator that reads the bytes itself found.
struct StreamResult {
  bool well_formed = false;
  bool valid = false;
  xml::DocPtr tree;  // the parsed document, when asked for
};

/// Checks documents against one compiled schema. Not shareable: one per thread.
class Validator {
 public:
  virtual ~Validator() = default;
  /// Validates a parsed document, appending problems; returns whether it is valid.
  virtual bool validate(xmlDoc* doc, const std::string& file, std::vector<Diagnostic>& out) = 0;
  /// Whether validate_stream is available: validation while parsing, with line and column.
  virtual bool can_stream() const { return false; }
  /// Parses `bytes` (safely, as untrusted) and validates in the same pass; well-formedness
  /// problems and validity problems go to `out` in document order. Keeps the tree if asked.
  virtual StreamResult validate_stream(std::string_view bytes, const std::string& file,
                                       std::vector<Diagnostic>& out, bool keep_tree);
};

/// A compiled, immutable schema; safe to share across threads.
class Schema {
 public:
  virtual ~Schema() = default;
  /// A new validator for the calling thread.
  virtual std::unique_ptr<Validator> make_validator() const = 0;
  /// What kind of schema this is ("RELAX NG", "W3C XML Schema", "DTD", "Schematron").
  virtual const char* kind() const = 0;
};

/// A schema that failed to load is reported through diagnostics, never half-built.
class SchemaError : public DiagnosticsError {
 public:
  using DiagnosticsError::DiagnosticsError;
};

}  // namespace teikit::validate
