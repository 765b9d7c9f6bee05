#pragma once

// Patterns of a simplified RELAX NG schema, hash-consed: equal patterns share one id, so
// derivatives can be memoised by id. Each pattern carries `nullable` (it matches the empty
// sequence) computed when it is made.
//
// A schema's patterns live in a PatternStore that is frozen once compiled and shared by all
// threads. Validation makes new patterns (derivatives); each validator adds them to its own
// PatternBuilder layered over the frozen store.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "validate/relaxng/names.hpp"

namespace teikit::validate::relaxng {

using PatternId = std::uint32_t;

enum class Kind : std::uint8_t {
  not_allowed,
  empty,
  text,
  choice,
  interleave,
  group,
  one_or_more,
  list,
  data,
  data_except,
  value,
  attribute,
  element,
  after
};

/// One pattern node. `a` and `b` are child patterns; `extra` is the name class (attribute,
/// element), the datatype (data, data_except) or the value (value).
struct Pattern {
  Kind kind = Kind::not_allowed;
  bool nullable = false;
  bool text_sensitive = false;  // its text derivative depends on the characters
  PatternId a = 0;
  PatternId b = 0;
  std::uint32_t extra = 0;
};

/// Fixed ids of the three leaf patterns every store starts with.
inline constexpr PatternId not_allowed_id = 0;
inline constexpr PatternId empty_id = 1;
inline constexpr PatternId text_id = 2;

/// Patterns and their hash-consing index.
struct PatternStore {
  struct Key {
    Kind kind;
    PatternId a, b;
    std::uint32_t extra;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept {
      std::uint64_t h = static_cast<std::uint64_t>(k.kind) * 0x9E3779B97F4A7C15ULL;
      h ^= (static_cast<std::uint64_t>(k.a) << 32 | k.b) + 0x9E3779B97F4A7C15ULL + (h << 6);
      h ^= k.extra + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
      return static_cast<std::size_t>(h);
    }
  };
  std::vector<Pattern> nodes;
  std::unordered_map<Key, PatternId, KeyHash> index;
};

/// Makes patterns, normalising as it goes (notAllowed and empty absorbed, choices flattened,
/// sorted and without duplicates), over an optional frozen base store.
class PatternBuilder {
 public:
  /// A builder for a new schema (no base).
  PatternBuilder();
  /// A builder whose new patterns extend `base` (which must outlive it).
  explicit PatternBuilder(const PatternStore& base);

  /// The pattern with this id.
  const Pattern& get(PatternId id) const {
    return id < base_size_ ? base_->nodes[id] : own_.nodes[id - base_size_];
  }
  /// Whether the pattern matches the empty sequence.
  bool nullable(PatternId id) const { return get(id).nullable; }

  /// choice(a, b).
  PatternId choice(PatternId a, PatternId b);
  /// group(a, b).
  PatternId group(PatternId a, PatternId b);
  /// interleave(a, b).
  PatternId interleave(PatternId a, PatternId b);
  /// oneOrMore(p).
  PatternId one_or_more(PatternId p);
  /// after(a, b): the derivative algorithm's "a, then the rest of the parent, b".
  PatternId after(PatternId a, PatternId b);
  /// list(p).
  PatternId list(PatternId p);
  /// data of datatype `datatype`, with an except pattern or not_allowed_id for none.
  PatternId data(std::uint32_t datatype, PatternId except);
  /// value number `value`.
  PatternId value(std::uint32_t value);
  /// attribute(name class, p).
  PatternId attribute(NameClassId name_class, PatternId p);
  /// A new element pattern whose content is set later (elements may be recursive).
  PatternId new_element(NameClassId name_class);
  /// Sets the content of an element made by new_element.
  void set_element_content(PatternId element, PatternId content);

  /// The store, to freeze into a schema (only for a builder without base).
  PatternStore take_store() { return std::move(own_); }
  /// How many patterns this builder made (memory bound for validators).
  std::size_t own_size() const { return own_.nodes.size(); }
  /// Drops everything this builder made (a validator between documents).
  void reset();

 private:
  PatternId intern(Pattern pattern);
  void choice_members(PatternId id, std::vector<PatternId>& out) const;

  const PatternStore* base_ = nullptr;
  PatternId base_size_ = 0;
  PatternStore own_;
  std::vector<PatternId> scratch_;
};

}  // namespace teikit::validate::relaxng
