// Running Schematron rules on a document.

#include <libxml/xpathInternals.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/atomic_file.hpp"
#include "core/xml_handles.hpp"
#include "validate/node_path.hpp"
#include "validate/schematron/schematron.hpp"
#include "validate/schematron/xpath_support.hpp"

namespace teikit::validate::schematron {
namespace {

using ContextPtr = xml::XPathContextPtr;
using ObjectPtr = xml::XPathObjectPtr;
using CompiledPtr = xml::XPathCompiledPtr;

[[noreturn]] void schema_error(const std::string& base, int line, const std::string& message) {
  throw SchemaError(base + ": " + message,
                    {Diagnostic{base, line, 0, Severity::error, message, "schematron", {}, {}}});
}

ContextPtr new_context(xmlDoc* doc, const Document& schema) {
  ContextPtr context(xmlXPathNewContext(doc));
  if (!context) throw std::bad_alloc();
  for (const auto& [prefix, uri] : schema.namespaces)
    xmlXPathRegisterNs(context.get(), xml::xml_chars(prefix.c_str()), xml::xml_chars(uri.c_str()));
  register_functions(context.get());
  return context;
}

// Keys declared with xsl:key, indexed per document on first use.
struct KeyIndex {
  const Document* schema = nullptr;
  xmlXPathContext* context = nullptr;
  std::map<std::string, std::multimap<std::string, xmlNode*>> built;
};
thread_local KeyIndex* key_index = nullptr;

void key_function(xmlXPathParserContext* parser, int nargs) {
  if (nargs != 2) {
    xmlXPathSetArityError(parser);
    return;
  }
  ObjectPtr value(valuePop(parser));
  xml::CharPtr name(xmlXPathPopString(parser));
  xmlNodeSet* result = xmlXPathNodeSetCreate(nullptr);
  if (key_index != nullptr && name) {
    std::string key_name = xml::chars(name.get());
    auto& index = key_index->built[key_name];
    if (index.empty()) {
      for (const auto& key : key_index->schema->keys) {
        if (key.name != key_name) continue;
        xmlNode* saved = key_index->context->node;
        ObjectPtr nodes(xmlXPathEvalExpression(xml::xml_chars(pattern_to_xpath(key.match).c_str()),
                                               key_index->context));
        if (nodes && nodes->nodesetval != nullptr) {
          for (int i = 0; i < nodes->nodesetval->nodeNr; ++i) {
            xmlNode* node = nodes->nodesetval->nodeTab[i];
            key_index->context->node = node;
            ObjectPtr use(
                xmlXPathEvalExpression(xml::xml_chars(key.use.c_str()), key_index->context));
            if (use) {
              xml::CharPtr text(xmlXPathCastToString(use.get()));
              index.emplace(xml::chars(text.get()), node);
            }
          }
        }
        key_index->context->node = saved;
      }
    }
    std::vector<std::string> wanted;
    if (value && value->type == XPATH_NODESET && value->nodesetval != nullptr) {
      for (int i = 0; i < value->nodesetval->nodeNr; ++i) {
        xml::CharPtr text(xmlNodeGetContent(value->nodesetval->nodeTab[i]));
        wanted.emplace_back(text ? xml::chars(text.get()) : "");
      }
    } else if (value) {
      xml::CharPtr text(xmlXPathCastToString(value.get()));
      wanted.emplace_back(xml::chars(text.get()));
    }
    for (const auto& w : wanted) {
      auto [begin, end] = index.equal_range(w);
      for (auto it = begin; it != end; ++it) xmlXPathNodeSetAdd(result, it->second);
    }
  }
  valuePush(parser, xmlXPathWrapNodeSet(result));
}

class SchematronValidator final : public Validator {
 public:
  explicit SchematronValidator(const SchematronSchema& schema) : schema_(schema) {}

