#pragma once

// The XML syntax of RELAX NG, element by element: which attributes and children each
// element may have, and the lexical checks (NCName, QName, URI). Used by the schema reader
// before it compiles anything.

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace teikit::validate::relaxng {

inline constexpr const char* rng_namespace = "http://relaxng.org/ns/structure/1.0";

/// A schema error found at a node; the reader turns it into a diagnostic.
struct SchemaFault {
  const xmlNode* node;
  std::string message;
  bool loop = false;  // a reference loop (no error in a define nothing uses)
};

/// Whether a node is an element in the RELAX NG namespace.
bool is_rng(const xmlNode* node);
/// Whether a node is the RELAX NG element `name`.
bool is_rng(const xmlNode* node, const char* name);
/// The node's local name.
std::string_view local_name(const xmlNode* node);
/// The RELAX NG child elements, in order; foreign elements skipped. Throws SchemaFault on
/// non-whitespace text (outside value, param and name) and on non-element junk.
std::vector<const xmlNode*> rng_children(const xmlNode* node);
/// Checks the element's unqualified attributes against what RELAX NG allows there.
void check_attributes(const xmlNode* node);
/// An unqualified attribute's value, whitespace-trimmed where the spec says so; empty if
/// absent (use has_attribute to tell).
std::string attribute(const xmlNode* node, const char* name);
/// Whether an unqualified attribute is present.
bool has_attribute(const xmlNode* node, const char* name);
/// The text content (for value, param, name).
std::string text_of(const xmlNode* node);
/// Strips XML whitespace at both ends.
std::string trim(std::string_view text);
/// Whether the text is an NCName.
bool is_ncname(std::string_view text);
/// Whether the text is a QName (prefix:local or local).
bool is_qname(std::string_view text);
/// Whether a datatypeLibrary value is acceptable (empty, or an absolute URI without fragment).
bool is_datatype_library_uri(std::string_view text);

}  // namespace teikit::validate::relaxng
