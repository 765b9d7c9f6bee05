#pragma once

#include <string_view>

#include "core/xml_handles.hpp"

namespace teikit::tei {

/// The TEI namespace URI.
inline constexpr const char* tei_namespace = "http://www.tei-c.org/ns/1.0";

/// Builds elements in the TEI namespace on a libxml2 tree the builder owns until release().
class TreeBuilder {
 public:
  /// Creates a document whose root is <TEI xmlns="…">.
  TreeBuilder();
  /// The root element.
  xmlNode* root() const { return root_; }
  /// Appends a child element.
  xmlNode* element(xmlNode* parent, const char* name);
  /// Appends a child element holding `text`.
  xmlNode* element(xmlNode* parent, const char* name, std::string_view text);
  /// Appends text, merging with a preceding text node.
  void text(xmlNode* parent, std::string_view text);
  /// Sets an attribute (xml:id and xml:lang go in the XML namespace).
  void attribute(xmlNode* node, const char* name, std::string_view value);
  /// Hands the finished document over.
  xml::DocPtr release() { return std::move(doc_); }

 private:
  xml::DocPtr doc_;
  xmlNode* root_ = nullptr;
  xmlNs* tei_ns_ = nullptr;
  xmlNs* xml_ns_ = nullptr;
};

}  // namespace teikit::tei
