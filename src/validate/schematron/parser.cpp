// Reading ISO Schematron: the schema element, includes, abstract patterns and rules.

#include <algorithm>
#include <set>

#include "core/atomic_file.hpp"
#include "core/xml_handles.hpp"
#include "validate/schematron/schematron.hpp"

namespace teikit::validate::schematron {
namespace {

constexpr const char* sch_ns = "http://purl.oclc.org/dsdl/schematron";
constexpr const char* xsl_ns = "http://www.w3.org/1999/XSL/Transform";

bool is(const xmlNode* node, const char* name, const char* ns = sch_ns) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         xmlStrEqual(node->ns->href, xml::xml_chars(ns)) &&
         xmlStrEqual(node->name, xml::xml_chars(name));
}

std::string attr(const xmlNode* node, const char* name) {
  xml::CharPtr value(xmlGetNoNsProp(node, xml::xml_chars(name)));
  return value ? std::string(xml::chars(value.get())) : std::string();
}

bool has_attr(const xmlNode* node, const char* name) {
  return xmlHasNsProp(node, xml::xml_chars(name), nullptr) != nullptr;
}

[[noreturn]] void error(const std::string& base, const xmlNode* node, const std::string& message) {
  int line = node != nullptr ? static_cast<int>(xmlGetLineNo(node)) : 0;
  throw SchemaError(base + ": " + message,
                    {Diagnostic{base, line, 0, Severity::error, message, "schematron", {}, {}}});
}

// Replaces $name by its value in an expression (abstract pattern parameters).
std::string substitute(std::string text,
                       const std::vector<std::pair<std::string, std::string>>& params) {
  for (const auto& [name, value] : params) {
    std::string token = "$" + name;
    std::size_t pos = 0;
    while ((pos = text.find(token, pos)) != std::string::npos) {
      std::size_t end = pos + token.size();
      bool boundary =
          end >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[end])) ||
                                  text[end] == '_' || text[end] == '-' || text[end] == '.');
      if (!boundary) {
        pos = end;
        continue;
      }
      text.replace(pos, token.size(), value);
      pos += value.size();
    }
  }
  return text;
}

class Parser {
 public:
  explicit Parser(std::string base) : base_(std::move(base)) {}

  Document parse(const xmlNode* schema) {
    doc_.query_binding = attr(schema, "queryBinding");
    doc_.default_phase = attr(schema, "defaultPhase");
    collect_abstracts(schema);
    for (const xmlNode* child = schema->children; child != nullptr; child = child->next) {
      const xmlNode* node = resolve_include(child);
      if (is(node, "ns")) {
        doc_.namespaces.emplace_back(attr(node, "prefix"), attr(node, "uri"));
      } else if (is(node, "let")) {
        doc_.variables.push_back(variable(node));
      } else if (is(node, "pattern")) {
        if (attr(node, "abstract") != "true") pattern(node);
      } else if (is(node, "phase")) {
        phase(node);
      } else if (is(node, "diagnostics")) {
        for (const xmlNode* d = node->children; d != nullptr; d = d->next)
          if (is(d, "diagnostic")) doc_.diagnostics[attr(d, "id")] = message(d);
      } else if (is(node, "key", xsl_ns)) {
        doc_.keys.push_back(Key{attr(node, "name"), attr(node, "match"), attr(node, "use")});
      }
    }
    return std::move(doc_);
  }

  // Embedded rules: every sch:ns and sch:pattern anywhere below `root`.
  Document parse_embedded(const xmlNode* root) {
    doc_.query_binding = "xslt2";
    collect_abstracts(root);
    walk_embedded(root);
    return std::move(doc_);
  }

