#include "validate/relaxng/document_events.hpp"

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parserInternals.h>

#include <cstring>

#include "validate/node_path.hpp"

namespace teikit::validate::relaxng {
namespace {

constexpr const char* xml_namespace = "http://www.w3.org/XML/1998/namespace";

std::string_view view(const xmlChar* text) {
  return text == nullptr ? std::string_view() : std::string_view(xml::chars(text));
}

// Whether the document's DTD declares `name` as an unparsed entity (ENTITY values).
bool unparsed_entity(xmlDoc* doc, std::string_view name) {
  if (doc == nullptr) return false;
  std::string n(name);
  xmlEntity* entity = xmlGetDocEntity(doc, xml::xml_chars(n.c_str()));
  return entity != nullptr && entity->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY;
}

// Namespace bindings kept as a stack while streaming.
class BindingStack final : public ScopeContext {
 public:
  std::optional<std::string> lookup(std::string_view prefix) const override {
    if (prefix == "xml") return std::string(xml_namespace);
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->first == prefix) {
        if (it->second.empty() && !prefix.empty()) return std::nullopt;
        return it->second;
      }
    if (prefix.empty()) return std::string();
    return std::nullopt;
  }
  std::vector<std::pair<std::string, std::string>> bindings() const override { return stack_; }
  bool is_unparsed_entity(std::string_view name) const override {
    return unparsed_entity(doc, name);
  }
  xmlDoc* doc = nullptr;
  void push(std::string prefix, std::string uri) {
    stack_.emplace_back(std::move(prefix), std::move(uri));
  }
  std::size_t size() const { return stack_.size(); }
  void pop_to(std::size_t size) { stack_.resize(size); }

 private:
  std::vector<std::pair<std::string, std::string>> stack_;
};

// The namespaces in scope at a node of a tree.
class NodeContext final : public ScopeContext {
 public:
  explicit NodeContext(const xmlNode* node) : node_(node) {}
  std::optional<std::string> lookup(std::string_view prefix) const override {
    if (prefix == "xml") return std::string(xml_namespace);
    std::string p(prefix);
    xmlNs* ns = xmlSearchNs(node_->doc, const_cast<xmlNode*>(node_),
                            p.empty() ? nullptr : xml::xml_chars(p.c_str()));
    if (ns == nullptr)
      return prefix.empty() ? std::optional<std::string>(std::string()) : std::nullopt;
    return std::string(xml::chars(ns->href));
  }
  bool is_unparsed_entity(std::string_view name) const override {
    return unparsed_entity(node_->doc, name);
  }
  std::vector<std::pair<std::string, std::string>> bindings() const override {
    std::vector<std::pair<std::string, std::string>> out;
    std::vector<const xmlNode*> chain;
    for (const xmlNode* n = node_; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent)
      chain.push_back(n);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      for (const xmlNs* ns = (*it)->nsDef; ns != nullptr; ns = ns->next)
        out.emplace_back(ns->prefix ? xml::chars(ns->prefix) : "", xml::chars(ns->href));
    return out;
  }

