#include "validate/relaxng/derivatives.hpp"

#include "validate/relaxng/whitespace.hpp"

#include <algorithm>

namespace teikit::validate::relaxng {
namespace {

// Past this many derived patterns, a validator starts afresh between documents.
constexpr std::size_t memo_bound = 1u << 20;

}  // namespace

Derivatives::Derivatives(const CompiledGrammar& grammar)
    : grammar_(grammar), builder_(grammar.patterns) {}

void Derivatives::trim() {
  if (builder_.own_size() < memo_bound) return;
  builder_.reset();
  start_tag_open_memo_.clear();
  attribute_memo_.clear();
  matching_memo_.clear();
  start_tag_close_memo_.clear();
  end_tag_memo_.clear();
  text_memo_.clear();
}

PatternId Derivatives::apply_after(After op, PatternId operand, PatternId p) {
  const Pattern& node = builder_.get(p);
  if (node.kind == Kind::after) {
    PatternId first = node.a, rest = node.b;
    PatternId next = not_allowed_id;
    switch (op) {
      case After::interleave_left:
        next = builder_.interleave(rest, operand);
        break;
      case After::interleave_right:
        next = builder_.interleave(operand, rest);
        break;
      case After::group:
        next = builder_.group(rest, operand);
        break;
      case After::one_or_more:
        next = builder_.group(rest, builder_.choice(operand, empty_id));
        break;
      case After::after:
        next = builder_.after(rest, operand);
        break;
    }
    return builder_.after(first, next);
  }
  if (node.kind == Kind::choice) {
    PatternId a = node.a, b = node.b;
    PatternId x = apply_after(op, operand, a);
    return builder_.choice(x, apply_after(op, operand, b));
  }
  return not_allowed_id;
}

PatternId Derivatives::start_tag_open(PatternId p, QName name) {
  NameKey key{p, name};
  auto found = start_tag_open_memo_.find(key);
  if (found != start_tag_open_memo_.end()) return found->second;
  PatternId result = start_tag_open_uncached(p, name, false);
  start_tag_open_memo_.emplace(key, result);
  return result;
}

PatternId Derivatives::start_tag_open_skipping(PatternId p, QName name) {
  return start_tag_open_uncached(p, name, true);
}

PatternId Derivatives::start_tag_open_uncached(PatternId p, QName name, bool skipping) {
  const Pattern node = builder_.get(p);
  auto recurse = [&](PatternId q) {
    return skipping ? start_tag_open_uncached(q, name, true) : start_tag_open(q, name);
  };
  switch (node.kind) {
    case Kind::choice: {
      PatternId a = recurse(node.a);
      return builder_.choice(a, recurse(node.b));
    }
    case Kind::element:
      return grammar_.name_classes.contains(node.extra, name) ? builder_.after(node.a, empty_id)
                                                              : not_allowed_id;
    case Kind::interleave: {
      PatternId left = apply_after(After::interleave_left, node.b, recurse(node.a));
      PatternId right = apply_after(After::interleave_right, node.a, recurse(node.b));
      return builder_.choice(left, right);
    }
    case Kind::one_or_more:
      return apply_after(After::one_or_more, p, recurse(node.a));
    case Kind::group: {
      PatternId x = apply_after(After::group, node.b, recurse(node.a));
      // Skipping, what the group still requires first may be left out.
      if (!skipping && !builder_.nullable(node.a)) return x;
      return builder_.choice(x, recurse(node.b));
    }
    case Kind::after:
      return apply_after(After::after, node.b, recurse(node.a));
    default:
      return not_allowed_id;
  }
}

void Derivatives::collect_attributes(PatternId p, QName name, std::vector<PatternId>& out) {
  const Pattern node = builder_.get(p);
  switch (node.kind) {
    case Kind::after:
    case Kind::one_or_more:
      collect_attributes(node.a, name, out);
      return;
    case Kind::choice:
    case Kind::group:
    case Kind::interleave:
      collect_attributes(node.a, name, out);
      collect_attributes(node.b, name, out);
      return;
    case Kind::attribute:
      if (grammar_.name_classes.contains(node.extra, name) &&
          std::find(out.begin(), out.end(), p) == out.end())
        out.push_back(p);
      return;
    default:
      return;
  }
}

const std::vector<PatternId>& Derivatives::matching_attributes(PatternId p, QName name) {
  NameKey key{p, name};
  auto found = matching_memo_.find(key);
  if (found != matching_memo_.end()) return found->second;
  std::vector<PatternId> out;
  collect_attributes(p, name, out);
  return matching_memo_.emplace(key, std::move(out)).first->second;
}

PatternId Derivatives::attribute(PatternId p, QName name, std::string_view value,
                                 const NamespaceContext& context, bool any_value) {
  // A reference into the memo: stable, since value checks add no entries to it.
  const std::vector<PatternId>& candidates = matching_attributes(p, name);
  if (candidates.empty()) return not_allowed_id;
  std::vector<PatternId> accepted;
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!any_value && !value_matches(builder_.get(candidates[i]).a, value, context)) continue;
    accepted.push_back(candidates[i]);
    if (i < 64) mask |= std::uint64_t{1} << i;
  }
  if (accepted.empty()) return not_allowed_id;
  if (candidates.size() > 64) return attribute_uncached(p, name, accepted);
  AttributeKey key{p, name, mask};
  auto found = attribute_memo_.find(key);
  if (found != attribute_memo_.end()) return found->second;
  PatternId result = attribute_uncached(p, name, accepted);
  attribute_memo_.emplace(key, result);
  return result;
}