 private:
  void walk_embedded(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      if (is(child, "ns")) {
        doc_.namespaces.emplace_back(attr(child, "prefix"), attr(child, "uri"));
      } else if (is(child, "pattern")) {
        if (attr(child, "abstract") != "true") pattern(child);
      } else {
        walk_embedded(child);
      }
    }
  }

  // sch:include (and sch:extends with @href) pull in an element from another file.
  const xmlNode* resolve_include(const xmlNode* node) {
    if (!is(node, "include")) return node;
    std::string href = attr(node, "href");
    if (++include_depth_ > 16) error(base_, node, "includes nest too deeply (a cycle?)");
    std::string path = xml::resolve_local(href, node->doc->URL);
    std::string bytes;
    try {
      bytes = read_file(path);
    } catch (const IoError& e) {
      error(base_, node, std::string("cannot include: ") + e.what());
    }
    std::vector<Diagnostic> diagnostics;
    auto doc = xml::parse_untrusted(bytes, path, diagnostics);
    if (!doc) error(base_, node, "cannot include " + href + ": not well-formed");
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    included_.push_back(std::move(doc));
    return resolve_include(root);
  }

  void collect_abstracts(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      const xmlNode* element = resolve_include(child);
      if (is(element, "pattern") && attr(element, "abstract") == "true")
        abstract_patterns_[attr(element, "id")] = element;
      if (is(element, "rules"))  // schema-level container of abstract rules
        for (const xmlNode* r = element->children; r != nullptr; r = r->next)
          if (is(r, "rule")) schema_rules_[attr(r, "id")] = r;
      if (element == child) collect_abstracts(element);
    }
  }

  Variable variable(const xmlNode* node) {
    Variable v;
    v.name = attr(node, "name");
    if (v.name.empty()) error(base_, node, "let without a name");
    if (has_attr(node, "value")) {
      v.value = subst(attr(node, "value"));
    } else {
      v.has_value = false;
      v.content = xml::text_content(node);
    }
    return v;
  }

  std::vector<MessagePart> message(const xmlNode* node) {
    std::vector<MessagePart> parts;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        parts.push_back(MessagePart{MessagePart::Kind::text, xml::chars(child->content)});
      } else if (is(child, "value-of")) {
        parts.push_back(MessagePart{MessagePart::Kind::value_of, subst(attr(child, "select"))});
      } else if (is(child, "name")) {
        parts.push_back(MessagePart{MessagePart::Kind::name, subst(attr(child, "path"))});
      } else if (child->type == XML_ELEMENT_NODE) {  // emph, dir, span, foreign markup
        for (auto& part : message(child)) parts.push_back(std::move(part));
      }
    }
    return parts;
  }

  void assertion(Rule& rule, const xmlNode* node, bool report) {
    Assertion a;
    a.report = report;
    a.id = attr(node, "id");
    a.role = attr(node, "role");
    if (!has_attr(node, "test")) error(base_, node, "assert or report without a test");
    a.test = subst(attr(node, "test"));
    a.message = message(node);
    std::string refs = attr(node, "diagnostics");
    for (std::size_t pos = 0; pos < refs.size();) {
      std::size_t end = refs.find(' ', pos);
      if (end == std::string::npos) end = refs.size();
      if (end > pos) a.diagnostics.push_back(refs.substr(pos, end - pos));
      pos = end + 1;
    }
    a.line = static_cast<int>(xmlGetLineNo(node));
    rule.assertions.push_back(std::move(a));
  }

  void rule_body(Rule& rule, const xmlNode* node, std::set<std::string>& extending) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      const xmlNode* element = resolve_include(child);
      if (is(element, "let")) {
        rule.variables.push_back(variable(element));
      } else if (is(element, "assert")) {
        assertion(rule, element, false);
      } else if (is(element, "report")) {
        assertion(rule, element, true);
      } else if (is(element, "extends")) {
        const xmlNode* target = nullptr;
        std::string id;
        if (has_attr(element, "href")) {
          id = "href " + attr(element, "href");
          target = resolve_include_href(element);
        } else {
          id = attr(element, "rule");
          target = find_abstract_rule(id);
          if (target == nullptr)
            error(base_, element,
                  "extends names '" + id + "', which is not an abstract rule of this pattern");
        }
        if (!extending.insert(id).second) error(base_, element, "rule '" + id + "' extends itself");
        rule_body(rule, target, extending);
        extending.erase(id);
      }
    }
  }

  // An abstract rule of the pattern being read, or of the schema's sch:rules.
  const xmlNode* find_abstract_rule(const std::string& id) {
    if (current_pattern_ != nullptr) {
      for (const xmlNode* child = current_pattern_->children; child != nullptr;
           child = child->next) {
        const xmlNode* element = resolve_include(child);
        if (is(element, "rule") && attr(element, "abstract") == "true" && attr(element, "id") == id)
          return element;
      }
    }
    auto found = schema_rules_.find(id);
    return found == schema_rules_.end() ? nullptr : found->second;
  }

  const xmlNode* resolve_include_href(const xmlNode* node) {
    // <extends href="…"/> is resolved like an include.
    xmlNode copy = *node;
    copy.name = xml::xml_chars("include");
    return resolve_include(&copy);
  }

  void pattern(const xmlNode* node) {
    Pattern p;
    p.id = attr(node, "id");
    const xmlNode* source = node;
    std::vector<std::pair<std::string, std::string>> params;
    if (has_attr(node, "is-a")) {
      auto found = abstract_patterns_.find(attr(node, "is-a"));
      if (found == abstract_patterns_.end())
        error(base_, node, "pattern is-a an unknown abstract pattern '" + attr(node, "is-a") + "'");
      for (const xmlNode* child = node->children; child != nullptr; child = child->next)
        if (is(child, "param")) params.emplace_back(attr(child, "name"), attr(child, "value"));
      std::sort(params.begin(), params.end(),
                [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
      source = found->second;
    }
    params_ = params;
    current_pattern_ = source;
    p.documents = attr(node, "documents");
    for (const xmlNode* child = source->children; child != nullptr; child = child->next) {
      const xmlNode* element = resolve_include(child);
      if (is(element, "let")) {
        p.variables.push_back(variable(element));
      } else if (is(element, "rule")) {
        if (attr(element, "abstract") == "true") continue;
        Rule r;
        r.id = attr(element, "id");
        if (!has_attr(element, "context")) error(base_, element, "rule without a context");
        r.context = subst(attr(element, "context"));
        r.line = static_cast<int>(xmlGetLineNo(element));
        std::set<std::string> extending;
        rule_body(r, element, extending);
        p.rules.push_back(std::move(r));
      }
    }
    params_.clear();
    current_pattern_ = nullptr;
    doc_.patterns.push_back(std::move(p));
  }

  void phase(const xmlNode* node) {
    Phase ph;
    ph.id = attr(node, "id");
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (is(child, "active")) ph.active.push_back(attr(child, "pattern"));
      if (is(child, "let")) ph.variables.push_back(variable(child));
    }
    doc_.phases.push_back(std::move(ph));
  }

  std::string subst(std::string text) { return params_.empty() ? text : substitute(text, params_); }

  std::string base_;
  Document doc_;
  std::map<std::string, const xmlNode*> abstract_patterns_;
  std::map<std::string, const xmlNode*> schema_rules_;  // in sch:rules
  const xmlNode* current_pattern_ = nullptr;            // its abstract rules are in scope
  std::vector<std::pair<std::string, std::string>> params_;
  std::vector<xml::DocPtr> included_;
  int include_depth_ = 0;
};

}  // namespace