 private:
  const xmlNode* node_;
};

void walk(Matcher& matcher, const xmlNode* node, std::vector<Diagnostic>* out);

void walk_children(Matcher& matcher, const xmlNode* first, const xmlNode* context_node,
                   std::vector<Diagnostic>* out = nullptr) {
  for (const xmlNode* child = first; child != nullptr; child = child->next) {
    switch (child->type) {
      case XML_ELEMENT_NODE:
        walk(matcher, child, out);
        break;
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        matcher.characters(view(child->content),
                           Position{static_cast<int>(xmlGetLineNo(context_node)), 0});
        break;
      case XML_ENTITY_REF_NODE:
        if (child->children != nullptr) {
          auto* entity = reinterpret_cast<const xmlEntity*>(child->children);
          walk_children(matcher, entity->children, context_node, out);
        }
        break;
      default:
        break;
    }
  }
}

// Gives the diagnostics made since `from` the path of `node`.
void attach_path(std::vector<Diagnostic>* out, std::size_t from, const xmlNode* node) {
  if (out == nullptr) return;
  for (std::size_t i = from; i < out->size(); ++i)
    if ((*out)[i].path.empty()) (*out)[i].path = validate::node_path(node);
}

void walk(Matcher& matcher, const xmlNode* node, std::vector<Diagnostic>* out) {
  NodeContext context(node);
  StartTag tag;
  tag.ns = node->ns != nullptr ? view(node->ns->href) : std::string_view();
  tag.local = view(node->name);
  tag.prefix = node->ns != nullptr ? view(node->ns->prefix) : std::string_view();
  tag.context = &context;
  tag.position = Position{static_cast<int>(xmlGetLineNo(node)), 0};
  std::vector<xml::CharPtr> values;
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    values.emplace_back(xmlNodeListGetString(node->doc, a->children, 1));
    tag.attributes.push_back(
        EventAttribute{a->ns != nullptr ? view(a->ns->href) : std::string_view(), view(a->name),
                       a->ns != nullptr ? view(a->ns->prefix) : std::string_view(),
                       values.back() ? view(values.back().get()) : std::string_view()});
  }
  std::size_t before = out != nullptr ? out->size() : 0;
  matcher.start_element(tag);
  attach_path(out, before, node);
  walk_children(matcher, node->children, node, out);
  before = out != nullptr ? out->size() : 0;
  matcher.end_element(tag.position);
  attach_path(out, before, node);
}

// The SAX side: libxml2's own SAX2 handlers still build the tree when it is wanted; these
// wrappers also tell the matcher. Entity content parsed on the side (its own context) only
// builds nodes; its events reach the matcher from the entity's nodes at each reference.
struct Streamer {
  Matcher* matcher;
  xmlParserCtxt* context;
  bool keep_tree;
  std::vector<Diagnostic>* out;
  BindingStack bindings;
  std::vector<std::size_t> marks;
  std::vector<std::pair<std::size_t, const xmlNode*>> nodes;  // diagnostic → its element
  std::size_t seen = 0;

  // Notes the element the diagnostics reported since the last call are about.
  void attach(const xmlNode* node) {
    for (; seen < out->size(); ++seen)
      if (keep_tree && node != nullptr) nodes.emplace_back(seen, node);
  }
};

Streamer* streamer_of(void* ctx) {
  auto* context = static_cast<xmlParserCtxt*>(ctx);
  auto* s = static_cast<Streamer*>(context->_private);
  return s != nullptr && s->context == context ? s : nullptr;
}

Position here(xmlParserCtxt* context) {
  return Position{xmlSAX2GetLineNumber(context), xmlSAX2GetColumnNumber(context)};
}

void on_start(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri,
              int nb_namespaces, const xmlChar** namespaces, int nb_attributes, int nb_defaulted,
              const xmlChar** attributes) {
  Streamer* s = streamer_of(ctx);
  if (s == nullptr || s->keep_tree)
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                          nb_defaulted, attributes);
  if (s == nullptr) return;
  s->matcher->flush_text();
  s->marks.push_back(s->bindings.size());
  for (int i = 0; i < nb_namespaces; ++i)
    s->bindings.push(std::string(view(namespaces[2 * i])),
                     std::string(view(namespaces[2 * i + 1])));
  StartTag tag;
  tag.ns = view(uri);
  tag.local = view(localname);
  tag.prefix = view(prefix);
  s->bindings.doc = s->context->myDoc;
  tag.context = &s->bindings;
  tag.position = here(s->context);
  // The parser stands before the tag's closing "/>" or ">"; positions are after it.
  if (const xmlChar* cur = s->context->input->cur) {
    if (cur[0] == '/' && cur[1] == '>')
      tag.position.column += 2;
    else if (cur[0] == '>')
      tag.position.column += 1;
  }
  for (int i = 0; i < nb_attributes; ++i) {
    const xmlChar** a = attributes + 5 * i;
    tag.attributes.push_back(
        EventAttribute{view(a[2]), view(a[0]), view(a[1]),
                       std::string_view(xml::chars(a[3]), static_cast<std::size_t>(a[4] - a[3]))});
  }
  // Without entity substitution the parser hands over values with references undecoded.
  std::vector<xml::CharPtr> decoded;
  for (auto& a : tag.attributes) {
    if (a.value.find('&') == std::string_view::npos) continue;
    decoded.emplace_back(xmlStringLenDecodeEntities(s->context, xml::xml_chars(a.value.data()),
                                                    static_cast<int>(a.value.size()),
                                                    XML_SUBSTITUTE_REF, 0, 0, 0));
    if (decoded.back()) a.value = view(decoded.back().get());
  }
  s->matcher->start_element(tag);
  s->attach(s->context->node);
}

