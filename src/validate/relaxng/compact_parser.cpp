// The compact-syntax parser: tokens, the preamble (declarations), grammar content and
// annotations. Each function follows one production of appendix A.1 of the specification.

#include "validate/relaxng/compact_parser.hpp"

#include <algorithm>
#include <cctype>

namespace teikit::validate::relaxng::compact {
namespace {

constexpr const char* xsd_datatypes = "http://www.w3.org/2001/XMLSchema-datatypes";
constexpr const char* xmlns_ns = "http://www.w3.org/2000/xmlns";

Node text_node(std::string text) {
  Node node;
  node.is_text = true;
  node.local = std::move(text);
  return node;
}

// A datatypeLibrary value: empty, or an absolute URI without a fragment identifier.
bool is_datatype_library(const std::string& uri) {
  if (uri.empty()) return true;
  std::size_t colon = uri.find(':');
  if (colon == std::string::npos || colon == 0 || uri.find('#') != std::string::npos) return false;
  auto scheme_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  };
  return std::isalpha(static_cast<unsigned char>(uri[0])) &&
         std::all_of(uri.begin(), uri.begin() + static_cast<std::ptrdiff_t>(colon), scheme_char);
}

}  // namespace

Parser::Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {
  namespaces_["xml"] = NamespaceUri{false, xml_ns};
  datatypes_["xsd"] = xsd_datatypes;
}

// ---- Tokens ----

const Token& Parser::peek(std::size_t ahead) const {
  return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
}

bool Parser::at_punctuation(std::string_view text, std::size_t ahead) const {
  return peek(ahead).kind == TokenKind::punctuation && peek(ahead).text == text;
}

bool Parser::at_keyword(std::string_view text, std::size_t ahead) const {
  return peek(ahead).kind == TokenKind::keyword && peek(ahead).text == text;
}

bool Parser::at_name(std::size_t ahead) const {
  TokenKind kind = peek(ahead).kind;
  return kind == TokenKind::identifier || kind == TokenKind::keyword || kind == TokenKind::cname;
}

const Token& Parser::take() {
  const Token& token = peek();
  if (pos_ + 1 < tokens_.size()) ++pos_;
  return token;
}

const Token& Parser::expect(std::string_view punctuation) {
  if (!at_punctuation(punctuation)) unexpected("\"" + std::string(punctuation) + "\"");
  return take();
}

void Parser::unexpected(const std::string& expected) const {
  const Token& token = peek();
  std::string what = token.kind == TokenKind::end ? "unexpected end of file"
                                                  : "unexpected token " + describe(token);
  throw CompactError{token.line, token.column, what + "; expected " + expected};
}

void Parser::error(const Token& at, std::string message) {
  errors_.push_back(CompactError{at.line, at.column, std::move(message)});
}

std::string Parser::identifier_or_keyword(const std::string& expected) {
  if (peek().kind != TokenKind::identifier && peek().kind != TokenKind::keyword)
    unexpected(expected);
  return take().text;
}

std::string Parser::literal() {
  if (peek().kind != TokenKind::literal) unexpected("a literal");
  std::string value = take().text;
  while (at_punctuation("~")) {
    take();
    if (peek().kind != TokenKind::literal) unexpected("a literal");
    value += take().text;
  }
  return value;
}

Node Parser::rng(const char* local, const Token& at) const {
  Node node;
  node.ns = rng_ns;
  node.local = local;
  node.line = at.line;
  return node;
}

// ---- Declarations and names ----

void Parser::preamble() {
  while (true) {
    if (at_keyword("namespace")) {
      take();
      const Token& at = peek();
      std::string prefix = identifier_or_keyword("a namespace prefix");
      expect("=");
      bind_prefix(at, prefix, namespace_uri_literal());
    } else if (at_keyword("default")) {
      const Token& at = take();
      if (!at_keyword("namespace")) unexpected("\"namespace\"");
      take();
      const Token& prefix_at = peek();
      std::string prefix;
      if (!at_punctuation("=")) prefix = identifier_or_keyword("a namespace prefix or \"=\"");
      expect("=");
      NamespaceUri uri = namespace_uri_literal();
      if (has_default_namespace_) error(at, "duplicate default namespace declaration");
      if (!uri.inherit && uri.uri == xml_ns)
        error(at, "the XML namespace cannot be the default namespace");
      has_default_namespace_ = true;
      default_namespace_ = uri;
      if (!prefix.empty()) bind_prefix(prefix_at, prefix, uri);
    } else if (at_keyword("datatypes")) {
      take();
      const Token& at = peek();
      std::string prefix = identifier_or_keyword("a datatypes prefix");
      expect("=");
      const Token& uri_at = peek();
      std::string uri = literal();
      if (!declared_datatypes_.insert(prefix).second)
        error(at, "duplicate declaration of datatypes prefix \"" + prefix + "\"");
      if (prefix == "xsd" && uri != xsd_datatypes)
        error(at,
              std::string("the datatypes prefix \"xsd\" can only be bound to ") + xsd_datatypes);
      if (!is_datatype_library(uri))
        error(uri_at, "\"" + uri +
                          "\" is not a datatype library URI (absolute, with no fragment "
                          "identifier)");
      datatypes_[prefix] = uri;
    } else {
      break;
    }
  }
  for (const auto& [prefix, ns] : namespaces_)
    if (!ns.inherit && ns.uri == compatibility_ns && compatibility_prefix_.empty())
      compatibility_prefix_ = prefix;
  if (compatibility_prefix_.empty()) {
    compatibility_prefix_ = "a";
    while (namespaces_.count(compatibility_prefix_) != 0) compatibility_prefix_ += "a";
    declare_compatibility_prefix_ = true;
  }
}

