#pragma once

// A mutation generator for TEI documents: elements removed, moved, renamed, duplicated or
// swapped; attributes added; values broken; stray text inserted. Deterministic for a seed,
// so a failing case can be made again.

#include <cstdint>
#include <string>
#include <vector>

namespace teikit::testing {

/// One mutated document and what was done to it.
struct Mutant {
  std::string xml;
  std::vector<std::string> mutations;  // e.g. "rename /TEI/text[1]/body[1]/p[2] to head"
};

/// Applies `count` random mutations (seeded by `seed`) to the well-formed document `xml`.
Mutant mutate(const std::string& xml, std::uint64_t seed, int count);

}  // namespace teikit::testing
