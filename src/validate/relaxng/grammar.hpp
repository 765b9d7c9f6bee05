#pragma once

// A compiled RELAX NG schema: its start pattern over frozen, hash-consed patterns, its name
// classes, datatypes and values. Immutable once built; shared by every validator.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "validate/relaxng/datatypes.hpp"
#include "validate/relaxng/names.hpp"
#include "validate/relaxng/pattern.hpp"

namespace teikit::validate::relaxng {

/// The namespace bindings in scope where a schema gives a value (for QName values).
class StaticContext final : public NamespaceContext {
 public:
  std::map<std::string, std::string> bindings;  // prefix ("" = default) → URI
  /// The URI bound to `prefix`.
  std::optional<std::string> lookup(std::string_view prefix) const override;
};

/// A `<value>` of the schema.
struct SchemaValue {
  std::uint32_t datatype;  // index into CompiledGrammar::datatypes
  std::string text;
  StaticContext context;
};

/// A `<data>` or `<value>`'s compiled datatype.
struct SchemaDatatype {
  std::shared_ptr<const Datatype> datatype;
};

/// The ID-ness of an attribute on an element (DTD compatibility), keyed by names.
struct IdAttributeKey {
  QName element;
  QName attribute;
  bool operator<(const IdAttributeKey& o) const {
    return std::tie(element.ns, element.local, attribute.ns, attribute.local) <
           std::tie(o.element.ns, o.element.local, o.attribute.ns, o.attribute.local);
  }
};

/// Where a schema defines something: file and line.
struct SourcePosition {
  std::string file;
  int line = 0;
};

/// A problem of a compiled schema, at the element pattern it concerns (or none).
struct SchemaProblem {
  std::string message;
  PatternId element = not_allowed_id;
};

/// Everything a validator needs.
struct CompiledGrammar {
  PatternStore patterns;
  NameClasses name_classes;
  NameTable names;
  std::vector<SchemaDatatype> datatypes;
  std::vector<SchemaValue> values;
  PatternId start = not_allowed_id;
  std::map<IdAttributeKey, IdType> id_attributes;
  bool has_ids = false;
  /// Every element pattern, for recovery: content to check an element against where it is
  /// not allowed.
  std::vector<PatternId> elements;
  /// Where each element pattern is written, for the schema's own error messages.
  std::map<PatternId, SourcePosition> element_sources;
};

/// Fills `id_attributes` (DTD compatibility): for each element and attribute name pair, the
/// ID type its datatype declares. Reports what makes the schema incompatible: an ID-typed
/// attribute under a wildcard name, or one name pair with two ID types.
void find_id_attributes(CompiledGrammar& grammar, std::vector<SchemaProblem>& problems);

}  // namespace teikit::validate::relaxng
