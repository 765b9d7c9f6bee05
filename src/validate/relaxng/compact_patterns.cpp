// The compact-syntax parser: patterns and name classes (innerPattern, innerParticle,
// primary, dataExcept, innerNameClass, ... in appendix A.1 of the specification).

#include "validate/relaxng/compact_parser.hpp"

namespace teikit::validate::relaxng::compact {
namespace {

constexpr int in_any_name_except = 1;
constexpr int in_ns_name_except = 2;

void append(Nodes& to, Nodes&& from) {
  for (Node& node : from) to.push_back(std::move(node));
}

Node text_child(std::string text) {
  Node node;
  node.is_text = true;
  node.local = std::move(text);
  return node;
}

// Sets a member for the lifetime of the object.
class Restore {
 public:
  Restore(int& target, int value) : target_(target), saved_(target) { target_ = value; }
  ~Restore() { target_ = saved_; }
  Restore(const Restore&) = delete;
  Restore& operator=(const Restore&) = delete;

 private:
  int& target_;
  int saved_;
};

const char* const except_needs_parentheses =
    "a pattern with \"-\" (except) must be in parentheses when combined with other patterns "
    "or repeated";

}  // namespace

// One particle: an annotated primary, a repeated one (with the annotations that follow the
// repetition operator) or a data pattern with an except.
struct Parser::Particle {
  enum class Kind { primary, repeated, data_except } kind = Kind::primary;
  Nodes nodes;  // the translation; for `repeated`, the follow annotations
  Node repeated;
  Token at;
};

Nodes Parser::pattern() {
  return inner_pattern(Annotations{});
}

Nodes Parser::inner_pattern(Annotations annotations) {
  const Token& first_at = peek();
  DepthGuard guard(depth_, first_at);
  Particle first = particle();
  auto at_operator = [&] {
    return at_punctuation("|") || at_punctuation(",") || at_punctuation("&");
  };
  if (!at_operator()) return finish_particle(std::move(annotations), std::move(first));
  if (first.kind == Particle::Kind::data_except)
    throw CompactError{first.at.line, first.at.column, except_needs_parentheses};
  const std::string op = peek().text;
  Node combined = rng(op == "|" ? "choice" : op == "," ? "group" : "interleave", first_at);
  append(combined.children, finish_particle(Annotations{}, std::move(first)));
  while (at_punctuation(op)) {
    take();
    Particle next = particle();
    if (next.kind == Particle::Kind::data_except)
      throw CompactError{next.at.line, next.at.column, except_needs_parentheses};
    append(combined.children, finish_particle(Annotations{}, std::move(next)));
  }
  if (at_operator())
    throw CompactError{
        peek().line, peek().column,
        "\"" + op + "\" and \"" + peek().text + "\" cannot be mixed without parentheses"};
  return apply_annotations(std::move(annotations), std::move(combined));
}

// innerParticle(anno): the annotations go on a repetition, or on a group around the rest.
Nodes Parser::finish_particle(Annotations annotations, Particle particle) {
  if (particle.kind != Particle::Kind::repeated)
    return apply_annotations_in(std::move(annotations), std::move(particle.nodes), "group",
                                particle.at.line);
  Nodes out = apply_annotations(std::move(annotations), std::move(particle.repeated));
  append(out, std::move(particle.nodes));
  return out;
}

Parser::Particle Parser::particle() {
  Particle result;
  result.at = peek();
  bool data_except = false;
  result.nodes = lead_annotated_primary(&data_except);
  append(result.nodes, follow_annotations());
  bool repeat = at_punctuation("*") || at_punctuation("+") || at_punctuation("?");
  if (data_except) {
    if (repeat) throw CompactError{result.at.line, result.at.column, except_needs_parentheses};
    result.kind = Particle::Kind::data_except;
    return result;
  }
  if (!repeat) return result;
  const std::string op = take().text;
  result.kind = Particle::Kind::repeated;
  result.repeated = rng(op == "*" ? "zeroOrMore" : op == "+" ? "oneOrMore" : "optional", result.at);
  result.repeated.children = std::move(result.nodes);
  result.nodes = follow_annotations();
  return result;
}

Nodes Parser::lead_annotated_primary(bool* data_except) {
  Annotations leading = annotations();
  if (at_punctuation("(")) {
    take();
    Nodes inner = inner_pattern(std::move(leading));
    expect(")");
    return inner;
  }
  return apply_annotations(std::move(leading), primary(data_except));
}

Node Parser::primary(bool* data_except) {
  const Token& at = peek();
  if (at.kind == TokenKind::identifier) {
    take();
    Node ref = rng("ref", at);
    ref.attributes.push_back(Attribute{"", "", "name", at.text});
    return ref;
  }
  if (at.kind == TokenKind::literal) {
    Node value = rng("value", at);
    add_ns(value, default_namespace());  // the default namespace of a QName value, as in jing
    std::string text = literal();
    if (!text.empty()) value.children.push_back(text_child(std::move(text)));
    return value;
  }
  if (at.kind == TokenKind::cname || at_keyword("string") || at_keyword("token"))
    return datatype(data_except);
  if (at.kind != TokenKind::keyword) unexpected("a pattern");
  const std::string& keyword = at.text;
  if (keyword == "empty" || keyword == "notAllowed" || keyword == "text") {
    take();
    return rng(keyword.c_str(), at);
  }
  if (keyword == "element" || keyword == "attribute") {
    take();
    Node node = rng(keyword.c_str(), at);
    node.children = inner_name_class(keyword == "element", Annotations{});
    expect("{");
    append(node.children, pattern());
    expect("}");
    return node;
  }
  if (keyword == "list" || keyword == "mixed") {
    take();
    Node node = rng(keyword.c_str(), at);
    expect("{");
    node.children = pattern();
    expect("}");
    return node;
  }
  if (keyword == "parent") {
    take();
    const Token& name = peek();
    if (name.kind != TokenKind::identifier) unexpected("an identifier");
    take();
    Node ref = rng("parentRef", at);
    ref.attributes.push_back(Attribute{"", "", "name", name.text});
    return ref;
  }
  if (keyword == "grammar") {
    take();
    Node grammar = rng("grammar", at);
    expect("{");
    grammar_body(grammar.children, false, false);
    expect("}");
    return grammar;
  }
  if (keyword == "external") {
    take();
    Node external = rng("externalRef", at);
    const Token& href_at = peek();
    std::string href = literal();
    check_href(href_at, href);
    external.attributes.push_back(Attribute{"", "", "href", href});
    opt_inherit(external);
    return external;
  }
  unexpected("a pattern");
}

// datatypeName followed by a value, or by optional parameters and, where `data_except` is
// given, an optional except.
Node Parser::datatype(bool* data_except) {
  const Token& at = take();
  std::string library;
  std::string type = at.text;
  if (at.kind == TokenKind::cname) {
    std::size_t colon = at.text.find(':');
    std::string prefix = at.text.substr(0, colon);
    type = at.text.substr(colon + 1);
    auto found = datatypes_.find(prefix);
    if (found == datatypes_.end())
      error(at, "undefined datatypes prefix \"" + prefix + "\"");
    else
      library = found->second;
  }
  bool is_value = peek().kind == TokenKind::literal;
  Node node = rng(is_value ? "value" : "data", at);
  node.attributes.push_back(Attribute{"", "", "datatypeLibrary", library});
  node.attributes.push_back(Attribute{"", "", "type", type});
  if (is_value) {
    add_ns(node, default_namespace());
    std::string text = literal();
    if (!text.empty()) node.children.push_back(text_child(std::move(text)));
    return node;
  }
  if (at_punctuation("{")) {
    take();
    while (!at_punctuation("}")) param(node);
    take();
  }
  if (data_except != nullptr && at_punctuation("-")) {
    Node except = rng("except", take());
    except.children = lead_annotated_primary(nullptr);
    node.children.push_back(std::move(except));
    *data_except = true;
  }
  return node;
}

void Parser::param(Node& data) {
  Annotations leading = annotations();
  const Token& at = peek();
  std::string name = identifier_or_keyword("a parameter name or \"}\"");
  expect("=");
  Node param = rng("param", at);
  param.attributes.push_back(Attribute{"", "", "name", name});
  std::string value = literal();
  if (!value.empty()) param.children.push_back(text_child(std::move(value)));
  append(data.children, apply_annotations(std::move(leading), std::move(param)));
}

// ---- Name classes ----

Nodes Parser::inner_name_class(bool is_element, Annotations annotations) {
  const Token& first_at = peek();
  DepthGuard guard(depth_, first_at);
  bool has_except = false;
  Nodes first = lead_annotated_name_class(is_element, &has_except);
  append(first, follow_annotations());
  if (!at_punctuation("|"))
    return apply_annotations_in(std::move(annotations), std::move(first), "choice", first_at.line);
  if (has_except) throw CompactError{first_at.line, first_at.column, except_needs_parentheses};
  Node choice = rng("choice", first_at);
  choice.children = std::move(first);
  while (at_punctuation("|")) {
    take();
    const Token& at = peek();
    bool except = false;
    append(choice.children, lead_annotated_name_class(is_element, &except));
    if (except) throw CompactError{at.line, at.column, except_needs_parentheses};
    append(choice.children, follow_annotations());
  }
  return apply_annotations(std::move(annotations), std::move(choice));
}

Nodes Parser::lead_annotated_name_class(bool is_element, bool* has_except) {
  Annotations leading = annotations();
  if (at_punctuation("(")) {
    take();
    Nodes inner = inner_name_class(is_element, std::move(leading));
    expect(")");
    return inner;
  }
  return apply_annotations(std::move(leading), simple_name_class(is_element, has_except));
}

// A name, nsName or anyName, with its except where `has_except` is given and "-" follows.
Node Parser::simple_name_class(bool is_element, bool* has_except) {
  const Token& at = peek();
  if (at.kind == TokenKind::identifier || at.kind == TokenKind::keyword) {
    take();
    Node name = rng("name", at);
    add_ns(name, is_element ? default_namespace() : NamespaceUri{false, ""});
    name.children.push_back(text_child(at.text));
    return name;
  }
  if (at.kind == TokenKind::cname) {
    take();
    std::size_t colon = at.text.find(':');
    Node name = rng("name", at);
    add_ns(name, lookup_prefix(at, at.text.substr(0, colon)));
    name.children.push_back(text_child(at.text.substr(colon + 1)));
    return name;
  }
  Node node;
  int except_context = except_context_;
  if (at.kind == TokenKind::ns_name) {
    take();
    if ((except_context_ & in_ns_name_except) != 0)
      error(at, "an nsName cannot be in the except of an nsName");
    node = rng("nsName", at);
    add_ns(node, lookup_prefix(at, at.text));
    except_context |= in_ns_name_except;
  } else if (at_punctuation("*")) {
    take();
    if ((except_context_ & in_ns_name_except) != 0)
      error(at, "an anyName cannot be in the except of an nsName");
    else if ((except_context_ & in_any_name_except) != 0)
      error(at, "an anyName cannot be in the except of an anyName");
    node = rng("anyName", at);
    except_context |= in_any_name_except;
  } else {
    unexpected("a name class");
  }
  if (has_except != nullptr && at_punctuation("-")) {
    Node except = rng("except", take());
    Restore restore(except_context_, except_context);
    except.children = lead_annotated_name_class(is_element, nullptr);
    node.children.push_back(std::move(except));
    *has_except = true;
  }
  return node;
}

}  // namespace teikit::validate::relaxng::compact