void Parser::bind_prefix(const Token& at, const std::string& prefix, const NamespaceUri& uri) {
  bool is_xml_uri = !uri.inherit && uri.uri == xml_ns;
  if (prefix == "xmlns") {
    error(at, "the prefix \"xmlns\" cannot be declared");
  } else if (prefix == "xml" && !is_xml_uri) {
    error(at, std::string("the prefix \"xml\" can only be bound to ") + xml_ns);
  } else if (prefix != "xml" && is_xml_uri) {
    error(at, std::string("only the prefix \"xml\" can be bound to ") + xml_ns);
  } else if (!declared_namespaces_.insert(prefix).second) {
    error(at, "duplicate declaration of namespace prefix \"" + prefix + "\"");
  } else {
    namespaces_[prefix] = uri;
  }
}

NamespaceUri Parser::namespace_uri_literal() {
  if (at_keyword("inherit")) {
    take();
    return NamespaceUri{true, ""};
  }
  if (peek().kind != TokenKind::literal) unexpected("a literal or \"inherit\"");
  return NamespaceUri{false, literal()};
}

NamespaceUri Parser::lookup_prefix(const Token& at, const std::string& prefix) {
  auto found = namespaces_.find(prefix);
  if (found != namespaces_.end()) return found->second;
  error(at, "undefined prefix \"" + prefix + "\"");
  return NamespaceUri{};
}

NamespaceUri Parser::default_namespace() const {
  return default_namespace_;
}

void Parser::add_ns(Node& node, const NamespaceUri& ns) {
  if (!ns.inherit) node.attributes.push_back(Attribute{"", "", "ns", ns.uri});
}

void Parser::add_attribute(std::vector<Attribute>& list, Attribute attribute, const Token& at) {
  for (const Attribute& existing : list) {
    if (existing.ns == attribute.ns && existing.local == attribute.local) {
      error(at, "duplicate attribute \"" + attribute.local + "\"" +
                    (attribute.ns.empty() ? "" : " in namespace " + attribute.ns));
      return;
    }
  }
  list.push_back(std::move(attribute));
}

void Parser::check_href(const Token& at, const std::string& href) {
  if (href.find('#') != std::string::npos)
    error(at, "the URI reference \"" + href + "\" must not have a fragment identifier");
}

Bindings Parser::root_bindings() const {
  Bindings bindings;
  for (const auto& [prefix, ns] : namespaces_)
    if (!ns.inherit && !ns.uri.empty() && prefix != "xml") bindings.emplace_back(prefix, ns.uri);
  if (documentation_used_ && declare_compatibility_prefix_)
    bindings.emplace_back(compatibility_prefix_, compatibility_ns);
  return bindings;
}

// ---- Grammar content ----

Node Parser::parse_schema() {
  preamble();
  const Token& first = peek();
  if (top_level_is_grammar()) {
    Node grammar = rng("grammar", first);
    grammar_body(grammar.children, false, true);
    return grammar;
  }
  Nodes nodes = pattern();
  if (peek().kind != TokenKind::end) unexpected("end of file");
  if (nodes.size() != 1)
    throw CompactError{first.line, first.column,
                       "the schema's pattern is followed by an annotation element; a top-level "
                       "pattern must translate to a single element"};
  return std::move(nodes.front());
}

