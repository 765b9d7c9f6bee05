#include "validate/relaxng/messages.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace teikit::validate::relaxng {
namespace {

constexpr const char* xml_namespace = "http://www.w3.org/XML/1998/namespace";

// The catalogue, in the order of Message.
const char* const catalogue[] = {
    "element {0} not allowed anywhere; {1}",
    "element {0} not allowed here; {1}",
    "element {0} not allowed yet; {1}",
    "element {0} incomplete; {1}",
    "attribute {0} not allowed here; {1}",
    "value of attribute {0} is invalid; {1}",
    "element {0} missing required attribute {1}",
    "text not allowed here; {0}",
    "character content of element {0} invalid; {1}",
    "ID {0} has already been defined (first occurrence at {1})",
    "IDREF {0} without matching ID",
};

void walk_content(Derivatives& d, PatternId p, Expectation& e, std::vector<NameClassId>& classes,
                  std::set<PatternId>& seen) {
  if (!seen.insert(p).second) return;
  const Pattern node = d.get(p);
  switch (node.kind) {
    case Kind::after:
      walk_content(d, node.a, e, classes, seen);
      if (d.nullable(node.a)) e.end_tag = true;
      return;
    case Kind::choice:
    case Kind::interleave:
      walk_content(d, node.a, e, classes, seen);
      walk_content(d, node.b, e, classes, seen);
      return;
    case Kind::group:
      walk_content(d, node.a, e, classes, seen);
      if (d.nullable(node.a)) walk_content(d, node.b, e, classes, seen);
      return;
    case Kind::one_or_more:
      walk_content(d, node.a, e, classes, seen);
      return;
    case Kind::element:
      classes.push_back(node.extra);
      return;
    case Kind::text:
      e.text = true;
      return;
    case Kind::data:
    case Kind::data_except:
    case Kind::value:
    case Kind::list:
      e.data = true;
      return;
    default:
      return;
  }
}

// The patterns of one kind (element or attribute) anywhere in the state's current content,
// not inside elements.
void collect_kind(Derivatives& d, PatternId p, Kind kind, std::vector<PatternId>& out,
                  std::set<PatternId>& seen) {
  if (!seen.insert(p).second) return;
  const Pattern node = d.get(p);
  switch (node.kind) {
    case Kind::choice:
    case Kind::interleave:
    case Kind::group:
      collect_kind(d, node.a, kind, out, seen);
      collect_kind(d, node.b, kind, out, seen);
      return;
    case Kind::after:
    case Kind::one_or_more:
      collect_kind(d, node.a, kind, out, seen);
      return;
    default:
      if (node.kind == kind) out.push_back(p);
      return;
  }
}

std::vector<NameClassId> classes_of(Derivatives& d, const std::vector<PatternId>& patterns) {
  std::vector<NameClassId> classes;
  for (PatternId p : patterns) classes.push_back(d.get(p).extra);
  return classes;
}

// Attribute patterns a state cannot do without.
void walk_required(Derivatives& d, PatternId p, std::vector<PatternId>& out) {
  const Pattern node = d.get(p);
  switch (node.kind) {
    case Kind::after:
      walk_required(d, node.a, out);
      return;
    case Kind::group:
    case Kind::interleave:
      walk_required(d, node.a, out);
      walk_required(d, node.b, out);
      return;
    case Kind::choice: {
      std::vector<PatternId> a, b;
      walk_required(d, node.a, a);
      walk_required(d, node.b, b);
      if (a.empty() || b.empty()) return;
      out.insert(out.end(), a.begin(), a.end());
      out.insert(out.end(), b.begin(), b.end());
      return;
    }
    case Kind::one_or_more:
      walk_required(d, node.a, out);
      return;
    case Kind::attribute:
      out.push_back(p);
      return;
    default:
      return;
  }
}

std::vector<NameClassId> walk_required_elements(Derivatives& d, PatternId p) {
  const Pattern node = d.get(p);
  switch (node.kind) {
    case Kind::after:
    case Kind::one_or_more:
      return walk_required_elements(d, node.a);
    case Kind::group:
      return walk_required_elements(d, d.nullable(node.a) ? node.b : node.a);
    case Kind::interleave: {
      auto a = walk_required_elements(d, node.a);
      auto b = walk_required_elements(d, node.b);
      a.insert(a.end(), b.begin(), b.end());
      return a;
    }
    case Kind::choice: {
      auto a = walk_required_elements(d, node.a);
      auto b = walk_required_elements(d, node.b);
      return a == b ? a : std::vector<NameClassId>{};
    }
    case Kind::element:
      return {node.extra};
    default:
      return {};
  }
}

std::vector<QName> names_of(const CompiledGrammar& g, const std::vector<NameClassId>& classes,
                            bool* wildcard) {
  std::vector<QName> names;
  for (NameClassId nc : classes) {
    g.name_classes.collect_names(nc, names);
    if (wildcard != nullptr && g.name_classes.has_wildcard(nc)) *wildcard = true;
  }
  return names;
}

std::string join_alternatives(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

void describe_content(Derivatives& d, const CompiledGrammar& g, PatternId p, std::string_view value,
                      const NamespaceContext& context, std::vector<std::string>& values,
                      std::vector<std::string>& others, std::set<PatternId>& seen) {
  if (!seen.insert(p).second) return;
  const Pattern node = d.get(p);
  switch (node.kind) {
    case Kind::choice:
      describe_content(d, g, node.a, value, context, values, others, seen);
      describe_content(d, g, node.b, value, context, values, others, seen);
      return;
    case Kind::value:
      values.push_back("\"" + g.values[node.extra].text + "\"");
      return;
    case Kind::data:
    case Kind::data_except: {
      std::string why;
      const Datatype& type = *g.datatypes[node.extra].datatype;
      if (!type.allows(value, context, &why)) {
        others.push_back(why.empty() ? "must be a valid " + type.name() : why);
      } else if (node.kind == Kind::data_except) {
        others.push_back("must not be one of the excluded values");
      }
      return;
    }
    case Kind::list:
      others.push_back("must be a list of valid tokens");
      return;
    case Kind::empty:
      others.push_back("must be empty");
      return;
    default:
      others.push_back("must match a group of tokens");
      return;
  }
}

std::string constraint_text(std::vector<std::string> values, std::vector<std::string> others) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  others.erase(std::unique(others.begin(), others.end()), others.end());
  if (!values.empty()) others.push_back("must be equal to " + join_alternatives(values));
  if (others.empty()) return "not a valid value";
  return join_alternatives(others);
}

}  // namespace

