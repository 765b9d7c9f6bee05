// Section 7 of the RELAX NG specification: the restrictions a simplified schema must meet.

#include <set>
#include <unordered_map>

#include "validate/relaxng/schema_reader.hpp"

namespace teikit::validate::relaxng {
namespace {

enum Context : unsigned {
  in_attribute = 1,
  in_one_or_more = 2,
  in_one_or_more_group = 4,  // a group or interleave below a oneOrMore
  in_list = 8,
  in_except = 16,
  in_start = 32,
};

enum class ContentType { none, empty, complex, simple };

class Checker {
 public:
  Checker(const CompiledGrammar& grammar, std::vector<SchemaProblem>& errors)
      : g_(grammar), errors_(errors) {}

  void run() {
    paths(g_.start, in_start);
    std::vector<PatternId> work = reached_;
    for (std::size_t i = 0; i < work.size(); ++i) {
      PatternId element = work[i];
      current_ = element;
      PatternId content = node(element).a;
      paths(content, 0);
      if (content_type(content) == ContentType::none)
        fail("element " + describe(node(element).extra) +
             ": its content mixes data with elements or text (section 7.2)");
      attributes(content);
      interleaves(content);
      for (std::size_t k = work.size(); k < reached_.size(); ++k) work.push_back(reached_[k]);
    }
  }

 private:
  const Pattern& node(PatternId id) const { return g_.patterns.nodes[id]; }

  std::string describe(NameClassId nc) const {
    std::vector<QName> names;
    g_.name_classes.collect_names(nc, names);
    if (names.empty()) return "(wildcard)";
    return "\"" + g_.names.text(names.front().local) + "\"";
  }

  void fail(std::string message) {
    if (seen_.insert(message).second)
      errors_.push_back(SchemaProblem{std::move(message), current_});
  }

  // 7.1: prohibited paths.
  void paths(PatternId id, unsigned context) {
    if (!visited_.insert((static_cast<std::uint64_t>(id) << 8) | context).second) return;
    const Pattern& p = node(id);
    auto forbid = [&](unsigned mask, const char* what) {
      if ((context & mask) == 0) return false;
      const char* where = (context & mask & in_start)       ? "start"
                          : (context & mask & in_except)    ? "data/except"
                          : (context & mask & in_list)      ? "list"
                          : (context & mask & in_attribute) ? "attribute"
                                                            : "oneOrMore//group";
      fail(std::string(what) + " not allowed inside " + where + " (section 7.1)");
      return true;
    };
    switch (p.kind) {
      case Kind::attribute:
        if (forbid(in_attribute | in_one_or_more_group | in_list | in_except | in_start,
                   "attribute"))
          return;
        paths(p.a, context | in_attribute);
        return;
      case Kind::element:
        if (forbid(in_attribute | in_list | in_except, "element")) return;
        if (reached_set_.insert(id).second) reached_.push_back(id);
        return;
      case Kind::text:
        forbid(in_list | in_except | in_start, "text");
        return;
      case Kind::list:
        if (forbid(in_list | in_except | in_start, "list")) return;
        paths(p.a, context | in_list);
        return;
      case Kind::group:
      case Kind::interleave: {
        if (forbid(in_except | in_start, p.kind == Kind::group ? "group" : "interleave")) return;
        if (p.kind == Kind::interleave && forbid(in_list, "interleave")) return;
        unsigned next = context;
        if (context & in_one_or_more) next |= in_one_or_more_group;
        paths(p.a, next);
        paths(p.b, next);
        return;
      }
      case Kind::one_or_more:
        if (forbid(in_except | in_start, "oneOrMore")) return;
        paths(p.a, context | in_one_or_more);
        return;
      case Kind::empty:
        forbid(in_except | in_start, "empty");
        return;
      case Kind::data:
      case Kind::value:
        forbid(in_start, p.kind == Kind::data ? "data" : "value");
        return;
      case Kind::data_except:
        if (forbid(in_start, "data")) return;
        paths(p.b, context | in_except);
        return;
      case Kind::choice:
        paths(p.a, context);
        paths(p.b, context);
        return;
      case Kind::not_allowed:
      case Kind::after:
        return;
    }
  }

