#include "validate/relaxng/schema_reader.hpp"

#include <libxml/uri.h>

#include <deque>
#include <filesystem>
#include <functional>
#include <map>

#include "core/atomic_file.hpp"
#include "core/xml_handles.hpp"
#include "validate/relaxng/compact_reader.hpp"
#include "validate/relaxng/syntax.hpp"

namespace teikit::validate::relaxng {
namespace {

// What an element inherits from its ancestors (section 4.3 and 4.9).
struct Inherited {
  std::string ns;
  std::string datatype_library;
};

struct Scope;

// A named define (or the start) of one grammar, with every definition that combines into it.
struct Definition {
  struct Part {
    const xmlNode* node;  // the define or start element
    Inherited inherited;
  };
  std::vector<Part> parts;
  enum class State { fresh, busy, done } state = State::fresh;
  PatternId pattern = not_allowed_id;
};

struct Scope {
  Scope* parent = nullptr;
  std::map<std::string, Definition> defines;
  Definition start;
};

// A start or define found in a grammar, before include overrides are applied.
struct Component {
  bool is_start;
  std::string name;
  const xmlNode* node;
  Inherited inherited;
};

class Reader {
 public:
  Reader(const std::string& base, const ReaderOptions& options) : base_(base), options_(options) {}

  std::shared_ptr<const CompiledGrammar> read(std::string_view bytes,
                                              std::vector<Diagnostic>& diagnostics);

 private:
  const xmlNode* load(const std::string& href, const xmlNode* from);
  void drain_pending() {
    while (!pending_.empty()) {
      PendingElement e = std::move(pending_.front());
      pending_.pop_front();
      builder_.set_element_content(e.element,
                                   compile_group(e.content, e.first, e.inherited, e.scope));
    }
  }
  void collect(const xmlNode* container, const Inherited& inherited, std::vector<Component>& out,
               bool in_include);
  void include(const xmlNode* node, const Inherited& inherited, std::vector<Component>& out);
  PatternId compile(const xmlNode* node, Inherited inherited, Scope* scope);
  PatternId compile_group(const std::vector<const xmlNode*>& nodes, std::size_t from,
                          const Inherited& inherited, Scope* scope);
  PatternId compile_grammar(const xmlNode* node, const Inherited& inherited, Scope* scope);
  PatternId compile_definition(Definition& definition, const std::string& name, Scope* scope,
                               const xmlNode* ref);
  PatternId compile_data(const xmlNode* node, const Inherited& inherited, Scope* scope);
  PatternId compile_value(const xmlNode* node, const Inherited& inherited);
  NameClassId compile_name_class(const xmlNode* node, Inherited inherited, int except_depth);
  NameClassId name_from_attribute(const xmlNode* node, const Inherited& inherited,
                                  bool is_attribute);
  QName resolve_qname(const xmlNode* node, const std::string& qname, const std::string& ns);
  void check_attribute_name(const xmlNode* node, NameClassId nc);
  Inherited apply(const xmlNode* node, Inherited inherited);

