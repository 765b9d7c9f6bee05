#pragma once

// Names and name classes of a compiled RELAX NG schema. Namespace URIs and local names are
// interned once per schema; an instance name unknown to the schema gets `unknown_name`,
// which only wildcards (anyName, nsName) can match.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace teikit::validate::relaxng {

using NameId = std::uint32_t;
using NameClassId = std::uint32_t;
inline constexpr NameId unknown_name = UINT32_MAX;

/// A qualified name as interned ids.
struct QName {
  NameId ns = unknown_name;
  NameId local = unknown_name;
  bool operator==(const QName&) const = default;
};

/// Interned strings (namespace URIs and local names).
class NameTable {
 public:
  /// The id of `text`, adding it if new.
  NameId intern(std::string_view text);
  /// The id of `text`, or unknown_name.
  NameId find(std::string_view text) const;
  /// The string of an id.
  const std::string& text(NameId id) const { return strings_[id]; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::vector<std::string> strings_;
  std::unordered_map<std::string, NameId, Hash, std::equal_to<>> ids_;
};

enum class NameClassKind : std::uint8_t { any_name, ns_name, name, choice };

/// One node of a name class: `except` is an index or none.
struct NameClass {
  NameClassKind kind;
  QName name;                      // name: ns and local; ns_name: ns
  NameClassId a = none, b = none;  // choice: the two; any_name/ns_name: a = except
  static constexpr NameClassId none = UINT32_MAX;
};

/// All name classes of a schema.
class NameClasses {
 public:
  /// Adds a node and returns its id.
  NameClassId add(NameClass nc);
  /// Whether the class `id` contains `name`.
  bool contains(NameClassId id, QName name) const;
  /// Whether two classes have a name in common.
  bool overlap(NameClassId a, NameClassId b) const;
  /// Whether the class is a finite set of names (no wildcard).
  bool is_finite(NameClassId id) const;
  /// The names listed in the class (wildcards excluded), in the order given.
  void collect_names(NameClassId id, std::vector<QName>& out) const;
  /// Whether the class has a wildcard (anyName or nsName).
  bool has_wildcard(NameClassId id) const { return !is_finite(id); }
  /// The node.
  const NameClass& get(NameClassId id) const { return nodes_[id]; }

 private:
  void representatives(NameClassId id, std::vector<QName>& out) const;
  std::vector<NameClass> nodes_;
};

}  // namespace teikit::validate::relaxng
