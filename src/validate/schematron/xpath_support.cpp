#include "validate/schematron/xpath_support.hpp"

#include <libexslt/exslt.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/xml_handles.hpp"

namespace teikit::validate::schematron {
namespace {

thread_local xmlNode* current_node = nullptr;

void current_function(xmlXPathParserContext* context, int nargs) {
  if (nargs != 0) {
    xmlXPathSetArityError(context);
    return;
  }
  xmlXPathObject* result = xmlXPathNewNodeSet(current_node);
  valuePush(context, result);
}

const std::set<std::string, std::less<>>& core_functions() {
  static const std::set<std::string, std::less<>> names{
      "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat",
      "starts-with", "contains", "substring-before", "substring-after", "substring",
      "string-length", "normalize-space", "translate", "boolean", "not", "true", "false", "lang",
      "number", "sum", "floor", "ceiling", "round", "current", "key", "escape-uri",
      // node tests look like calls
      "node", "text", "comment", "processing-instruction"};
  return names;
}

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Calls `visit(i)` for each position of an XPath expression outside its string literals;
// `visit` returns how many further characters to skip.
template <typename Visit>
void outside_literals(std::string_view e, Visit visit) {
  char quote = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    char c = e[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else {
      i += visit(i);
    }
  }
}

// Calls in an expression: (prefix, local name), outside string literals.
std::vector<std::pair<std::string, std::string>> function_calls(std::string_view e) {
  std::vector<std::pair<std::string, std::string>> calls;
  outside_literals(e, [&](std::size_t i) -> std::size_t {
    if (e[i] != '(') return 0;
    std::size_t end = i;
    while (end > 0 && e[end - 1] == ' ') --end;
    std::size_t start = end;
    while (start > 0 && (name_char(e[start - 1]) || e[start - 1] == ':')) --start;
    if (start == end) return 0;
    std::string name(e.substr(start, end - start));
    if (start > 0 && (e[start - 1] == '$' || e[start - 1] == '@')) return 0;
    if (name.find("::") != std::string::npos) name = name.substr(name.rfind("::") + 2);
    // Operators before a parenthesis are not calls: "a or (b)".
    if (name.empty() || name == "and" || name == "or" || name == "div" || name == "mod") return 0;
    auto colon = name.find(':');
    if (colon == std::string::npos) {
      calls.emplace_back("", name);
    } else {
      calls.emplace_back(name.substr(0, colon), name.substr(colon + 1));
    }
    return 0;
  });
  return calls;
}

void silent(void*, xmlError*) {}

}  // namespace

std::string xpath1_problem(xmlXPathContext* context, const std::string& expression) {
  if (expression.empty()) return "empty expression";
  // XPath 2.0 syntax that XPath 1.0 would read differently or not at all.
  for (std::string_view keyword :
       {"(:", " instance of ", " castable as ", " cast as ", " treat as "}) {
    if (expression.find(keyword) != std::string::npos)
      return "uses XPath 2.0 syntax '" + std::string(keyword) + "'";
  }
  void* old_context = xmlStructuredErrorContext;
  xmlStructuredErrorFunc old_handler = xmlStructuredError;
  xmlSetStructuredErrorFunc(nullptr, &silent);
  xmlXPathCompExpr* compiled = xmlXPathCtxtCompile(context, xml::xml_chars(expression.c_str()));
  xmlSetStructuredErrorFunc(old_context, old_handler);
  if (compiled == nullptr) return "is not an XPath 1.0 expression";
  xmlXPathFreeCompExpr(compiled);
  for (const auto& [prefix, name] : function_calls(expression)) {
    if (prefix.empty()) {
      if (core_functions().count(name) == 0)
        return "calls " + name + "(), which is not an XPath 1.0 function";
      continue;
    }
    const xmlChar* uri = xmlXPathNsLookup(context, xml::xml_chars(prefix.c_str()));
    if (uri == nullptr) return "uses the undeclared prefix '" + prefix + "'";
    if (xmlXPathFunctionLookupNS(context, xml::xml_chars(name.c_str()), uri) == nullptr)
      return "calls " + prefix + ":" + name + "(), which is not available";
  }
  return {};
}

std::vector<std::string> variable_references(std::string_view e) {
  std::vector<std::string> names;
  outside_literals(e, [&](std::size_t i) -> std::size_t {
    if (e[i] != '$') return 0;
    std::size_t end = i + 1;
    while (end < e.size() && (name_char(e[end]) || e[end] == ':')) ++end;
    names.emplace_back(e.substr(i + 1, end - i - 1));
    return end - i - 1;
  });
  return names;
}

void register_functions(xmlXPathContext* context) {
  exsltRegisterAll();
  struct Library {
    const char* uri;
    int (*add)(xmlXPathContextPtr, const xmlChar*);
  };
  static const Library libraries[] = {
      {"http://exslt.org/math", exsltMathXpathCtxtRegister},
      {"http://exslt.org/sets", exsltSetsXpathCtxtRegister},
      {"http://exslt.org/strings", exsltStrXpathCtxtRegister},
      {"http://exslt.org/dates-and-times", exsltDateXpathCtxtRegister},
  };
  if (context->nsHash != nullptr) {
    // Every bound prefix whose URI is an EXSLT library gets that library.
    struct Scan {
      xmlXPathContext* context;
    } scan{context};
    xmlHashScan(
        context->nsHash,
        [](void* payload, void* data, const xmlChar* prefix) {
          auto* s = static_cast<Scan*>(data);
          const auto* uri = static_cast<const xmlChar*>(payload);
          for (const auto& library : libraries)
            if (xmlStrEqual(uri, xml::xml_chars(library.uri))) library.add(s->context, prefix);
        },
        &scan);
  }
  xmlXPathRegisterFunc(context, xml::xml_chars("current"), &current_function);
}

void set_current_node(xmlNode* node) {
  current_node = node;
}

std::string pattern_to_xpath(std::string_view pattern) {
  // Split at top-level '|' and anchor each relative alternative anywhere in the document.
  std::vector<std::string> alternatives;
  std::string current;
  int depth = 0;
  char quote = 0;
  for (char c : pattern) {
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '[' || c == '(') {
      ++depth;
    } else if (c == ']' || c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      alternatives.push_back(current);
      current.clear();
      continue;
    }
    current += c;
  }
  alternatives.push_back(current);
  std::string xpath;
  for (auto& alternative : alternatives) {
    std::size_t start = alternative.find_first_not_of(" \t\r\n");
    std::string alt = start == std::string::npos ? std::string() : alternative.substr(start);
    while (!alt.empty() && std::isspace(static_cast<unsigned char>(alt.back()))) alt.pop_back();
    if (!xpath.empty()) xpath += " | ";
    if (alt.starts_with("/") || alt.starts_with("id(") || alt.starts_with("key(") ||
        alt.starts_with("$")) {
      xpath += alt;
    } else {
      xpath += "//" + alt;
    }
  }
  return xpath;
}

}  // namespace teikit::validate::schematron