std::string message(Message id, const std::vector<std::string>& args) {
  std::string text = catalogue[static_cast<int>(id)];
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string slot = "{" + std::to_string(i) + "}";
    auto at = text.find(slot);
    if (at != std::string::npos) text.replace(at, slot.size(), args[i]);
  }
  return text;
}

NamePrinter::NamePrinter(const NameTable& names, std::string default_ns,
                         std::vector<std::pair<std::string, std::string>> bindings)
    : names_(names), default_ns_(std::move(default_ns)), bindings_(std::move(bindings)) {}

std::string NamePrinter::quote(QName name, bool is_attribute) {
  const std::string& local = names_.text(name.local);
  const std::string& ns = name.ns == unknown_name ? std::string() : names_.text(name.ns);
  if (ns.empty()) return "\"" + local + "\"";
  if (ns == xml_namespace) return "\"xml:" + local + "\"";
  if (!is_attribute && ns == default_ns_) return "\"" + local + "\"";
  for (const auto& [prefix, uri] : bindings_)
    if (uri == ns && !prefix.empty()) return "\"" + prefix + ":" + local + "\"";
  if (!is_attribute && default_ns_.empty()) {
    if (std::find(undeclared_.begin(), undeclared_.end(), ns) == undeclared_.end())
      undeclared_.push_back(ns);
    if (undeclared_.size() == 1) return "\"" + local + "\"";
  }
  auto& list = undeclared_attribute_ns_;
  auto at = std::find(list.begin(), list.end(), ns);
  if (at == list.end()) {
    list.push_back(ns);
    at = list.end() - 1;
  }
  std::size_t index = static_cast<std::size_t>(at - list.begin());
  return "\"ns" + (index == 0 ? std::string() : std::to_string(index)) + ":" + local + "\"";
}

