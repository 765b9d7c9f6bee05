// DTD compatibility (RELAX NG DTD Compatibility, section 4): attributes whose datatype is
// ID, IDREF or IDREFS, found by element and attribute name.

#include <set>

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

void walk(CompiledGrammar& g, PatternId id, const std::vector<QName>& elements,
          std::set<PatternId>& seen) {
  if (!seen.insert(id).second) return;
  const Pattern& p = g.patterns.nodes[id];
  switch (p.kind) {
    case Kind::attribute: {
      IdType type = content_id_type(g, p.a);
      if (type == IdType::none) return;
      std::vector<QName> attributes;
      g.name_classes.collect_names(p.extra, attributes);
      for (const QName& e : elements)
        for (const QName& a : attributes) g.id_attributes[IdAttributeKey{e, a}] = type;
      g.has_ids = true;
      return;
    }
    case Kind::choice:
    case Kind::group:
    case Kind::interleave:
      walk(g, p.a, elements, seen);
      walk(g, p.b, elements, seen);
      return;
    case Kind::one_or_more:
      walk(g, p.a, elements, seen);
      return;
    default:
      return;
  }
}

}  // namespace

void find_id_attributes(CompiledGrammar& grammar) {
  for (PatternId element : grammar.elements) {
    const Pattern& p = grammar.patterns.nodes[element];
    std::vector<QName> names;
    grammar.name_classes.collect_names(p.extra, names);
    std::set<PatternId> seen;
    walk(grammar, p.a, names, seen);
  }
}

}  // namespace teikit::validate::relaxng