  bool validate(xmlDoc* doc, const std::string& file, std::vector<Diagnostic>& out) override {
    const Document& s = schema_.document();
    ContextPtr context = new_context(doc, s);
    KeyIndex keys{&s, context.get(), {}};
    key_index = &keys;
    xmlXPathRegisterFunc(context.get(), xml::xml_chars("key"), &key_function);
    std::vector<Diagnostic> found;
    std::vector<Diagnostic> errors;
    xml::ErrorCapture capture(errors, file, "schematron");
    xmlNode* root = reinterpret_cast<xmlNode*>(doc);
    for (const auto& v : s.variables) bind(context.get(), v, root);
    for (const auto& p : s.patterns)
      for (const auto& v : p.variables) bind(context.get(), v, root);
    for (const auto& pattern : s.patterns) run_pattern(context.get(), pattern, file, found);
    key_index = nullptr;
    set_current_node(nullptr);
    std::stable_sort(found.begin(), found.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    bool valid = true;
    for (auto& d : found) {
      if (d.severity == Severity::error) valid = false;
      out.push_back(std::move(d));
    }
    return valid;
  }

 private:
  void bind(xmlXPathContext* context, const Variable& v, xmlNode* node) {
    xmlXPathObject* value = nullptr;
    if (v.has_value) {
      value = evaluate(context, v.value, node).release();
    } else {
      value = xmlXPathNewString(xml::xml_chars(v.content.c_str()));
    }
    if (value == nullptr) value = xmlXPathNewString(xml::xml_chars(""));
    xmlXPathRegisterVariable(context, xml::xml_chars(v.name.c_str()), value);
  }

  ObjectPtr evaluate(xmlXPathContext* context, const std::string& expression, xmlNode* node) {
    context->node = node;
    context->contextSize = 1;
    context->proximityPosition = 1;
    set_current_node(node);
    // Each expression is compiled once per validator, then evaluated for every node.
    auto found = compiled_.find(expression);
    if (found == compiled_.end()) {
      CompiledPtr compiled(xmlXPathCtxtCompile(context, xml::xml_chars(expression.c_str())));
      found = compiled_.emplace(expression, std::move(compiled)).first;
    }
    if (!found->second) return nullptr;
    return ObjectPtr(xmlXPathCompiledEval(found->second.get(), context));
  }

  bool test(xmlXPathContext* context, const std::string& expression, xmlNode* node) {
    ObjectPtr result = evaluate(context, expression, node);
    return result && xmlXPathCastToBoolean(result.get()) != 0;
  }

  std::string message(xmlXPathContext* context, const std::vector<MessagePart>& parts,
                      xmlNode* node) {
    std::string text;
    for (const auto& part : parts) {
      if (part.kind == MessagePart::Kind::text) {
        text += part.value;
        continue;
      }
      if (part.kind == MessagePart::Kind::name && part.value.empty()) {
        text += name_of(node);
        continue;
      }
      ObjectPtr result = evaluate(context, part.value, node);
      if (!result) continue;
      if (part.kind == MessagePart::Kind::name) {
        if (result->nodesetval != nullptr && result->nodesetval->nodeNr > 0)
          text += name_of(result->nodesetval->nodeTab[0]);
      } else {
        xml::CharPtr value(xmlXPathCastToString(result.get()));
        text += xml::chars(value.get());
      }
    }
    // Collapse white space as a reader expects.
    std::string collapsed;
    bool space = false;
    for (char c : text) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = !collapsed.empty();
        continue;
      }
      if (space) collapsed += ' ';
      space = false;
      collapsed += c;
    }
    return collapsed;
  }

  static std::string name_of(const xmlNode* node) {
    if (node == nullptr || node->name == nullptr) return {};
    if (node->ns != nullptr && node->ns->prefix != nullptr)
      return std::string(xml::chars(node->ns->prefix)) + ":" + xml::chars(node->name);
    return xml::chars(node->name);
  }

