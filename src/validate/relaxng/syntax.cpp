#include "validate/relaxng/syntax.hpp"

#include <libxml/parserInternals.h>

#include <cctype>
#include <cstring>
#include <initializer_list>

#include "core/xml_handles.hpp"
#include "validate/relaxng/whitespace.hpp"

namespace teikit::validate::relaxng {
namespace {

bool all_space(const xmlChar* text) {
  if (text == nullptr) return true;
  for (; *text != 0; ++text)
    if (!is_space(static_cast<char>(*text))) return false;
  return true;
}

struct AttributeRule {
  const char* element;
  std::initializer_list<const char*> allowed;
};

// Besides these, every element may have `ns` and `datatypeLibrary`.
const AttributeRule attribute_rules[] = {
    {"element", {"name"}},
    {"attribute", {"name"}},
    {"ref", {"name"}},
    {"parentRef", {"name"}},
    {"define", {"name", "combine"}},
    {"start", {"combine"}},
    {"value", {"type"}},
    {"data", {"type"}},
    {"param", {"name"}},
    {"externalRef", {"href"}},
    {"include", {"href"}},
    {"group", {}},
    {"interleave", {}},
    {"choice", {}},
    {"optional", {}},
    {"zeroOrMore", {}},
    {"oneOrMore", {}},
    {"list", {}},
    {"mixed", {}},
    {"empty", {}},
    {"text", {}},
    {"notAllowed", {}},
    {"grammar", {}},
    {"div", {}},
    {"except", {}},
    {"name", {}},
    {"anyName", {}},
    {"nsName", {}},
};

bool text_element(std::string_view name) {
  return name == "value" || name == "param" || name == "name";
}

// XML 1.0 name characters, by libxml2's tables.
bool name_start(int c) {
  return c != ':' && (xmlIsBaseChar(static_cast<unsigned>(c)) ||
                      xmlIsIdeographic(static_cast<unsigned>(c)) || c == '_');
}
bool name_char(int c) {
  return name_start(c) || xmlIsDigit(static_cast<unsigned>(c)) || c == '.' || c == '-' ||
         xmlIsCombining(static_cast<unsigned>(c)) || xmlIsExtender(static_cast<unsigned>(c));
}

}  // namespace

bool is_rng(const xmlNode* node) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         std::strcmp(xml::chars(node->ns->href), rng_namespace) == 0;
}

bool is_rng(const xmlNode* node, const char* name) {
  return is_rng(node) && std::strcmp(xml::chars(node->name), name) == 0;
}

std::string_view local_name(const xmlNode* node) {
  return xml::chars(node->name);
}

std::vector<const xmlNode*> rng_children(const xmlNode* node) {
  std::vector<const xmlNode*> out;
  bool text_allowed = text_element(local_name(node));
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      if (is_rng(child)) {
        out.push_back(child);
      } else if (text_allowed) {
        throw SchemaFault{
            child, "element \"" + std::string(local_name(node)) + "\" must contain text only"};
      }
    } else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
               !text_allowed && !all_space(child->content)) {
      throw SchemaFault{node,
                        "text not allowed in element \"" + std::string(local_name(node)) + "\""};
    }
  }
  return out;
}

void check_attributes(const xmlNode* node) {
  std::string_view name = local_name(node);
  const AttributeRule* rule = nullptr;
  for (const auto& r : attribute_rules)
    if (name == r.element) rule = &r;
  if (rule == nullptr) throw SchemaFault{node, "unknown element \"" + std::string(name) + "\""};
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->ns != nullptr) {
      if (std::strcmp(xml::chars(a->ns->href), rng_namespace) == 0)
        throw SchemaFault{node, "attribute \"" + std::string(xml::chars(a->name)) +
                                    "\" not allowed on element \"" + std::string(name) + "\""};
      continue;  // annotation
    }
    std::string_view attr = xml::chars(a->name);
    bool ok = attr == "ns" || attr == "datatypeLibrary";
    for (const char* allowed : rule->allowed) ok = ok || attr == allowed;
    if (!ok)
      throw SchemaFault{node, "attribute \"" + std::string(attr) + "\" not allowed on element \"" +
                                  std::string(name) + "\""};
  }
}

bool has_attribute(const xmlNode* node, const char* name) {
  return xmlHasNsProp(node, xml::xml_chars(name), nullptr) != nullptr;
}

std::string attribute(const xmlNode* node, const char* name) {
  xml::CharPtr value(xmlGetNoNsProp(node, xml::xml_chars(name)));
  if (!value) return {};
  std::string text = xml::chars(value.get());
  // Section 4.2: name, type and combine are trimmed; ns, datatypeLibrary and href are not.
  std::string_view n = name;
  if (n == "name" || n == "type" || n == "combine") return trim(text);
  return text;
}

std::string text_of(const xmlNode* node) {
  return xml::text_content(node);
}

std::string trim(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

bool is_ncname(std::string_view text) {
  if (text.empty()) return false;
  const auto* p = reinterpret_cast<const xmlChar*>(text.data());
  int remaining = static_cast<int>(text.size());
  bool first = true;
  while (remaining > 0) {
    int length = remaining;
    int c = xmlGetUTF8Char(p, &length);
    if (c < 0 || length <= 0) return false;
    if (first ? !name_start(c) : !name_char(c)) return false;
    first = false;
    p += length;
    remaining -= length;
  }
  return true;
}

bool is_qname(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return is_ncname(text);
  return is_ncname(text.substr(0, colon)) && is_ncname(text.substr(colon + 1));
}

bool is_datatype_library_uri(std::string_view text) {
  if (text.empty()) return true;
  if (text.find('#') != std::string_view::npos) return false;
  // An absolute URI: a scheme, then ':'.
  std::size_t i = 0;
  if (!std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '+' ||
                             text[i] == '-' || text[i] == '.'))
    ++i;
  if (i + 1 >= text.size() || text[i] != ':') return false;  // RFC 2396: something after ':'
  for (char c : text)
    if (c == ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '\\' || c == '^' || c == '`')
      return false;
  // A '%' must start an escape.
  for (std::size_t k = 0; k < text.size(); ++k)
    if (text[k] == '%' &&
        (k + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[k + 1])) ||
         !std::isxdigit(static_cast<unsigned char>(text[k + 2]))))
      return false;
  return true;
}

}  // namespace teikit::validate::relaxng