// Whether the body after the preamble is grammar content rather than a pattern (as jing
// decides: an annotation element, or a definition or grammar keyword after any annotations).
bool Parser::top_level_is_grammar() const {
  auto is_assign = [&](std::size_t ahead) {
    return at_punctuation("=", ahead) || at_punctuation("|=", ahead) || at_punctuation("&=", ahead);
  };
  std::size_t i = 0;
  if (peek().kind == TokenKind::end) return true;
  if ((peek().kind == TokenKind::identifier || peek().kind == TokenKind::cname) &&
      at_punctuation("[", 1))
    return true;
  while (peek(i).kind == TokenKind::documentation) ++i;
  if (at_punctuation("[", i)) {
    int depth = 0;
    do {
      if (at_punctuation("[", i)) ++depth;
      if (at_punctuation("]", i)) --depth;
      ++i;
    } while (depth > 0 && peek(i).kind != TokenKind::end);
  }
  if (peek(i).kind == TokenKind::identifier && is_assign(i + 1)) return true;
  return at_keyword("start", i) || at_keyword("div", i) || at_keyword("include", i);
}

void Parser::grammar_body(Nodes& out, bool in_include, bool top_level) {
  DepthGuard guard(depth_, peek());
  while (top_level ? peek().kind != TokenKind::end : !at_punctuation("}")) {
    if ((peek().kind == TokenKind::identifier || peek().kind == TokenKind::cname) &&
        at_punctuation("[", 1)) {
      out.push_back(annotation_element(AnnotationPlace::grammar));
      continue;
    }
    Annotations leading = annotations();
    Nodes translated = apply_annotations(std::move(leading), component(in_include));
    for (Node& node : translated) out.push_back(std::move(node));
  }
}

Node Parser::component(bool in_include) {
  const Token& at = peek();
  if (at_keyword("start")) {
    take();
    Node start = rng("start", at);
    assign_method(start);
    for (Node& node : pattern()) start.children.push_back(std::move(node));
    return start;
  }
  if (at.kind == TokenKind::identifier) {
    take();
    Node define = rng("define", at);
    define.attributes.push_back(Attribute{"", "", "name", at.text});
    assign_method(define);
    for (Node& node : pattern()) define.children.push_back(std::move(node));
    return define;
  }
  if (at_keyword("div")) {
    take();
    Node div = rng("div", at);
    expect("{");
    grammar_body(div.children, in_include, false);
    expect("}");
    return div;
  }
  if (at_keyword("include") && !in_include) {
    take();
    Node include = rng("include", at);
    const Token& href_at = peek();
    std::string href = literal();
    check_href(href_at, href);
    include.attributes.push_back(Attribute{"", "", "href", href});
    opt_inherit(include);
    if (at_punctuation("{")) {
      take();
      grammar_body(include.children, true, false);
      expect("}");
    }
    return include;
  }
  unexpected(in_include ? "\"start\", \"div\", an identifier or an annotation"
                        : "\"start\", \"div\", \"include\", an identifier or an annotation");
}

void Parser::assign_method(Node& node) {
  if (at_punctuation("|="))
    node.attributes.push_back(Attribute{"", "", "combine", "choice"});
  else if (at_punctuation("&="))
    node.attributes.push_back(Attribute{"", "", "combine", "interleave"});
  else if (!at_punctuation("="))
    unexpected("\"=\", \"|=\" or \"&=\"");
  take();
}

void Parser::opt_inherit(Node& node) {
  if (!at_keyword("inherit")) {
    add_ns(node, default_namespace());
    return;
  }
  take();
  expect("=");
  const Token& at = peek();
  std::string prefix = identifier_or_keyword("a namespace prefix");
  add_ns(node, lookup_prefix(at, prefix));
}

// ---- Annotations ----

Annotations Parser::annotations() {
  Annotations result;
  while (peek().kind == TokenKind::documentation) {
    const Token& at = take();
    Node documentation;
    documentation.ns = compatibility_ns;
    documentation.prefix = compatibility_prefix_;
    documentation.local = "documentation";
    documentation.line = at.line;
    if (!at.text.empty()) documentation.children.push_back(text_node(at.text));
    result.elements.push_back(std::move(documentation));
    documentation_used_ = true;
  }
  if (!at_punctuation("[")) return result;
  take();
  while (at_name() && at_punctuation("=", 1)) {
    const Token& at = take();
    take();
    std::string value = literal();
    if (at.kind != TokenKind::cname) {
      error(at, "an annotation attribute needs a namespace prefix");
      continue;
    }
    std::size_t colon = at.text.find(':');
    std::string prefix = at.text.substr(0, colon);
    NamespaceUri ns = lookup_prefix(at, prefix);
    if (ns.inherit)
      error(at, "the prefix \"" + prefix + "\" of an annotation is bound to inherit");
    else if (ns.uri.empty())
      error(at, "an annotation attribute must have a namespace (\"" + prefix +
                    "\" is bound to the empty namespace)");
    else if (ns.uri == rng_ns)
      error(at, "an annotation attribute cannot be in the RELAX NG namespace");
    else if (ns.uri == xmlns_ns)
      error(at, "an annotation attribute cannot be in the xmlns namespace");
    add_attribute(result.attributes, Attribute{ns.uri, prefix, at.text.substr(colon + 1), value},
                  at);
  }
  while (!at_punctuation("]"))
    result.elements.push_back(annotation_element(AnnotationPlace::initial));
  take();
  return result;
}

