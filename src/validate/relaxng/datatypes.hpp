#pragma once

// Datatype libraries for RELAX NG: the built-in library (string, token) and the W3C XML
// Schema datatypes (http://www.w3.org/2001/XMLSchema-datatypes), with parameters (facets).
// A Datatype is compiled once per schema and is immutable: safe to share across threads.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace teikit::validate::relaxng {

/// Resolves namespace prefixes where a value occurs (for QName and NOTATION values).
class NamespaceContext {
 public:
  virtual ~NamespaceContext() = default;
  /// The namespace URI bound to `prefix` ("" = the default namespace); nullopt if unbound.
  virtual std::optional<std::string> lookup(std::string_view prefix) const = 0;
  /// Whether the document declares an unparsed entity `name` (for ENTITY and ENTITIES
  /// values); without an override, none is declared, so those values are never valid.
  virtual bool is_unparsed_entity(std::string_view /*name*/) const { return false; }
};

/// What the DTD compatibility spec makes of a datatype.
enum class IdType { none, id, idref, idrefs };

/// One datatype parameter from the schema (`<param name="pattern">...</param>`).
struct DatatypeParam {
  std::string name;
  std::string value;
};

/// A compiled datatype: a type plus its parameters.
class Datatype {
 public:
  virtual ~Datatype() = default;
  /// Whether `value` is in the datatype's lexical space (and satisfies every parameter).
  /// When it is not and `why` is given, sets it to a short reason ("must be an integer").
  virtual bool allows(std::string_view value, const NamespaceContext& context,
                      std::string* why = nullptr) const = 0;
  /// Whether two values (each valid, with its own context) denote the same value.
  virtual bool equal(std::string_view a, const NamespaceContext& context_a, std::string_view b,
                     const NamespaceContext& context_b) const = 0;
  /// The type's ID-ness under DTD compatibility (xsd:ID, xsd:IDREF, xsd:IDREFS).
  virtual IdType id_type() const { return IdType::none; }
  /// A readable name for messages, e.g. "integer" or "token".
  virtual const std::string& name() const = 0;
};

/// A failure to make a datatype: an unknown library or type, a bad or unknown parameter.
struct DatatypeError {
  std::string message;
};

/// Compiles `type` of the library `library_uri` ("" = built-in) with `params`. Returns
/// the datatype, or the error. Parameters on the built-in library are an error.
std::shared_ptr<const Datatype> make_datatype(std::string_view library_uri, std::string_view type,
                                              const std::vector<DatatypeParam>& params,
                                              DatatypeError& error);

/// Whether the library is known (the built-in one or XSD datatypes).
bool is_known_library(std::string_view library_uri);

}  // namespace teikit::validate::relaxng