  void run_pattern(xmlXPathContext* context, const Pattern& pattern, const std::string& file,
                   std::vector<Diagnostic>& out) {
    if (!pattern.documents.empty()) return run_on_subordinates(context, pattern, file, out);
    std::unordered_set<const xmlNode*> matched;
    xmlNode* root = reinterpret_cast<xmlNode*>(context->doc);
    for (const auto& rule : pattern.rules) {
      ObjectPtr nodes = evaluate(context, pattern_to_xpath(rule.context), root);
      if (!nodes || nodes->type != XPATH_NODESET || nodes->nodesetval == nullptr) continue;
      // Copy: evaluating assertions may reuse libxml2's buffers.
      std::vector<xmlNode*> list(nodes->nodesetval->nodeTab,
                                 nodes->nodesetval->nodeTab + nodes->nodesetval->nodeNr);
      for (xmlNode* node : list) {
        if (!matched.insert(node).second) continue;
        for (const auto& v : rule.variables) bind(context, v, node);
        for (const auto& a : rule.assertions) {
          bool result = test(context, a.test, node);
          if (result != a.report) continue;
          Diagnostic d;
          d.file = file;
          d.line = line_of(node);
          d.severity = (a.role == "warning" || a.role == "warn" || a.role == "info" ||
                        a.role == "information")
                           ? Severity::warning
                           : Severity::error;
          d.message = message(context, a.message, node);
          for (const auto& id : a.diagnostics) {
            auto found = schema_.document().diagnostics.find(id);
            if (found == schema_.document().diagnostics.end()) continue;
            std::string extra = message(context, found->second, node);
            if (!extra.empty()) d.message += (d.message.empty() ? "" : " ") + extra;
          }
          if (d.message.empty())
            d.message = std::string(a.report ? "report fired: " : "assertion failed: ") + a.test;
          d.source = "schematron";
          d.rule = !a.id.empty() ? a.id : !rule.id.empty() ? rule.id : pattern.id;
          d.path = node_path(node);
          out.push_back(std::move(d));
        }
      }
    }
  }

  // pattern/@documents: the rules apply to the documents whose URIs it selects (resolved
  // against the validated document; local files only, read with the same safe parser).
  void run_on_subordinates(xmlXPathContext* context, const Pattern& pattern,
                           const std::string& file, std::vector<Diagnostic>& out) {
    ObjectPtr uris = evaluate(context, pattern.documents, reinterpret_cast<xmlNode*>(context->doc));
    if (!uris) return;
    std::vector<std::string> targets;
    if (uris->type == XPATH_NODESET && uris->nodesetval != nullptr) {
      for (int i = 0; i < uris->nodesetval->nodeNr; ++i) {
        xml::CharPtr text(xmlNodeGetContent(uris->nodesetval->nodeTab[i]));
        if (text) targets.emplace_back(xml::chars(text.get()));
      }
    } else {
      xml::CharPtr text(xmlXPathCastToString(uris.get()));
      targets.emplace_back(xml::chars(text.get()));
    }
    for (const auto& target : targets) {
      std::string path = xml::resolve_local(target, context->doc->URL);
      std::string bytes;
      try {
        bytes = read_file(path);
      } catch (const IoError& e) {
        out.push_back(
            Diagnostic{file, 0, 0, Severity::error, e.what(), "schematron", pattern.id, {}});
        continue;
      }
      std::vector<Diagnostic> problems;
      auto doc = xml::parse_untrusted(bytes, path, problems);
      if (!doc) {
        for (auto& p : problems) out.push_back(std::move(p));
        continue;
      }
      ContextPtr sub = new_context(doc.get(), schema_.document());
      xmlXPathRegisterFunc(sub.get(), xml::xml_chars("key"), &key_function);
      xmlNode* root = reinterpret_cast<xmlNode*>(doc.get());
      for (const auto& v : schema_.document().variables) bind(sub.get(), v, root);
      Pattern local = pattern;
      local.documents.clear();
      run_pattern(sub.get(), local, path, out);
    }
  }

  static int line_of(const xmlNode* node) {
    if (node->type == XML_DOCUMENT_NODE) return 1;
    if (node->type == XML_ATTRIBUTE_NODE) node = node->parent;
    return static_cast<int>(xmlGetLineNo(node));
  }

  const SchematronSchema& schema_;
  std::unordered_map<std::string, CompiledPtr> compiled_;
};

}  // namespace

