#pragma once

// An ISO Schematron engine on libxml2's XPath 1.0 (with the EXSLT functions libexslt
// provides): ns, pattern, rule/@context, assert, report, let, value-of, name, diagnostics,
// phase, abstract patterns and rules, include, xsl:key.

#include <libxml/tree.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "validate/schema.hpp"

namespace teikit::validate::schematron {

/// One piece of an assertion's message.
struct MessagePart {
  enum class Kind { text, value_of, name } kind = Kind::text;
  std::string value;  // the text, or the XPath of value-of/@select or name/@path
};

/// A variable: `let name="…" value="…"` (or element content when there is no value).
struct Variable {
  std::string name;
  std::string value;    // XPath; empty when `content` is used
  std::string content;  // string content of a let without @value
  bool has_value = true;
};

/// An assert (fires when its test is false) or a report (fires when true).
struct Assertion {
  bool report = false;
  std::string id;
  std::string role;
  std::string test;
  std::vector<MessagePart> message;
  std::vector<std::string> diagnostics;  // ids
  int line = 0;
};

/// A rule: for each node its context matches (first matching rule of a pattern only).
struct Rule {
  std::string id;
  std::string context;
  std::vector<Variable> variables;
  std::vector<Assertion> assertions;
  int line = 0;
};

/// A pattern: a set of rules applied together.
struct Pattern {
  std::string id;
  std::string documents;  // XPath to the URIs of subordinate documents the rules apply to
  std::vector<Variable> variables;
  std::vector<Rule> rules;
};

/// A phase: which patterns are active.
struct Phase {
  std::string id;
  std::vector<std::string> active;
  std::vector<Variable> variables;
};

/// An xsl:key declaration.
struct Key {
  std::string name;
  std::string match;
  std::string use;
};

/// A parsed schema, after abstract patterns and rules have been instantiated.
struct Document {
  std::string query_binding;  // "xslt" when absent
  std::vector<std::pair<std::string, std::string>> namespaces;
  std::vector<Variable> variables;
  std::vector<Pattern> patterns;
  std::vector<Phase> phases;
  std::string default_phase;
  std::map<std::string, std::vector<MessagePart>> diagnostics;
  std::vector<Key> keys;
};

/// What was left out because it needs more than XPath 1.0.
struct SkippedRule {
  std::string pattern;
  std::string context;
  std::string reason;
};

/// Compiled Schematron rules; immutable and shareable across threads.
class SchematronSchema final : public Schema {
 public:
  /// Builds from a parsed document; checks every expression. With `lenient`, rules whose
  /// expressions need more than XPath 1.0 are skipped (counted) instead of failing.
  SchematronSchema(Document document, std::string phase, bool lenient, const std::string& base);
  const char* kind() const override { return "Schematron"; }
  std::unique_ptr<Validator> make_validator() const override;
  /// The schema after phase selection.
  const Document& document() const { return document_; }
  /// Rules that cannot run here.
  const std::vector<SkippedRule>& skipped() const { return skipped_; }

 private:
  Document document_;
  std::vector<SkippedRule> skipped_;
};

/// Reads a Schematron schema (a standalone .sch file). Throws SchemaError.
std::shared_ptr<const SchematronSchema> load(std::string_view bytes, const std::string& base,
                                             const std::string& phase = {});

/// Reads the Schematron embedded in a RELAX NG schema (sch:pattern inside the grammar), or
/// returns null when there is none. Rules needing XPath 2.0 are skipped, not fatal.
std::shared_ptr<const SchematronSchema> load_embedded(std::string_view rng_bytes,
                                                      const std::string& base);

/// Parses a schema element (sch:schema) into a Document; throws SchemaError.
Document parse_schema(const xmlNode* schema, const std::string& base);

}  // namespace teikit::validate::schematron
