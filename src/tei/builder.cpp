#include "tei/builder.hpp"

#include <new>
#include <stdexcept>
#include <string>

#include "core/utf8.hpp"

namespace teikit::tei {

using xml::xml_chars;

TreeBuilder::TreeBuilder() : doc_(xmlNewDoc(xml_chars("1.0"))) {
  if (!doc_) throw std::bad_alloc();
  root_ = xmlNewDocNode(doc_.get(), nullptr, xml_chars("TEI"), nullptr);
  if (root_ == nullptr) throw std::bad_alloc();
  xmlDocSetRootElement(doc_.get(), root_);
  tei_ns_ = xmlNewNs(root_, xml_chars(tei_namespace), nullptr);
  xmlSetNs(root_, tei_ns_);
  xml_ns_ = xmlSearchNs(doc_.get(), root_, xml_chars("xml"));
  if (tei_ns_ == nullptr || xml_ns_ == nullptr) throw std::bad_alloc();
}

xmlNode* TreeBuilder::element(xmlNode* parent, const char* name) {
  xmlNode* node = xmlNewChild(parent, tei_ns_, xml_chars(name), nullptr);
  if (node == nullptr) throw std::bad_alloc();
  return node;
}

xmlNode* TreeBuilder::element(xmlNode* parent, const char* name, std::string_view content) {
  xmlNode* node = element(parent, name);
  text(node, content);
  return node;
}

void TreeBuilder::text(xmlNode* parent, std::string_view content) {
  if (content.empty()) return;
  // The reader only passes whole UTF-8 sequences on; a split one is a bug, not input.
  if (!is_valid_utf8(content)) throw std::logic_error("TEI writer: text is not valid UTF-8");
  xmlNode* node = xmlNewDocTextLen(doc_.get(), xml_chars(std::string(content).c_str()),
                                   static_cast<int>(content.size()));
  if (node == nullptr) throw std::bad_alloc();
  xmlAddChild(parent, node);  // merges with a preceding text node and frees `node` if so
}

void TreeBuilder::attribute(xmlNode* node, const char* name, std::string_view value) {
  std::string text(value);
  std::string_view key(name);
  if (key.starts_with("xml:")) {
    xmlSetNsProp(node, xml_ns_, xml_chars(name + 4), xml_chars(text.c_str()));
  } else {
    xmlSetProp(node, xml_chars(name), xml_chars(text.c_str()));
  }
}

}  // namespace teikit::tei