SchematronSchema::SchematronSchema(Document document, std::string phase, bool lenient,
                                   const std::string& base)
    : document_(std::move(document)) {
  Document& s = document_;
  // Phase selection: #ALL (or no phases), the default phase, or the one asked for.
  if (phase.empty()) phase = s.default_phase;
  if (!phase.empty() && phase != "#ALL") {
    if (phase == "#DEFAULT") phase = s.default_phase;
    auto found = std::find_if(s.phases.begin(), s.phases.end(),
                              [&](const Phase& p) { return p.id == phase; });
    if (found == s.phases.end()) schema_error(base, 0, "unknown phase '" + phase + "'");
    std::vector<Pattern> active;
    for (auto& pattern : s.patterns)
      if (std::find(found->active.begin(), found->active.end(), pattern.id) != found->active.end())
        active.push_back(std::move(pattern));
    s.patterns = std::move(active);
    // Phase variables shadow the schema's; twice in one phase is an error.
    std::set<std::string> in_phase;
    for (const auto& v : found->variables) {
      if (!in_phase.insert(v.name).second)
        schema_error(base, 0,
                     "variable '" + v.name + "' is declared twice in phase '" + phase + "'");
      std::erase_if(s.variables, [&](const Variable& g) { return g.name == v.name; });
      s.variables.push_back(v);
    }
  }
  // Variables: globals are the schema's, the active phase's and (ISO 2016) every pattern's.
  std::set<std::string> globals;
  auto declare = [&](std::set<std::string>& scope, const Variable& v, int line) {
    if (!scope.insert(v.name).second)
      schema_error(base, line, "variable '" + v.name + "' is declared twice in the same scope");
  };
  for (const auto& v : s.variables) declare(globals, v, 0);
  for (const auto& p : s.patterns)
    for (const auto& v : p.variables) declare(globals, v, 0);

  ContextPtr context = new_context(nullptr, s);
  xmlXPathRegisterFunc(context.get(), xml::xml_chars("key"), &key_function);
  auto check = [&](const std::string& expression, const std::set<std::string>& scope, int line,
                   const Pattern& pattern, const Rule* rule) -> bool {
    for (const auto& name : variable_references(expression))
      if (scope.count(name) == 0)
        schema_error(base, line,
                     "variable $" + name + " is not defined where '" + expression + "' uses it");
    std::string problem = xpath1_problem(context.get(), expression);
    if (problem.empty()) return true;
    if (!lenient) schema_error(base, line, "'" + expression + "' " + problem);
    skipped_.push_back(SkippedRule{pattern.id, rule != nullptr ? rule->context : std::string(),
                                   "'" + expression + "' " + problem});
    return false;
  };
  for (const auto& v : s.variables)
    if (v.has_value) check(v.value, globals, 0, Pattern{}, nullptr);
  for (auto& pattern : s.patterns) {
    for (const auto& v : pattern.variables)
      if (v.has_value) check(v.value, globals, 0, pattern, nullptr);
    if (!pattern.documents.empty()) check(pattern.documents, globals, 0, pattern, nullptr);
    std::vector<Rule> runnable;
    for (auto& rule : pattern.rules) {
      bool ok = check(rule.context, globals, rule.line, pattern, &rule);
      std::set<std::string> scope = globals;
      for (const auto& v : rule.variables) {
        if (globals.count(v.name) != 0 || scope.count(v.name) != 0)
          schema_error(base, rule.line,
                       "variable '" + v.name + "' is declared twice in the same scope");
        if (ok && v.has_value) ok = check(v.value, scope, rule.line, pattern, &rule);
        scope.insert(v.name);
      }
      for (const auto& a : rule.assertions) {
        if (!ok) break;
        ok = check(a.test, scope, a.line, pattern, &rule);
        for (const auto& part : a.message)
          if (ok && part.kind != MessagePart::Kind::text && !part.value.empty())
            ok = check(part.value, scope, a.line, pattern, &rule);
      }
      if (ok) runnable.push_back(std::move(rule));
    }
    pattern.rules = std::move(runnable);
  }
}

std::unique_ptr<Validator> SchematronSchema::make_validator() const {
  return std::make_unique<SchematronValidator>(*this);
}

}  // namespace teikit::validate::schematron
