#pragma once

// The RELAX NG compact syntax (.rnc): read into the equivalent XML-syntax document, which
// the schema reader then loads like any .rng file.

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/xml_handles.hpp"

namespace teikit::validate::relaxng {

/// Translates compact-syntax text into a RELAX NG XML document (namespace
/// http://relaxng.org/ns/structure/1.0). `base` names the file, for messages and as the
/// document URL. `include` and `external` keep their hrefs, which name compact files.
/// Returns null and appends diagnostics (file:line:col) on a syntax error.
xml::DocPtr read_compact_syntax(std::string_view text, const std::string& base,
                                std::vector<Diagnostic>& diagnostics);

}  // namespace teikit::validate::relaxng