  std::string base_;
  const ReaderOptions& options_;
  std::vector<xml::DocPtr> documents_;
  std::vector<std::string> loading_;  // files being included, to find loops
  std::deque<Scope> scopes_;
  PatternBuilder builder_;
  std::shared_ptr<CompiledGrammar> grammar_ = std::make_shared<CompiledGrammar>();
  struct PendingElement {
    PatternId element;
    std::vector<const xmlNode*> content;  // pattern children
    std::size_t first;
    Inherited inherited;
    Scope* scope;
  };
  std::deque<PendingElement> pending_;
};

std::string default_read(const std::string& path) {
  return read_file(path);
}

Inherited Reader::apply(const xmlNode* node, Inherited inherited) {
  if (has_attribute(node, "ns")) inherited.ns = attribute(node, "ns");
  if (has_attribute(node, "datatypeLibrary")) {
    std::string library = attribute(node, "datatypeLibrary");
    if (!is_datatype_library_uri(library))
      throw SchemaFault{
          node, "datatypeLibrary \"" + library + "\" is not an absolute URI without a fragment"};
    inherited.datatype_library = library;
  }
  return inherited;
}

const xmlNode* Reader::load(const std::string& href, const xmlNode* from) {
  if (href.find('#') != std::string::npos)
    throw SchemaFault{from, "href \"" + href + "\" must not have a fragment identifier"};
  xml::CharPtr node_base(xmlNodeGetBase(from->doc, from));
  xml::CharPtr escaped(
      xmlURIEscapeStr(xml::xml_chars(href.c_str()), xml::xml_chars(":/?#[]@!$&'()*+,;=%")));
  std::string path =
      xml::resolve_local(escaped ? xml::chars(escaped.get()) : href, node_base.get());
  if (path.find("://") != std::string::npos)
    throw SchemaFault{from, "cannot load \"" + href + "\": only local files are read"};
  if (char* unescaped = xmlURIUnescapeString(path.c_str(), 0, nullptr)) {
    path = unescaped;
    xmlFree(unescaped);
  }
  for (const auto& open : loading_)
    if (open == path) throw SchemaFault{from, "\"" + href + "\" includes itself"};
  std::string bytes;
  try {
    bytes = (options_.read != nullptr ? options_.read : default_read)(path);
  } catch (const std::exception& e) {
    throw SchemaFault{from, std::string("cannot read \"") + href + "\": " + e.what()};
  }
  std::vector<Diagnostic> diagnostics;
  xml::DocPtr doc;
  if (std::filesystem::path(path).extension() == ".rnc")
    doc = read_compact_syntax(bytes, path, diagnostics);
  else
    doc = xml::parse_untrusted(bytes, path, diagnostics);
  if (!doc) {
    std::string why = diagnostics.empty() ? "not well-formed" : diagnostics.front().message;
    throw SchemaFault{from, "cannot read \"" + href + "\": " + why};
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  documents_.push_back(std::move(doc));
  if (!is_rng(root)) throw SchemaFault{root, "the root element is not a RELAX NG element"};
  return root;
}

void Reader::collect(const xmlNode* container, const Inherited& inherited,
                     std::vector<Component>& out, bool in_include) {
  for (const xmlNode* child : rng_children(container)) {
    check_attributes(child);
    Inherited here = apply(child, inherited);
    std::string_view name = local_name(child);
    if (name == "start") {
      out.push_back(Component{true, {}, child, here});
    } else if (name == "define") {
      std::string define = attribute(child, "name");
      if (!is_ncname(define)) throw SchemaFault{child, "define needs a name that is an NCName"};
      out.push_back(Component{false, define, child, here});
    } else if (name == "div") {
      collect(child, here, out, in_include);
    } else if (name == "include" && !in_include) {
      include(child, here, out);
    } else {
      throw SchemaFault{child, "element \"" + std::string(name) + "\" not allowed in " +
                                   (in_include ? "include" : "grammar")};
    }
  }
}

void Reader::include(const xmlNode* node, const Inherited& inherited, std::vector<Component>& out) {
  if (!has_attribute(node, "href")) throw SchemaFault{node, "include needs an href"};
  const xmlNode* root = load(attribute(node, "href"), node);
  if (!is_rng(root, "grammar"))
    throw SchemaFault{node, "the included file's root element is not \"grammar\""};
  check_attributes(root);
  Inherited root_inherited{inherited.ns, {}};
  root_inherited = apply(root, root_inherited);
  loading_.push_back(xml::chars(root->doc->URL));
  std::vector<Component> included;
  collect(root, root_inherited, included, false);
  loading_.pop_back();
  std::vector<Component> overrides;
  collect(node, inherited, overrides, true);
  for (const Component& o : overrides) {
    auto same = [&](const Component& c) { return c.is_start == o.is_start && c.name == o.name; };
    bool found = false;
    for (const Component& c : included) found = found || same(c);
    if (!found)
      throw SchemaFault{o.node, o.is_start ? std::string("include overrides the start, but the "
                                                         "included grammar has none")
                                           : "include overrides \"" + o.name +
                                                 "\", which the included grammar does not define"};
    std::erase_if(included, same);
  }
  out.insert(out.end(), included.begin(), included.end());
  out.insert(out.end(), overrides.begin(), overrides.end());
}

PatternId Reader::compile_grammar(const xmlNode* node, const Inherited& inherited, Scope* parent) {
  scopes_.emplace_back();
  Scope* scope = &scopes_.back();
  scope->parent = parent;
  std::vector<Component> components;
  collect(node, inherited, components, false);
  for (const Component& c : components) {
    Definition& d = c.is_start ? scope->start : scope->defines[c.name];
    d.parts.push_back(Definition::Part{c.node, c.inherited});
  }
  // Section 4.17: at most one part without `combine`; every `combine` the same.
  auto check_combine = [](const Definition& d, const std::string& what) {
    std::string method;
    int plain = 0;
    for (const auto& part : d.parts) {
      std::string combine = attribute(part.node, "combine");
      if (!has_attribute(part.node, "combine")) {
        ++plain;
        if (plain > 1 && d.parts.size() > 1)
          throw SchemaFault{part.node, what + " is defined twice without \"combine\""};
        continue;
      }
      if (combine != "choice" && combine != "interleave")
        throw SchemaFault{part.node, "combine must be \"choice\" or \"interleave\""};
      if (!method.empty() && method != combine)
        throw SchemaFault{part.node, what + " is combined both by choice and by interleave"};
      method = combine;
    }
  };
  check_combine(scope->start, "the start");
  for (const auto& [name, d] : scope->defines) check_combine(d, "\"" + name + "\"");
  if (scope->start.parts.empty()) throw SchemaFault{node, "grammar has no start"};
  PatternId start = compile_definition(scope->start, {}, scope, node);
  return start;
}

PatternId Reader::compile_definition(Definition& definition, const std::string& name, Scope* scope,
                                     const xmlNode* ref) {
  if (definition.state == Definition::State::done) return definition.pattern;
  if (definition.state == Definition::State::busy)
    throw SchemaFault{ref, "\"" + name + "\" refers to itself without an element in between", true};
  definition.state = Definition::State::busy;
  PatternId result = not_allowed_id;
  bool first = true;
  bool interleave = false;
  for (const auto& part : definition.parts)
    if (attribute(part.node, "combine") == "interleave") interleave = true;
  for (const auto& part : definition.parts) {
    auto children = rng_children(part.node);
    if (children.empty())
      throw SchemaFault{part.node, std::string(local_name(part.node)) + " needs a pattern"};
    if (local_name(part.node) == "start" && children.size() > 1)
      throw SchemaFault{part.node, "start must have exactly one pattern"};
    PatternId p = compile_group(children, 0, part.inherited, scope);
    if (first)
      result = p;
    else
      result = interleave ? builder_.interleave(result, p) : builder_.choice(result, p);
    first = false;
  }
  definition.pattern = result;
  definition.state = Definition::State::done;
  return result;
}

PatternId Reader::compile_group(const std::vector<const xmlNode*>& nodes, std::size_t from,
                                const Inherited& inherited, Scope* scope) {
  PatternId result = empty_id;
  for (std::size_t i = from; i < nodes.size(); ++i)
    result = builder_.group(result, compile(nodes[i], inherited, scope));
  return result;
}

PatternId Reader::compile(const xmlNode* node, Inherited inherited, Scope* scope) {
  check_attributes(node);
  inherited = apply(node, inherited);
  std::string_view name = local_name(node);
  auto children = rng_children(node);
  auto need_children = [&](std::size_t at_least) {
    if (children.size() < at_least)
      throw SchemaFault{node, "element \"" + std::string(name) + "\" needs a pattern"};
  };
  auto no_children = [&] {
    if (!children.empty())
      throw SchemaFault{node, "element \"" + std::string(name) + "\" must be empty"};
  };
  if (name == "element") {
    NameClassId nc;
    std::size_t first = 0;
    if (has_attribute(node, "name")) {
      nc = name_from_attribute(node, inherited, false);
    } else {
      need_children(1);
      nc = compile_name_class(children[0], inherited, 0);
      first = 1;
    }
    if (children.size() <= first)
      throw SchemaFault{node, "element \"element\" needs a content pattern"};
    PatternId element = builder_.new_element(nc);
    grammar_->element_sources[element] = SourcePosition{
        node->doc != nullptr && node->doc->URL != nullptr ? xml::chars(node->doc->URL) : base_,
        static_cast<int>(xmlGetLineNo(node))};
    pending_.push_back(PendingElement{element, children, first, inherited, scope});
    return element;
  }
  if (name == "attribute") {
    NameClassId nc;
    std::size_t first = 0;
    if (has_attribute(node, "name")) {
      nc = name_from_attribute(node, inherited, true);
    } else {
      need_children(1);
      nc = compile_name_class(children[0], inherited, 0);
      first = 1;
    }
    check_attribute_name(node, nc);
    if (children.size() > first + 1) throw SchemaFault{node, "attribute may have only one pattern"};
    PatternId content =
        children.size() == first ? text_id : compile(children[first], inherited, scope);
    return builder_.attribute(nc, content);
  }
  if (name == "group" || name == "interleave" || name == "choice") {
    need_children(1);
    PatternId result = compile(children[0], inherited, scope);
    for (std::size_t i = 1; i < children.size(); ++i) {
      PatternId next = compile(children[i], inherited, scope);
      result = name == "group"        ? builder_.group(result, next)
               : name == "interleave" ? builder_.interleave(result, next)
                                      : builder_.choice(result, next);
    }
    return result;
  }
  if (name == "optional" || name == "zeroOrMore" || name == "oneOrMore" || name == "list" ||
      name == "mixed") {
    need_children(1);
    PatternId p = compile_group(children, 0, inherited, scope);
    if (name == "optional") return builder_.choice(p, empty_id);
    if (name == "zeroOrMore") return builder_.choice(builder_.one_or_more(p), empty_id);
    if (name == "oneOrMore") return builder_.one_or_more(p);
    if (name == "list") return builder_.list(p);
    return builder_.interleave(p, text_id);
  }
  if (name == "ref" || name == "parentRef") {
    no_children();
    std::string ref = attribute(node, "name");
    if (!is_ncname(ref))
      throw SchemaFault{node, name == "ref" ? "ref needs a name" : "parentRef needs a name"};
    Scope* target = name == "ref" ? scope : (scope != nullptr ? scope->parent : nullptr);
    if (target == nullptr)
      throw SchemaFault{
          node, name == "ref" ? "ref outside a grammar" : "parentRef without a parent grammar"};
    auto found = target->defines.find(ref);
    if (found == target->defines.end())
      throw SchemaFault{node, "reference to undefined pattern \"" + ref + "\""};
    return compile_definition(found->second, ref, target, node);
  }
  if (name == "empty" || name == "text" || name == "notAllowed") {
    no_children();
    return name == "empty" ? empty_id : name == "text" ? text_id : not_allowed_id;
  }
  if (name == "value") return compile_value(node, inherited);
  if (name == "data") return compile_data(node, inherited, scope);
  if (name == "externalRef") {
    no_children();
    if (!has_attribute(node, "href")) throw SchemaFault{node, "externalRef needs an href"};
    const xmlNode* root = load(attribute(node, "href"), node);
    loading_.push_back(xml::chars(root->doc->URL));
    PatternId p = compile(root, Inherited{inherited.ns, {}}, scope);
    loading_.pop_back();
    return p;
  }
  if (name == "grammar") return compile_grammar(node, inherited, scope);
  throw SchemaFault{node, "element \"" + std::string(name) + "\" is not a pattern"};
}

PatternId Reader::compile_value(const xmlNode* node, const Inherited& inherited) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next)
    if (child->type == XML_ELEMENT_NODE) throw SchemaFault{node, "value must contain text only"};
  std::string library = inherited.datatype_library;
  std::string type = "token";
  if (has_attribute(node, "type")) {
    type = attribute(node, "type");
    if (!is_ncname(type)) throw SchemaFault{node, "type \"" + type + "\" is not an NCName"};
  } else {
    library.clear();
  }
  DatatypeError error;
  auto datatype = make_datatype(library, type, {}, error);
  if (!datatype) throw SchemaFault{node, error.message};
  SchemaValue value;
  value.text = text_of(node);
  if (xmlNs** list = xmlGetNsList(node->doc, node)) {
    for (xmlNs** ns = list; *ns != nullptr; ++ns)
      value.context.bindings.emplace((*ns)->prefix ? xml::chars((*ns)->prefix) : "",
                                     xml::chars((*ns)->href));
    xmlFree(list);
  }
  value.context.bindings.emplace("xml", "http://www.w3.org/XML/1998/namespace");
  // An unprefixed QName in a value takes the `ns` attribute (section 4.9), not xmlns.
  value.context.bindings[""] = inherited.ns;
  std::string why;
  if (!datatype->allows(value.text, value.context, &why))
    throw SchemaFault{node, "value \"" + value.text + "\" is not a valid " + type +
                                (why.empty() ? "" : ": " + why)};
  value.datatype = static_cast<std::uint32_t>(grammar_->datatypes.size());
  grammar_->datatypes.push_back(SchemaDatatype{datatype});
  grammar_->values.push_back(std::move(value));
  return builder_.value(static_cast<std::uint32_t>(grammar_->values.size() - 1));
}

PatternId Reader::compile_data(const xmlNode* node, const Inherited& inherited, Scope* scope) {
  if (!has_attribute(node, "type")) throw SchemaFault{node, "data needs a type"};
  std::string type = attribute(node, "type");
  if (!is_ncname(type)) throw SchemaFault{node, "type \"" + type + "\" is not an NCName"};
  std::vector<DatatypeParam> params;
  PatternId except = not_allowed_id;
  bool seen_except = false;
  for (const xmlNode* child : rng_children(node)) {
    check_attributes(child);
    if (seen_except) throw SchemaFault{child, "nothing may follow except in data"};
    if (is_rng(child, "param")) {
      std::string name = attribute(child, "name");
      if (!is_ncname(name)) throw SchemaFault{child, "param needs a name"};
      params.push_back(DatatypeParam{name, text_of(child)});
    } else if (is_rng(child, "except")) {
      seen_except = true;
      auto patterns = rng_children(child);
      if (patterns.empty()) throw SchemaFault{child, "except needs a pattern"};
      Inherited here = apply(child, inherited);
      for (const xmlNode* p : patterns) except = builder_.choice(except, compile(p, here, scope));
    } else {
      throw SchemaFault{child,
                        "element \"" + std::string(local_name(child)) + "\" not allowed in data"};
    }
  }
  DatatypeError error;
  auto datatype = make_datatype(inherited.datatype_library, type, params, error);
  if (!datatype) throw SchemaFault{node, error.message};
  grammar_->datatypes.push_back(SchemaDatatype{datatype});
  return builder_.data(static_cast<std::uint32_t>(grammar_->datatypes.size() - 1), except);
}

QName Reader::resolve_qname(const xmlNode* node, const std::string& qname, const std::string& ns) {
  if (!is_qname(qname)) throw SchemaFault{node, "\"" + qname + "\" is not a QName"};
  auto colon = qname.find(':');
  if (colon == std::string::npos)
    return QName{grammar_->names.intern(ns), grammar_->names.intern(qname)};
  std::string prefix = qname.substr(0, colon);
  std::string uri;
  if (prefix == "xml") {
    uri = "http://www.w3.org/XML/1998/namespace";
  } else {
    xmlNs* found =
        xmlSearchNs(node->doc, const_cast<xmlNode*>(node), xml::xml_chars(prefix.c_str()));
    if (found == nullptr)
      throw SchemaFault{node, "prefix \"" + prefix + "\" of \"" + qname + "\" is not declared"};
    uri = xml::chars(found->href);
  }
  return QName{grammar_->names.intern(uri), grammar_->names.intern(qname.substr(colon + 1))};
}

NameClassId Reader::name_from_attribute(const xmlNode* node, const Inherited& inherited,
                                        bool is_attribute) {
  std::string ns = inherited.ns;
  if (is_attribute && !has_attribute(node, "ns")) ns.clear();
  QName name = resolve_qname(node, attribute(node, "name"), ns);
  return grammar_->name_classes.add(NameClass{NameClassKind::name, name});
}

NameClassId Reader::compile_name_class(const xmlNode* node, Inherited inherited, int except_depth) {
  check_attributes(node);
  inherited = apply(node, inherited);
  std::string_view name = local_name(node);
  auto children = rng_children(node);
  auto& classes = grammar_->name_classes;
  if (name == "name") {
    if (!children.empty()) throw SchemaFault{node, "name must contain text only"};
    return classes.add(
        NameClass{NameClassKind::name, resolve_qname(node, trim(text_of(node)), inherited.ns)});
  }
  if (name == "anyName" || name == "nsName") {
    // Section 4.16: anyName may not be inside an except; nsName not inside nsName's except.
    if (name == "anyName" && except_depth > 0)
      throw SchemaFault{node, "anyName not allowed inside except"};
    if (name == "nsName" && except_depth > 1)
      throw SchemaFault{node, "nsName not allowed inside the except of nsName"};
    NameClass nc{name == "anyName" ? NameClassKind::any_name : NameClassKind::ns_name,
                 QName{grammar_->names.intern(inherited.ns), unknown_name}};
    if (children.size() > 1 || (children.size() == 1 && !is_rng(children[0], "except")))
      throw SchemaFault{node, std::string(name) + " may contain only one except"};
    if (children.size() == 1) {
      const xmlNode* except = children[0];
      check_attributes(except);
      Inherited here = apply(except, inherited);
      auto names = rng_children(except);
      if (names.empty()) throw SchemaFault{except, "except needs a name class"};
      int depth = name == "anyName" ? 1 : 2;
      NameClassId e = compile_name_class(names[0], here, depth);
      for (std::size_t i = 1; i < names.size(); ++i)
        e = classes.add(
            NameClass{NameClassKind::choice, {}, e, compile_name_class(names[i], here, depth)});
      nc.a = e;
    }
    return classes.add(nc);
  }
  if (name == "choice") {
    if (children.empty()) throw SchemaFault{node, "choice needs a name class"};
    NameClassId result = compile_name_class(children[0], inherited, except_depth);
    for (std::size_t i = 1; i < children.size(); ++i)
      result = classes.add(NameClass{NameClassKind::choice,
                                     {},
                                     result,
                                     compile_name_class(children[i], inherited, except_depth)});
    return result;
  }
  throw SchemaFault{node, "element \"" + std::string(name) + "\" is not a name class"};
}

void Reader::check_attribute_name(const xmlNode* node, NameClassId nc) {
  // Section 4.16: no name xmlns (without namespace) and no xmlns namespace anywhere in an
  // attribute's name class, excepts included.
  auto& classes = grammar_->name_classes;
  NameId empty_ns = grammar_->names.find("");
  NameId xmlns_local = grammar_->names.find("xmlns");
  NameId xmlns_ns = grammar_->names.find("http://www.w3.org/2000/xmlns");
  std::function<void(NameClassId)> walk = [&](NameClassId id) {
    if (id == NameClass::none) return;
    const NameClass& c = classes.get(id);
    if (c.kind == NameClassKind::name && c.name.ns == empty_ns && c.name.local == xmlns_local &&
        xmlns_local != unknown_name)
      throw SchemaFault{node, "an attribute may not be named xmlns"};
    if ((c.kind == NameClassKind::name || c.kind == NameClassKind::ns_name) &&
        c.name.ns == xmlns_ns && xmlns_ns != unknown_name)
      throw SchemaFault{node, "an attribute may not be in the xmlns namespace"};
    walk(c.a);
    if (c.kind == NameClassKind::choice) walk(c.b);
  };
  walk(nc);
}

std::shared_ptr<const CompiledGrammar> Reader::read(std::string_view bytes,
                                                    std::vector<Diagnostic>& diagnostics) {
  std::size_t before = diagnostics.size();
  xml::DocPtr doc;
  if (std::filesystem::path(base_).extension() == ".rnc")
    doc = read_compact_syntax(bytes, base_, diagnostics);
  else
    doc = xml::parse_untrusted(bytes, base_, diagnostics);
  if (!doc) return nullptr;
  // The parser's warnings (an external DTD not loaded) are not the schema's errors.
  diagnostics.resize(before);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  documents_.push_back(std::move(doc));
  try {
    if (!is_rng(root)) throw SchemaFault{root, "the root element is not a RELAX NG element"};
    loading_.push_back(base_);
    grammar_->start = compile(root, Inherited{}, nullptr);
    drain_pending();
    // Defines nothing references are still compiled, so that their errors are found, but a
    // loop among them is no error: simplification removes them first (section 4.19).
    for (std::size_t i = 0; i < scopes_.size(); ++i) {
      for (auto& [name, d] : scopes_[i].defines) {
        if (d.state != Definition::State::fresh) continue;
        try {
          compile_definition(d, name, &scopes_[i], nullptr);
        } catch (const SchemaFault& fault) {
          if (!fault.loop) throw;
        }
        for (auto& scope : scopes_)
          for (auto& [other, o] : scope.defines)
            if (o.state == Definition::State::busy) o.state = Definition::State::fresh;
      }
      drain_pending();
    }
  } catch (const SchemaFault& fault) {
    std::string file =
        fault.node != nullptr && fault.node->doc != nullptr && fault.node->doc->URL != nullptr
            ? xml::chars(fault.node->doc->URL)
            : base_;
    int line = fault.node != nullptr ? static_cast<int>(xmlGetLineNo(fault.node)) : 0;
    diagnostics.push_back(
        Diagnostic{file, line, 0, Severity::error, fault.message, "schema", {}, {}});
    return nullptr;
  }
  grammar_->patterns = builder_.take_store();
  for (const auto& p : grammar_->patterns.nodes)
    if (p.kind == Kind::element)
      grammar_->elements.push_back(static_cast<PatternId>(&p - grammar_->patterns.nodes.data()));
  std::vector<SchemaProblem> problems;
  check_restrictions(*grammar_, problems);
  if (problems.empty()) find_id_attributes(*grammar_, problems);
  for (auto& problem : problems) {
    SourcePosition where{base_, 0};
    auto found = grammar_->element_sources.find(problem.element);
    if (found != grammar_->element_sources.end()) where = found->second;
    diagnostics.push_back(Diagnostic{
        where.file, where.line, 0, Severity::error, std::move(problem.message), "schema", {}, {}});
  }
  if (!problems.empty()) return nullptr;
  return grammar_;
}

}  // namespace

std::optional<std::string> StaticContext::lookup(std::string_view prefix) const {
  auto found = bindings.find(std::string(prefix));
  if (found == bindings.end()) return std::nullopt;
  return found->second;
}

std::shared_ptr<const CompiledGrammar> read_schema(std::string_view bytes, const std::string& base,
                                                   std::vector<Diagnostic>& diagnostics,
                                                   const ReaderOptions& options) {
  Reader reader(base, options);
  return reader.read(bytes, diagnostics);
}

}  // namespace teikit::validate::relaxng