Node Parser::annotation_element(AnnotationPlace place) {
  const Token& at = peek();
  DepthGuard guard(depth_, at);
  bool keyword_allowed = place != AnnotationPlace::grammar;
  if (!(at.kind == TokenKind::cname || at.kind == TokenKind::identifier ||
        (keyword_allowed && at.kind == TokenKind::keyword)))
    unexpected("an annotation element");
  take();
  Node element;
  element.line = at.line;
  element.local = at.text;
  if (at.kind == TokenKind::cname) {
    std::size_t colon = at.text.find(':');
    std::string prefix = at.text.substr(0, colon);
    NamespaceUri ns = lookup_prefix(at, prefix);
    if (ns.inherit)
      error(at, "the prefix \"" + prefix + "\" of an annotation is bound to inherit");
    else if (ns.uri == rng_ns && place != AnnotationPlace::nested)
      error(at, "an annotation element cannot be in the RELAX NG namespace");
    element.ns = ns.inherit ? "" : ns.uri;
    element.prefix = element.ns.empty() ? "" : prefix;
    element.local = at.text.substr(colon + 1);
  }
  expect("[");
  while (at_name() && at_punctuation("=", 1)) annotation_attribute(element);
  while (!at_punctuation("]")) {
    if (peek().kind == TokenKind::literal) {
      std::string text = literal();
      if (!text.empty()) element.children.push_back(text_node(std::move(text)));
    } else if (at_name() && at_punctuation("[", 1)) {
      element.children.push_back(annotation_element(AnnotationPlace::nested));
    } else {
      unexpected("an annotation element, a literal or \"]\"");
    }
  }
  take();
  return element;
}

void Parser::annotation_attribute(Node& element) {
  const Token& at = take();
  take();  // =
  std::string value = literal();
  if (at.kind != TokenKind::cname) {
    if (at.text == "xmlns")
      error(at, "\"xmlns\" cannot be an annotation attribute");
    else
      add_attribute(element.attributes, Attribute{"", "", at.text, value}, at);
    return;
  }
  std::size_t colon = at.text.find(':');
  std::string prefix = at.text.substr(0, colon);
  NamespaceUri ns = lookup_prefix(at, prefix);
  if (ns.inherit)
    error(at, "the prefix \"" + prefix + "\" of an annotation is bound to inherit");
  else if (ns.uri == xmlns_ns)
    error(at, "an annotation attribute cannot be in the xmlns namespace");
  std::string uri = ns.inherit ? "" : ns.uri;
  add_attribute(element.attributes,
                Attribute{uri, uri.empty() ? "" : prefix, at.text.substr(colon + 1), value}, at);
}

Nodes Parser::follow_annotations() {
  Nodes following;
  while (at_punctuation(">>")) {
    take();
    following.push_back(annotation_element(AnnotationPlace::initial));
  }
  return following;
}

// applyAnnotations: attributes onto the element, elements as its first children; an element
// whose content is text (value, param, name) gets them as following siblings instead.
Nodes Parser::apply_annotations(Annotations annotations, Node node) {
  for (Attribute& attribute : annotations.attributes)
    node.attributes.push_back(std::move(attribute));
  Nodes out;
  bool text_only =
      node.ns == rng_ns && (node.local == "value" || node.local == "param" || node.local == "name");
  if (text_only) {
    out.push_back(std::move(node));
    for (Node& element : annotations.elements) out.push_back(std::move(element));
    return out;
  }
  node.children.insert(node.children.begin(), std::make_move_iterator(annotations.elements.begin()),
                       std::make_move_iterator(annotations.elements.end()));
  out.push_back(std::move(node));
  return out;
}

// applyAnnotationsGroup and applyAnnotationsChoice: no annotations, the nodes as they are;
// otherwise the nodes wrapped in `wrapper`, which takes the annotations.
Nodes Parser::apply_annotations_in(Annotations annotations, Nodes nodes, const char* wrapper,
                                   int line) {
  if (annotations.attributes.empty() && annotations.elements.empty()) return nodes;
  Node wrapped;
  wrapped.ns = rng_ns;
  wrapped.local = wrapper;
  wrapped.line = line;
  wrapped.children = std::move(nodes);
  return apply_annotations(std::move(annotations), std::move(wrapped));
}

}  // namespace teikit::validate::relaxng::compact