void on_end(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri) {
  Streamer* s = streamer_of(ctx);
  if (s != nullptr) {
    s->matcher->end_element(here(s->context));
    s->attach(s->context->node);
    s->bindings.pop_to(s->marks.back());
    s->marks.pop_back();
  }
  if (s == nullptr || s->keep_tree) xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

void on_characters(void* ctx, const xmlChar* text, int length) {
  Streamer* s = streamer_of(ctx);
  if (s == nullptr || s->keep_tree) xmlSAX2Characters(ctx, text, length);
  if (s == nullptr) return;
  s->matcher->characters(std::string_view(xml::chars(text), static_cast<std::size_t>(length)),
                         here(s->context));
}

void on_reference(void* ctx, const xmlChar* name) {
  Streamer* s = streamer_of(ctx);
  if (s == nullptr || s->keep_tree) xmlSAX2Reference(ctx, name);
  if (s == nullptr) return;
  xmlEntity* entity = xmlGetDocEntity(s->context->myDoc, name);
  if (entity == nullptr) return;
  if (entity->children != nullptr) {
    const xmlNode* parent = s->context->node;
    walk_children(*s->matcher, entity->children, parent != nullptr ? parent : entity->children);
  } else if (entity->content != nullptr &&
             std::strchr(xml::chars(entity->content), '<') == nullptr) {
    s->matcher->characters(view(entity->content), here(s->context));
  }
}

}  // namespace

xml::DocPtr stream_document(Matcher& matcher, std::string_view bytes, const std::string& file,
                            std::vector<Diagnostic>& out, bool keep_tree, bool& well_formed,
                            bool& valid) {
  Streamer streamer{&matcher, nullptr, keep_tree, &out, {}, {}, {}, out.size()};
  matcher.start_document(file, &out);
  xml::DocPtr doc = xml::parse_untrusted(bytes, file, out, [&](xmlParserCtxt* context) {
    streamer.context = context;
    context->_private = &streamer;
    xmlSAXHandler* sax = context->sax;
    sax->startElementNs = on_start;
    sax->endElementNs = on_end;
    sax->characters = on_characters;
    sax->ignorableWhitespace = on_characters;
    sax->cdataBlock = on_characters;
    sax->reference = on_reference;
  });
  well_formed = doc != nullptr;
  valid = matcher.end_document() && well_formed;
  // The tree is whole now: each element's path can say which of its siblings it is.
  if (doc)
    for (const auto& [index, node] : streamer.nodes)
      if (index < out.size()) out[index].path = validate::node_path(node);
  if (!keep_tree) doc.reset();
  return doc;
}

bool walk_document(Matcher& matcher, xmlDoc* doc, const std::string& file,
                   std::vector<Diagnostic>& out) {
  matcher.start_document(file, &out);
  if (const xmlNode* root = xmlDocGetRootElement(doc)) walk(matcher, root, &out);
  return matcher.end_document();
}

}  // namespace teikit::validate::relaxng
