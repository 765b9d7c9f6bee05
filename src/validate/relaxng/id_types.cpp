// DTD compatibility (RELAX NG DTD Compatibility, section 4): attributes whose datatype is
// ID, IDREF or IDREFS, found by element and attribute name; and the schema's ID-type
// compatibility: such attributes have plain names, and a pair of element and attribute names
// has one ID type wherever it is declared.

#include <set>
#include <unordered_map>

#include "validate/relaxng/grammar.hpp"

namespace teikit::validate::relaxng {
namespace {

IdType content_id_type(const CompiledGrammar& g, PatternId id) {
  const Pattern& p = g.patterns.nodes[id];
  switch (p.kind) {
    case Kind::data:
    case Kind::data_except:
      return g.datatypes[p.extra].datatype->id_type();
    case Kind::value:
      return g.datatypes[g.values[p.extra].datatype].datatype->id_type();
    case Kind::choice: {
      IdType a = content_id_type(g, p.a);
      return a != IdType::none ? a : content_id_type(g, p.b);
    }
    default:
      return IdType::none;
  }
}

// One attribute pattern in the content of one element pattern.
struct Declaration {
  PatternId element;
  NameClassId element_names;
  NameClassId attribute_names;
  IdType type;
};

void collect(const CompiledGrammar& g, PatternId element, PatternId id,
             std::vector<Declaration>& out, std::set<PatternId>& seen) {
  if (!seen.insert(id).second) return;
  const Pattern& p = g.patterns.nodes[id];
  switch (p.kind) {
    case Kind::attribute:
      out.push_back(
          Declaration{element, g.patterns.nodes[element].extra, p.extra, content_id_type(g, p.a)});
      return;
    case Kind::choice:
    case Kind::group:
    case Kind::interleave:
      collect(g, element, p.a, out, seen);
      collect(g, element, p.b, out, seen);
      return;
    case Kind::one_or_more:
      collect(g, element, p.a, out, seen);
      return;
    default:
      return;
  }
}

const char* id_type_name(IdType type) {
  switch (type) {
    case IdType::id:
      return "ID";
    case IdType::idref:
      return "IDREF";
    case IdType::idrefs:
      return "IDREFS";
    default:
      return "none";
  }
}

}  // namespace

void find_id_attributes(CompiledGrammar& grammar, std::vector<SchemaProblem>& problems) {
  std::vector<Declaration> declarations;
  for (PatternId element : grammar.elements) {
    std::set<PatternId> seen;
    collect(grammar, element, grammar.patterns.nodes[element].a, declarations, seen);
  }
  const NameClasses& classes = grammar.name_classes;
  // Declarations by each attribute name they list; those with wildcards apart.
  std::unordered_map<NameId, std::vector<std::size_t>> by_local;
  std::vector<std::size_t> wildcards;
  for (std::size_t i = 0; i < declarations.size(); ++i) {
    std::vector<QName> names;
    classes.collect_names(declarations[i].attribute_names, names);
    for (const QName& n : names) by_local[n.local].push_back(i);
    if (classes.has_wildcard(declarations[i].attribute_names)) wildcards.push_back(i);
  }
  std::set<std::pair<std::size_t, std::size_t>> reported;
  for (std::size_t i = 0; i < declarations.size(); ++i) {
    const Declaration& d = declarations[i];
    if (d.type == IdType::none) continue;
    std::vector<QName> elements, attributes;
    classes.collect_names(d.element_names, elements);
    classes.collect_names(d.attribute_names, attributes);
    if (classes.has_wildcard(d.element_names) || classes.has_wildcard(d.attribute_names)) {
      problems.push_back(SchemaProblem{
          std::string("an attribute of type ") + id_type_name(d.type) +
              " must have a name of its own, on an element with a name of its own (not "
              "anyName or nsName)",
          d.element});
      continue;
    }
    for (const QName& a : attributes) {
      std::vector<std::size_t> candidates = by_local[a.local];
      candidates.insert(candidates.end(), wildcards.begin(), wildcards.end());
      for (std::size_t k : candidates) {
        const Declaration& other = declarations[k];
        if (k == i || other.type == d.type) continue;
        if (!classes.overlap(d.attribute_names, other.attribute_names) ||
            !classes.overlap(d.element_names, other.element_names))
          continue;
        if (!reported.insert({std::min(i, k), std::max(i, k)}).second) continue;
        std::string element =
            elements.empty() ? std::string("?") : grammar.names.text(elements.front().local);
        problems.push_back(SchemaProblem{"conflicting ID-types for attribute \"" +
                                             grammar.names.text(a.local) + "\" of element \"" +
                                             element + "\" (" + id_type_name(d.type) + " and " +
                                             id_type_name(other.type) + ")",
                                         other.element});
      }
    }
    for (const QName& e : elements)
      for (const QName& a : attributes) grammar.id_attributes[IdAttributeKey{e, a}] = d.type;
    grammar.has_ids = true;
  }
}

}  // namespace teikit::validate::relaxng