PatternId Derivatives::attribute_uncached(PatternId p, QName name,
                                          const std::vector<PatternId>& accepted) {
  const Pattern node = builder_.get(p);
  auto recurse = [&](PatternId q) { return attribute_uncached(q, name, accepted); };
  switch (node.kind) {
    case Kind::after:
      return builder_.after(recurse(node.a), node.b);
    case Kind::choice: {
      PatternId a = recurse(node.a);
      return builder_.choice(a, recurse(node.b));
    }
    case Kind::group: {
      PatternId a = builder_.group(recurse(node.a), node.b);
      return builder_.choice(a, builder_.group(node.a, recurse(node.b)));
    }
    case Kind::interleave: {
      PatternId a = builder_.interleave(recurse(node.a), node.b);
      return builder_.choice(a, builder_.interleave(node.a, recurse(node.b)));
    }
    case Kind::one_or_more:
      return builder_.group(recurse(node.a), builder_.choice(p, empty_id));
    case Kind::attribute:
      return std::find(accepted.begin(), accepted.end(), p) != accepted.end() ? empty_id
                                                                              : not_allowed_id;
    default:
      return not_allowed_id;
  }
}

bool Derivatives::value_matches(PatternId p, std::string_view value,
                                const NamespaceContext& context) {
  if (builder_.nullable(p) && all_space(value)) return true;
  return builder_.nullable(text(p, value, context));
}

PatternId Derivatives::start_tag_close(PatternId p, bool recover) {
  if (!recover) {
    auto found = start_tag_close_memo_.find(p);
    if (found != start_tag_close_memo_.end()) return found->second;
  }
  const Pattern node = builder_.get(p);
  PatternId result = p;
  switch (node.kind) {
    case Kind::after:
      result = builder_.after(start_tag_close(node.a, recover), node.b);
      break;
    case Kind::choice: {
      PatternId a = start_tag_close(node.a, recover);
      result = builder_.choice(a, start_tag_close(node.b, recover));
      break;
    }
    case Kind::group: {
      PatternId a = start_tag_close(node.a, recover);
      result = builder_.group(a, start_tag_close(node.b, recover));
      break;
    }
    case Kind::interleave: {
      PatternId a = start_tag_close(node.a, recover);
      result = builder_.interleave(a, start_tag_close(node.b, recover));
      break;
    }
    case Kind::one_or_more:
      result = builder_.one_or_more(start_tag_close(node.a, recover));
      break;
    case Kind::attribute:
      result = recover ? empty_id : not_allowed_id;
      break;
    default:
      break;
  }
  if (!recover) start_tag_close_memo_.emplace(p, result);
  return result;
}

PatternId Derivatives::text(PatternId p, std::string_view text, const NamespaceContext& context) {
  if (builder_.get(p).text_sensitive) return text_uncached(p, text, context);
  auto found = text_memo_.find(p);
  if (found != text_memo_.end()) return found->second;
  PatternId result = text_uncached(p, text, context);
  text_memo_.emplace(p, result);
  return result;
}

PatternId Derivatives::text_uncached(PatternId p, std::string_view value,
                                     const NamespaceContext& context) {
  const Pattern node = builder_.get(p);
  switch (node.kind) {
    case Kind::choice: {
      PatternId a = text(node.a, value, context);
      return builder_.choice(a, text(node.b, value, context));
    }
    case Kind::interleave: {
      PatternId a = builder_.interleave(text(node.a, value, context), node.b);
      return builder_.choice(a, builder_.interleave(node.a, text(node.b, value, context)));
    }
    case Kind::group: {
      PatternId x = builder_.group(text(node.a, value, context), node.b);
      if (!builder_.nullable(node.a)) return x;
      return builder_.choice(x, text(node.b, value, context));
    }
    case Kind::after:
      return builder_.after(text(node.a, value, context), node.b);
    case Kind::one_or_more:
      return builder_.group(text(node.a, value, context), builder_.choice(p, empty_id));
    case Kind::text:
      return p;
    case Kind::data:
    case Kind::data_except:
    case Kind::value:
      return data_allows(p, value, context) ? empty_id : not_allowed_id;
    case Kind::list: {
      PatternId q = node.a;
      for (std::string_view word : words(value)) {
        q = text(q, word, context);
        if (q == not_allowed_id) break;
      }
      return builder_.nullable(q) ? empty_id : not_allowed_id;
    }
    default:
      return not_allowed_id;
  }
}

bool Derivatives::data_allows(PatternId p, std::string_view value,
                              const NamespaceContext& context) {
  const Pattern& node = builder_.get(p);
  if (node.kind == Kind::value) {
    const SchemaValue& v = grammar_.values[node.extra];
    const Datatype& type = *grammar_.datatypes[v.datatype].datatype;
    return type.allows(value, context) && type.equal(v.text, v.context, value, context);
  }
  const Datatype& type = *grammar_.datatypes[node.extra].datatype;
  if (!type.allows(value, context)) return false;
  if (node.kind == Kind::data_except) {
    PatternId except = node.b;
    return !builder_.nullable(text(except, value, context));
  }
  return true;
}

PatternId Derivatives::end_tag(PatternId p, bool recover) {
  if (!recover) {
    auto found = end_tag_memo_.find(p);
    if (found != end_tag_memo_.end()) return found->second;
  }
  const Pattern node = builder_.get(p);
  PatternId result = not_allowed_id;
  if (node.kind == Kind::choice) {
    PatternId a = end_tag(node.a, recover);
    result = builder_.choice(a, end_tag(node.b, recover));
  } else if (node.kind == Kind::after) {
    result = recover || builder_.nullable(node.a) ? node.b : not_allowed_id;
  }
  if (!recover) end_tag_memo_.emplace(p, result);
  return result;
}

}  // namespace teikit::validate::relaxng