std::string NamePrinter::hint() const {
  std::vector<std::string> parts;
  if (!undeclared_.empty()) parts.push_back("xmlns=\"" + undeclared_.front() + "\"");
  for (std::size_t i = 0; i < undeclared_attribute_ns_.size(); ++i)
    parts.push_back("xmlns:ns" + (i == 0 ? std::string() : std::to_string(i)) + "=\"" +
                    undeclared_attribute_ns_[i] + "\"");
  if (parts.empty()) return {};
  std::string out = " (with ";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + ")";
}

Expectation expected_content(Derivatives& d, PatternId p) {
  Expectation e;
  std::vector<NameClassId> classes;
  std::set<PatternId> seen;
  walk_content(d, p, e, classes, seen);
  e.elements = names_of(d.grammar(), classes, &e.wildcard);
  return e;
}

std::vector<QName> possible_elements(Derivatives& d, PatternId p) {
  std::vector<PatternId> elements;
  std::set<PatternId> seen;
  collect_kind(d, p, Kind::element, elements, seen);
  return names_of(d.grammar(), classes_of(d, elements), nullptr);
}

std::string describe(const Expectation& e, NamePrinter& printer) {
  std::vector<std::string> items;
  if (e.end_tag) items.push_back("the element end-tag");
  if (e.text) items.push_back("text");
  if (e.data) items.push_back("data");
  std::vector<std::string> quoted;
  for (const QName& n : e.elements) quoted.push_back(printer.quote(n, false));
  std::sort(quoted.begin(), quoted.end());
  quoted.erase(std::unique(quoted.begin(), quoted.end()), quoted.end());
  if (!quoted.empty()) items.push_back("element " + join_alternatives(quoted));
  if (e.wildcard) items.push_back("an element from another namespace");
  if (items.empty()) return "expected nothing more";
  return "expected " + join_alternatives(items) + printer.hint();
}

std::string name_list(const std::vector<QName>& names, NamePrinter& printer, bool attributes) {
  std::vector<std::string> quoted;
  for (const QName& n : names) quoted.push_back(printer.quote(n, attributes));
  std::sort(quoted.begin(), quoted.end());
  quoted.erase(std::unique(quoted.begin(), quoted.end()), quoted.end());
  return join_alternatives(quoted);
}

std::vector<QName> required_elements(Derivatives& d, PatternId p) {
  return names_of(d.grammar(), walk_required_elements(d, p), nullptr);
}

std::vector<QName> expected_attributes(Derivatives& d, PatternId p, bool& wildcard) {
  std::vector<PatternId> attributes;
  std::set<PatternId> seen;
  collect_kind(d, p, Kind::attribute, attributes, seen);
  return names_of(d.grammar(), classes_of(d, attributes), &wildcard);
}

std::vector<QName> required_attributes(Derivatives& d, PatternId p) {
  std::vector<PatternId> attributes;
  walk_required(d, p, attributes);
  return names_of(d.grammar(), classes_of(d, attributes), nullptr);
}

std::string value_constraint(Derivatives& d, const CompiledGrammar& g, PatternId p, QName name,
                             std::string_view value, const NamespaceContext& context) {
  std::vector<PatternId> attributes;
  std::set<PatternId> seen;
  collect_kind(d, p, Kind::attribute, attributes, seen);
  std::vector<std::string> values, others;
  std::set<PatternId> described;
  for (PatternId a : attributes) {
    const Pattern node = d.get(a);
    if (g.name_classes.contains(node.extra, name))
      describe_content(d, g, node.a, value, context, values, others, described);
  }
  return constraint_text(std::move(values), std::move(others));
}

std::string content_constraint(Derivatives& d, const CompiledGrammar& g, PatternId p,
                               std::string_view value, const NamespaceContext& context) {
  std::vector<std::string> values, others;
  std::set<PatternId> described;
  std::function<void(PatternId)> walk = [&](PatternId q) {
    const Pattern node = d.get(q);
    if (node.kind == Kind::after || node.kind == Kind::group) {
      walk(node.a);
    } else if (node.kind == Kind::choice || node.kind == Kind::interleave) {
      walk(node.a);
      walk(node.b);
    } else if (node.kind == Kind::one_or_more) {
      walk(node.a);
    } else if (node.kind != Kind::text && node.kind != Kind::element &&
               node.kind != Kind::attribute && node.kind != Kind::empty) {
      describe_content(d, g, q, value, context, values, others, described);
    }
  };
  walk(p);
  return constraint_text(std::move(values), std::move(others));
}

}  // namespace teikit::validate::relaxng
