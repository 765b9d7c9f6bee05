// Turns the translated schema into a libxml2 tree with the libxml2 tree API.

#include "validate/relaxng/compact_tree.hpp"

#include <algorithm>
#include <map>
#include <new>

namespace teikit::validate::relaxng::compact {
namespace {

using xml::xml_chars;

class DocumentBuilder {
 public:
  DocumentBuilder(xmlDoc* doc, const Bindings& bindings, xmlNode* root) : doc_(doc) {
    rng_ = xmlNewNs(root, xml_chars(rng_ns), nullptr);
    for (const auto& [prefix, uri] : bindings)
      prefixes_[prefix] = xmlNewNs(root, xml_chars(uri.c_str()), xml_chars(prefix.c_str()));
  }

  // Gives `out` the name, attributes and content of `node`. `default_ns` is the default
  // namespace in scope at `out`'s parent.
  void fill(xmlNode* out, const Node& node, const std::string& default_ns) {
    std::string scope = default_ns;
    if (node.ns == rng_ns) {
      // Inside an xmlns="" element the RELAX NG namespace is declared as the default again.
      xmlSetNs(out, default_ns == rng_ns ? rng_ : xmlNewNs(out, xml_chars(rng_ns), nullptr));
      scope = rng_ns;
    } else if (node.ns.empty()) {
      if (!default_ns.empty()) xmlNewNs(out, xml_chars(""), nullptr);  // xmlns=""
      scope.clear();
    } else {
      xmlSetNs(out, namespace_for(out, node.prefix, node.ns));
    }
    out->line = static_cast<unsigned short>(std::clamp(node.line, 0, 65535));
    for (const Attribute& attribute : node.attributes) {
      xmlNs* ns =
          attribute.ns.empty() ? nullptr : namespace_for(out, attribute.prefix, attribute.ns);
      xmlNewNsProp(out, ns, xml_chars(attribute.local.c_str()), xml_chars(attribute.value.c_str()));
    }
    for (const Node& child : node.children) {
      if (child.is_text) {
        xmlAddChild(out, xmlNewDocText(doc_, xml_chars(child.local.c_str())));
        continue;
      }
      xmlNode* element = xmlNewDocNode(doc_, nullptr, xml_chars(child.local.c_str()), nullptr);
      if (element == nullptr) throw std::bad_alloc();
      xmlAddChild(out, element);
      fill(element, child, scope);
    }
  }

 private:
  // The declaration for a foreign name: the one on the root for its prefix, or a new one.
  xmlNs* namespace_for(xmlNode* out, const std::string& prefix, const std::string& uri) {
    if (uri == xml_ns) return xmlSearchNsByHref(doc_, out, xml_chars(xml_ns));
    auto found = prefixes_.find(prefix);
    if (found != prefixes_.end() && uri == xml::chars(found->second->href)) return found->second;
    for (const auto& [name, ns] : prefixes_)
      if (uri == xml::chars(ns->href)) return ns;
    std::string fresh = "ns" + std::to_string(prefixes_.size() + 1);
    while (prefixes_.count(fresh) != 0) fresh += "_";
    xmlNs* root_ns =
        xmlNewNs(xmlDocGetRootElement(doc_), xml_chars(uri.c_str()), xml_chars(fresh.c_str()));
    prefixes_[fresh] = root_ns;
    return root_ns;
  }

  xmlDoc* doc_;
  xmlNs* rng_ = nullptr;
  std::map<std::string, xmlNs*> prefixes_;
};

}  // namespace

xml::DocPtr build_document(const Node& root, const Bindings& bindings, const std::string& base) {
  xml::DocPtr doc(xmlNewDoc(xml_chars("1.0")));
  if (!doc) throw std::bad_alloc();
  doc->URL = xmlStrdup(xml_chars(base.c_str()));
  xmlNode* top = xmlNewDocNode(doc.get(), nullptr, xml_chars(root.local.c_str()), nullptr);
  if (top == nullptr) throw std::bad_alloc();
  xmlDocSetRootElement(doc.get(), top);
  DocumentBuilder builder(doc.get(), bindings, top);
  builder.fill(top, root, rng_ns);
  return doc;
}

}  // namespace teikit::validate::relaxng::compact
