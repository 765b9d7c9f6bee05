#include "tei_mutations.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <array>
#include <functional>

#include "core/xml_handles.hpp"
#include "validate/node_path.hpp"

namespace teikit::testing {
namespace {

// xorshift64*: the same sequence on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  std::size_t below(std::size_t n) {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return n == 0 ? 0 : static_cast<std::size_t>((state_ * 0x2545F4914F6CDD1DULL) >> 33) % n;
  }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

const std::array<const char*, 14> element_names = {
    "p",    "div",  "hi",    "title",    "note",   "list", "item",
    "head", "date", "bogus", "persName", "closer", "ab",   "teiHeader"};
const std::array<const char*, 10> attribute_names = {
    "type", "n", "when", "rend", "xml:id", "ref", "colour", "status", "corresp", "place"};
const std::array<const char*, 9> values = {"x", "2020-13-45", "#nowhere", "1979",      "foo bar",
                                           "",  "12",         "fn1",      "not a date"};

std::vector<xmlNode*> elements(xmlNode* root) {
  std::vector<xmlNode*> out;
  std::function<void(xmlNode*)> walk = [&](xmlNode* node) {
    for (xmlNode* c = node; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      out.push_back(c);
      walk(c->children);
    }
  };
  walk(root);
  return out;
}

bool is_ancestor(const xmlNode* a, const xmlNode* b) {
  for (const xmlNode* n = b; n != nullptr; n = n->parent)
    if (n == a) return true;
  return false;
}

void set_attribute(xmlNode* node, const std::string& name, const char* value) {
  if (name.starts_with("xml:")) {
    xmlNs* ns = xmlSearchNsByHref(node->doc, node, XML_XML_NAMESPACE);
    xmlSetNsProp(node, ns, xml::xml_chars(name.substr(4).c_str()), xml::xml_chars(value));
  } else {
    xmlSetProp(node, xml::xml_chars(name.c_str()), xml::xml_chars(value));
  }
}

std::string mutate_once(xmlDoc* doc, Random& random) {
  xmlNode* root = xmlDocGetRootElement(doc);
  auto all = elements(root);
  if (all.size() < 2) return "nothing";
  xmlNode* target = all[1 + random.below(all.size() - 1)];
  std::string where = validate::node_path(target);
  switch (random.below(8)) {
    case 0:
      xmlUnlinkNode(target);
      xmlFreeNode(target);
      return "remove " + where;
    case 1: {
      xmlNode* parent = all[random.below(all.size())];
      if (is_ancestor(target, parent)) return "move (skipped) " + where;
      xmlUnlinkNode(target);
      xmlNode* before = parent->children;
      for (std::size_t k = random.below(4); k > 0 && before != nullptr; --k) before = before->next;
      if (before != nullptr)
        xmlAddPrevSibling(before, target);
      else
        xmlAddChild(parent, target);
      return "move " + where + " into " + validate::node_path(parent);
    }
    case 2: {
      const char* name = random.pick(element_names);
      xmlNodeSetName(target, xml::xml_chars(name));
      return "rename " + where + " to " + name;
    }
    case 3: {
      std::string name = random.pick(attribute_names);
      const char* value = random.pick(values);
      set_attribute(target, name, value);
      return "set @" + name + "=\"" + value + "\" on " + where;
    }
    case 4: {
      for (xmlNode* n : all) {
        if (n->properties == nullptr || random.below(3) != 0) continue;
        const char* value = random.pick(values);
        xmlAttr* a = n->properties;
        xmlNodeSetContent(reinterpret_cast<xmlNode*>(a), xml::xml_chars(value));
        return "break @" + std::string(xml::chars(a->name)) + " of " + validate::node_path(n) +
               " to \"" + value + "\"";
      }
      return "break (no attribute)";
    }
    case 5: {
      xmlNode* copy = xmlCopyNode(target, 1);
      xmlAddNextSibling(target, copy);
      return "duplicate " + where;
    }
    case 6: {
      xmlNode* text = xmlNewText(xml::xml_chars("stray text"));
      if (target->children != nullptr)
        xmlAddPrevSibling(target->children, text);
      else
        xmlAddChild(target, text);
      return "text into " + where;
    }
    default: {
      xmlNode* next = target->next;
      while (next != nullptr && next->type != XML_ELEMENT_NODE) next = next->next;
      if (next == nullptr) return "swap (no sibling) " + where;
      xmlUnlinkNode(next);
      xmlAddPrevSibling(target, next);
      return "swap " + where + " with its next sibling";
    }
  }
}

}  // namespace

Mutant mutate(const std::string& text, std::uint64_t seed, int count) {
  xml::DocPtr doc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "mutant.xml", "UTF-8",
                                XML_PARSE_NONET));
  Mutant out;
  if (!doc) return out;
  Random random(seed);
  for (int i = 0; i < count; ++i) out.mutations.push_back(mutate_once(doc.get(), random));
  out.xml = xml::serialize(doc.get());
  return out;
}

}  // namespace teikit::testing
