#pragma once

// Private to the compact-syntax reader: the XML that the translation produces, held as
// plain values while parsing (annotations move around the constructs they annotate) and
// then turned into a libxml2 document in one pass.

#include <string>
#include <utility>
#include <vector>

#include "core/xml_handles.hpp"

namespace teikit::validate::relaxng::compact {

inline constexpr const char* rng_ns = "http://relaxng.org/ns/structure/1.0";
inline constexpr const char* compatibility_ns =
    "http://relaxng.org/ns/compatibility/annotations/1.0";
inline constexpr const char* xml_ns = "http://www.w3.org/XML/1998/namespace";

/// An attribute: namespace URI ("" = none), the prefix it was written with, name, value.
struct Attribute {
  std::string ns;
  std::string prefix;
  std::string local;
  std::string value;
};

/// An element (with the prefix it was written with; "" for RELAX NG elements) or a text node.
struct Node {
  bool is_text = false;
  std::string ns;
  std::string prefix;
  std::string local;  // the element's local name, or the text of a text node
  std::vector<Attribute> attributes;
  std::vector<Node> children;
  int line = 0;
};

using Nodes = std::vector<Node>;

/// Prefix-to-URI declarations that the document element carries.
using Bindings = std::vector<std::pair<std::string, std::string>>;

/// Makes the document: `root` is its element, the RELAX NG namespace the default namespace
/// and `bindings` declared on it; the document URL is `base`.
xml::DocPtr build_document(const Node& root, const Bindings& bindings, const std::string& base);

}  // namespace teikit::validate::relaxng::compact
