#include "validate/relaxng/names.hpp"

namespace teikit::validate::relaxng {

NameId NameTable::intern(std::string_view text) {
  auto found = ids_.find(text);
  if (found != ids_.end()) return found->second;
  auto id = static_cast<NameId>(strings_.size());
  strings_.emplace_back(text);
  ids_.emplace(strings_.back(), id);
  return id;
}

NameId NameTable::find(std::string_view text) const {
  auto found = ids_.find(text);
  return found == ids_.end() ? unknown_name : found->second;
}

NameClassId NameClasses::add(NameClass nc) {
  nodes_.push_back(nc);
  return static_cast<NameClassId>(nodes_.size() - 1);
}

bool NameClasses::contains(NameClassId id, QName name) const {
  const NameClass& nc = nodes_[id];
  switch (nc.kind) {
    case NameClassKind::any_name:
      return nc.a == NameClass::none || !contains(nc.a, name);
    case NameClassKind::ns_name:
      return nc.name.ns == name.ns && (nc.a == NameClass::none || !contains(nc.a, name));
    case NameClassKind::name:
      return nc.name == name && name.local != unknown_name;
    case NameClassKind::choice:
      return contains(nc.a, name) || contains(nc.b, name);
  }
  return false;
}

// Names that stand for every kind of name the class can hold: a name from each listed
// name, and from each wildcard a name no schema can spell (unknown_name).
void NameClasses::representatives(NameClassId id, std::vector<QName>& out) const {
  const NameClass& nc = nodes_[id];
  switch (nc.kind) {
    case NameClassKind::any_name:
      out.push_back(QName{unknown_name, unknown_name});
      if (nc.a != NameClass::none) representatives(nc.a, out);
      break;
    case NameClassKind::ns_name:
      out.push_back(QName{nc.name.ns, unknown_name});
      if (nc.a != NameClass::none) representatives(nc.a, out);
      break;
    case NameClassKind::name:
      out.push_back(nc.name);
      break;
    case NameClassKind::choice:
      representatives(nc.a, out);
      representatives(nc.b, out);
      break;
  }
}

bool NameClasses::overlap(NameClassId a, NameClassId b) const {
  if (nodes_[a].kind == NameClassKind::name && nodes_[b].kind == NameClassKind::name)
    return nodes_[a].name == nodes_[b].name;
  std::vector<QName> names;
  representatives(a, names);
  representatives(b, names);
  for (const QName& name : names)
    if (contains(a, name) && contains(b, name)) return true;
  return false;
}

bool NameClasses::is_finite(NameClassId id) const {
  const NameClass& nc = nodes_[id];
  switch (nc.kind) {
    case NameClassKind::any_name:
    case NameClassKind::ns_name:
      return false;
    case NameClassKind::name:
      return true;
    case NameClassKind::choice:
      return is_finite(nc.a) && is_finite(nc.b);
  }
  return true;
}

void NameClasses::collect_names(NameClassId id, std::vector<QName>& out) const {
  const NameClass& nc = nodes_[id];
  if (nc.kind == NameClassKind::name) {
    out.push_back(nc.name);
  } else if (nc.kind == NameClassKind::choice) {
    collect_names(nc.a, out);
    collect_names(nc.b, out);
  }
}

}  // namespace teikit::validate::relaxng
