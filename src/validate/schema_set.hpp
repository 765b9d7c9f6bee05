#pragma once

#include <memory>
#include <string>
#include <vector>

#include "validate/schema.hpp"
#include "validate/schematron/schematron.hpp"

namespace teikit::validate {

/// What a document is checked against: a grammar (RELAX NG, XSD or DTD) and Schematron
/// rules (a standalone schema and/or those embedded in the RELAX NG). Immutable; shared by
/// all threads.
struct SchemaSet {
  std::shared_ptr<const Schema> grammar;
  std::vector<std::shared_ptr<const schematron::SchematronSchema>> rules;
  std::string grammar_name;  // for messages: "teikit (built-in)" or the path

  /// How many Schematron rules could not run here (they need XPath 2.0).
  std::size_t skipped_rules() const;
};

/// How to build a SchemaSet.
struct SchemaOptions {
  std::string schema;      // path; empty = built-in teikit.rng
  std::string schematron;  // path; empty = built-in teikit.sch (with the built-in grammar)
  std::string phase;
  bool no_schematron = false;
  /// Which RELAX NG engine compiles .rng/.rnc grammars: "native" (teikit's) or "libxml2".
  std::string engine = "native";
};

/// Loads and compiles the schemas once. Throws SchemaError or IoError.
SchemaSet load_schemas(const SchemaOptions& options);

}  // namespace teikit::validate
