#include "validate/relaxng/pattern.hpp"

#include <algorithm>

namespace teikit::validate::relaxng {

PatternBuilder::PatternBuilder() {
  intern(Pattern{Kind::not_allowed, false, false, 0, 0, 0});
  intern(Pattern{Kind::empty, true, false, 0, 0, 0});
  intern(Pattern{Kind::text, true, false, 0, 0, 0});
}

PatternBuilder::PatternBuilder(const PatternStore& base)
    : base_(&base), base_size_(static_cast<PatternId>(base.nodes.size())) {}

void PatternBuilder::reset() {
  own_.nodes.clear();
  own_.index.clear();
}

PatternId PatternBuilder::intern(Pattern pattern) {
  PatternStore::Key key{pattern.kind, pattern.a, pattern.b, pattern.extra};
  if (base_ != nullptr) {
    auto found = base_->index.find(key);
    if (found != base_->index.end()) return found->second;
  }
  auto found = own_.index.find(key);
  if (found != own_.index.end()) return found->second;
  auto id = static_cast<PatternId>(base_size_ + own_.nodes.size());
  own_.nodes.push_back(pattern);
  own_.index.emplace(key, id);
  return id;
}

void PatternBuilder::choice_members(PatternId id, std::vector<PatternId>& out) const {
  const Pattern& p = get(id);
  if (p.kind == Kind::choice) {
    choice_members(p.a, out);
    choice_members(p.b, out);
  } else {
    out.push_back(id);
  }
}

PatternId PatternBuilder::choice(PatternId a, PatternId b) {
  if (a == not_allowed_id || a == b) return b;
  if (b == not_allowed_id) return a;
  const Pattern& pa = get(a);
  const Pattern& pb = get(b);
  if (pa.kind != Kind::choice && pb.kind != Kind::choice) {
    if (a > b) std::swap(a, b);
    const Pattern& x = get(a);
    const Pattern& y = get(b);
    return intern(Pattern{Kind::choice, x.nullable || y.nullable,
                          x.text_sensitive || y.text_sensitive, a, b, 0});
  }
  // Flatten, sort and deduplicate, so that equal sets of alternatives get one id.
  std::vector<PatternId> members;
  choice_members(a, members);
  choice_members(b, members);
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  PatternId result = members.back();
  for (auto it = members.rbegin() + 1; it != members.rend(); ++it) {
    const Pattern& x = get(*it);
    const Pattern& y = get(result);
    result = intern(Pattern{Kind::choice, x.nullable || y.nullable,
                            x.text_sensitive || y.text_sensitive, *it, result, 0});
  }
  return result;
}

PatternId PatternBuilder::group(PatternId a, PatternId b) {
  if (a == not_allowed_id || b == not_allowed_id) return not_allowed_id;
  if (a == empty_id) return b;
  if (b == empty_id) return a;
  const Pattern& x = get(a);
  const Pattern& y = get(b);
  return intern(Pattern{Kind::group, x.nullable && y.nullable, x.text_sensitive || y.text_sensitive,
                        a, b, 0});
}

PatternId PatternBuilder::interleave(PatternId a, PatternId b) {
  if (a == not_allowed_id || b == not_allowed_id) return not_allowed_id;
  if (a == empty_id) return b;
  if (b == empty_id) return a;
  if (a > b) std::swap(a, b);
  const Pattern& x = get(a);
  const Pattern& y = get(b);
  return intern(Pattern{Kind::interleave, x.nullable && y.nullable,
                        x.text_sensitive || y.text_sensitive, a, b, 0});
}

PatternId PatternBuilder::one_or_more(PatternId p) {
  if (p == not_allowed_id || p == empty_id) return p;
  const Pattern& x = get(p);
  if (x.kind == Kind::one_or_more) return p;
  return intern(Pattern{Kind::one_or_more, x.nullable, x.text_sensitive, p, 0, 0});
}

PatternId PatternBuilder::after(PatternId a, PatternId b) {
  if (a == not_allowed_id || b == not_allowed_id) return not_allowed_id;
  return intern(
      Pattern{Kind::after, false, get(a).text_sensitive || get(b).text_sensitive, a, b, 0});
}

PatternId PatternBuilder::list(PatternId p) {
  if (p == not_allowed_id) return p;
  return intern(Pattern{Kind::list, false, true, p, 0, 0});
}

PatternId PatternBuilder::data(std::uint32_t datatype, PatternId except) {
  return intern(Pattern{except == not_allowed_id ? Kind::data : Kind::data_except, false, true, 0,
                        except, datatype});
}

PatternId PatternBuilder::value(std::uint32_t value) {
  return intern(Pattern{Kind::value, false, true, 0, 0, value});
}

PatternId PatternBuilder::attribute(NameClassId name_class, PatternId p) {
  if (p == not_allowed_id) return not_allowed_id;
  return intern(Pattern{Kind::attribute, false, false, p, 0, name_class});
}

PatternId PatternBuilder::new_element(NameClassId name_class) {
  auto id = static_cast<PatternId>(base_size_ + own_.nodes.size());
  own_.nodes.push_back(Pattern{Kind::element, false, false, not_allowed_id, 0, name_class});
  return id;
}

void PatternBuilder::set_element_content(PatternId element, PatternId content) {
  own_.nodes[element - base_size_].a = content;
}

}  // namespace teikit::validate::relaxng
