#pragma once

// Reads a RELAX NG schema (XML syntax, or compact syntax by the .rnc extension) with every
// file it includes or references, simplifies it (spec section 4), checks the section 7
// restrictions and compiles it into a CompiledGrammar.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "validate/relaxng/grammar.hpp"

namespace teikit::validate::relaxng {

/// What a schema may load besides the main file.
struct ReaderOptions {
  /// Reads an included or referenced file by path; throws IoError. Default: from disk.
  std::string (*read)(const std::string& path) = nullptr;
};

/// Compiles the schema whose text is `bytes`, named `base` (for messages and relative
/// hrefs). Returns null and appends diagnostics when the schema is incorrect.
std::shared_ptr<const CompiledGrammar> read_schema(std::string_view bytes, const std::string& base,
                                                   std::vector<Diagnostic>& diagnostics,
                                                   const ReaderOptions& options = {});

/// Checks the restrictions of spec section 7 on a compiled grammar; appends one problem per
/// violation.
void check_restrictions(const CompiledGrammar& grammar, std::vector<SchemaProblem>& problems);

}  // namespace teikit::validate::relaxng
