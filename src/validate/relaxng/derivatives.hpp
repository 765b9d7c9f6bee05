#pragma once

// James Clark's derivative algorithm ("An algorithm for RELAX NG validation") over the
// frozen patterns of a CompiledGrammar. Each instance belongs to one validator (one thread):
// it owns the patterns the derivatives create and memoises them by pattern id.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "validate/relaxng/grammar.hpp"

namespace teikit::validate::relaxng {

/// Derivatives with memo tables.
class Derivatives {
 public:
  /// Derivatives over `grammar` (which must outlive this).
  explicit Derivatives(const CompiledGrammar& grammar);

  /// The pattern after the start tag of an element named `name` opens.
  PatternId start_tag_open(PatternId p, QName name);
  /// Like start_tag_open, but anything still required before the element may be skipped
  /// (recovery from "not allowed yet": the state as if the missing elements were there).
  PatternId start_tag_open_skipping(PatternId p, QName name);
  /// After one attribute. With `any_value`, the value is not checked (recovery).
  PatternId attribute(PatternId p, QName name, std::string_view value,
                      const NamespaceContext& context, bool any_value = false);
  /// After the start tag closes (attributes not given are missing). With `recover`, missing
  /// attributes are taken as given.
  PatternId start_tag_close(PatternId p, bool recover = false);
  /// After a text node.
  PatternId text(PatternId p, std::string_view text, const NamespaceContext& context);
  /// After the end tag. With `recover`, the element's unfinished content is dropped.
  PatternId end_tag(PatternId p, bool recover = false);
  /// Whether the pattern matches the empty sequence.
  bool nullable(PatternId p) const { return builder_.nullable(p); }
  /// The pattern node.
  const Pattern& get(PatternId p) const { return builder_.get(p); }
  /// The grammar.
  const CompiledGrammar& grammar() const { return grammar_; }
  /// The builder (for recovery states).
  PatternBuilder& builder() { return builder_; }
  /// Whether a value matches a pattern (an attribute's content, a list item).
  bool value_matches(PatternId p, std::string_view value, const NamespaceContext& context);
  /// Forgets the memo tables and derived patterns when they grow past a bound.
  void trim();

 private:
  enum class After : std::uint8_t { interleave_left, interleave_right, group, one_or_more, after };
  PatternId apply_after(After op, PatternId operand, PatternId p);
  PatternId start_tag_open_uncached(PatternId p, QName name, bool skipping);
  PatternId attribute_uncached(PatternId p, QName name, const std::vector<PatternId>& accepted);
  const std::vector<PatternId>& matching_attributes(PatternId p, QName name);
  void collect_attributes(PatternId p, QName name, std::vector<PatternId>& out);
  PatternId text_uncached(PatternId p, std::string_view text, const NamespaceContext& context);
  bool data_allows(PatternId p, std::string_view text, const NamespaceContext& context);

  struct NameKey {
    PatternId p;
    QName name;
    bool operator==(const NameKey&) const = default;
  };
  struct NameKeyHash {
    std::size_t operator()(const NameKey& k) const noexcept {
      return (static_cast<std::size_t>(k.p) * 0x9E3779B97F4A7C15ULL) ^
             (static_cast<std::size_t>(k.name.ns) << 20) ^ k.name.local;
    }
  };
  // The attribute derivative depends on the value only through which of the attribute
  // patterns that match the name accept it: that set (a bit mask) is the memo key.
  struct AttributeKey {
    PatternId p;
    QName name;
    std::uint64_t accepted;
    bool operator==(const AttributeKey&) const = default;
  };
  struct AttributeKeyHash {
    std::size_t operator()(const AttributeKey& k) const noexcept {
      return NameKeyHash{}(NameKey{k.p, k.name}) * 31 + static_cast<std::size_t>(k.accepted);
    }
  };

  const CompiledGrammar& grammar_;
  PatternBuilder builder_;
  std::unordered_map<NameKey, PatternId, NameKeyHash> start_tag_open_memo_;
  std::unordered_map<AttributeKey, PatternId, AttributeKeyHash> attribute_memo_;
  std::unordered_map<NameKey, std::vector<PatternId>, NameKeyHash> matching_memo_;
  std::unordered_map<PatternId, PatternId> start_tag_close_memo_;
  std::unordered_map<PatternId, PatternId> end_tag_memo_;
  std::unordered_map<PatternId, PatternId> text_memo_;
};

}  // namespace teikit::validate::relaxng