  // 7.2: string sequences.
  ContentType content_type(PatternId id) {
    auto found = types_.find(id);
    if (found != types_.end()) return found->second;
    const Pattern& p = node(id);
    auto groupable = [](ContentType a, ContentType b) {
      return a == ContentType::empty || b == ContentType::empty ||
             (a == ContentType::complex && b == ContentType::complex);
    };
    auto max = [](ContentType a, ContentType b) { return a > b ? a : b; };
    ContentType result = ContentType::none;
    switch (p.kind) {
      case Kind::value:
      case Kind::data:
      case Kind::list:
        result = ContentType::simple;
        break;
      case Kind::data_except:
        result = content_type(p.b) != ContentType::none ? ContentType::simple : ContentType::none;
        break;
      case Kind::text:
      case Kind::element:
        result = ContentType::complex;
        break;
      case Kind::empty:
      case Kind::not_allowed:
        result = ContentType::empty;
        break;
      case Kind::attribute:
        result = content_type(p.a) != ContentType::none ? ContentType::empty : ContentType::none;
        break;
      case Kind::group:
      case Kind::interleave: {
        ContentType a = content_type(p.a), b = content_type(p.b);
        if (a != ContentType::none && b != ContentType::none && groupable(a, b)) result = max(a, b);
        break;
      }
      case Kind::choice: {
        ContentType a = content_type(p.a), b = content_type(p.b);
        if (a != ContentType::none && b != ContentType::none) result = max(a, b);
        break;
      }
      case Kind::one_or_more: {
        ContentType a = content_type(p.a);
        if (a != ContentType::none && groupable(a, a)) result = a;
        break;
      }
      case Kind::after:
        break;
    }
    types_.emplace(id, result);
    return result;
  }

  // 7.3: attributes. Returns the attribute name classes of the pattern (not inside elements).
  const std::vector<NameClassId>& attributes(PatternId id) {
    auto found = attributes_.find(id);
    if (found != attributes_.end()) return found->second;
    const Pattern& p = node(id);
    std::vector<NameClassId> result;
    switch (p.kind) {
      case Kind::attribute:
        result.push_back(p.extra);
        if (!g_.name_classes.is_finite(p.extra) && !repeated_.contains(id))
          fail("an attribute with anyName or nsName must be inside oneOrMore (section 7.3)");
        break;
      case Kind::group:
      case Kind::interleave: {
        const auto a = attributes(p.a);
        const auto& b = attributes(p.b);
        for (NameClassId x : a)
          for (NameClassId y : b)
            if (g_.name_classes.overlap(x, y))
              fail("duplicate attribute " + describe(x) + " (section 7.3)");
        result = a;
        result.insert(result.end(), b.begin(), b.end());
        break;
      }
      case Kind::choice: {
        const auto a = attributes(p.a);
        const auto& b = attributes(p.b);
        result = a;
        result.insert(result.end(), b.begin(), b.end());
        break;
      }
      case Kind::one_or_more:
        mark_repeated(p.a);
        result = attributes(p.a);
        break;
      default:
        break;
    }
    return attributes_.emplace(id, std::move(result)).first->second;
  }

  void mark_repeated(PatternId id) {
    const Pattern& p = node(id);
    if (p.kind == Kind::attribute) {
      repeated_.insert(id);
    } else if (p.kind == Kind::group || p.kind == Kind::interleave || p.kind == Kind::choice) {
      mark_repeated(p.a);
      mark_repeated(p.b);
    } else if (p.kind == Kind::one_or_more) {
      mark_repeated(p.a);
    }
  }

  // 7.4: interleave. Element name classes of the pattern, and whether it has text.
  struct Content {
    std::vector<NameClassId> elements;
    bool text = false;
  };
  const Content& interleaves(PatternId id) {
    auto found = contents_.find(id);
    if (found != contents_.end()) return found->second;
    const Pattern& p = node(id);
    Content result;
    switch (p.kind) {
      case Kind::element:
        result.elements.push_back(p.extra);
        break;
      case Kind::text:
        result.text = true;
        break;
      case Kind::interleave:
      case Kind::group:
      case Kind::choice: {
        const Content a = interleaves(p.a);
        const Content& b = interleaves(p.b);
        if (p.kind == Kind::interleave) {
          if (a.text && b.text) fail("text in both operands of interleave (section 7.4)");
          for (NameClassId x : a.elements)
            for (NameClassId y : b.elements)
              if (g_.name_classes.overlap(x, y))
                fail("element " + describe(x) + " in both operands of interleave (section 7.4)");
        }
        result = a;
        result.text = a.text || b.text;
        result.elements.insert(result.elements.end(), b.elements.begin(), b.elements.end());
        break;
      }
      case Kind::one_or_more:
        result = interleaves(p.a);
        break;
      default:
        break;
    }
    return contents_.emplace(id, std::move(result)).first->second;
  }

  const CompiledGrammar& g_;
  std::vector<SchemaProblem>& errors_;
  PatternId current_ = not_allowed_id;  // the element whose content is checked; none: start
  std::set<std::string> seen_;
  std::set<std::uint64_t> visited_;
  std::vector<PatternId> reached_;
  std::set<PatternId> reached_set_;
  std::set<PatternId> repeated_;
  std::unordered_map<PatternId, ContentType> types_;
  std::unordered_map<PatternId, std::vector<NameClassId>> attributes_;
  std::unordered_map<PatternId, Content> contents_;
};

}  // namespace

void check_restrictions(const CompiledGrammar& grammar, std::vector<SchemaProblem>& errors) {
  Checker(grammar, errors).run();
}

}  // namespace teikit::validate::relaxng