Document parse_schema(const xmlNode* schema, const std::string& base) {
  if (!is(schema, "schema"))
    error(base, schema, "not an ISO Schematron schema (expected sch:schema)");
  return Parser(base).parse(schema);
}

std::shared_ptr<const SchematronSchema> load(std::string_view bytes, const std::string& base,
                                             const std::string& phase) {
  std::vector<Diagnostic> diagnostics;
  auto doc = xml::parse_untrusted(bytes, base, diagnostics);
  if (!doc) throw SchemaError(base + ": the Schematron schema is not well-formed", diagnostics);
  Document parsed = parse_schema(xmlDocGetRootElement(doc.get()), base);
  bool lenient = parsed.query_binding == "xslt2" || parsed.query_binding == "xslt3" ||
                 parsed.query_binding == "xpath2" || parsed.query_binding == "xpath3" ||
                 parsed.query_binding == "xpath31";
  return std::make_shared<SchematronSchema>(std::move(parsed), phase, lenient, base);
}

std::shared_ptr<const SchematronSchema> load_embedded(std::string_view rng_bytes,
                                                      const std::string& base) {
  std::vector<Diagnostic> diagnostics;
  auto doc = xml::parse_untrusted(rng_bytes, base, diagnostics);
  if (!doc) return nullptr;
  Document parsed = Parser(base).parse_embedded(xmlDocGetRootElement(doc.get()));
  if (parsed.patterns.empty()) return nullptr;
  return std::make_shared<SchematronSchema>(std::move(parsed), std::string(), true, base);
}

}  // namespace teikit::validate::schematron
