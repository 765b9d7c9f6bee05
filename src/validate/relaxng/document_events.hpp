#pragma once

// Feeds a Matcher with the events of a document: while libxml2 parses it (SAX, with line
// and column), or from a tree already built (line only).

#include <string>
#include <string_view>
#include <vector>

#include "core/xml_handles.hpp"
#include "validate/relaxng/matcher.hpp"

namespace teikit::validate::relaxng {

/// Parses `bytes` as untrusted XML and validates while parsing. Returns the tree if
/// `keep_tree` (else an empty pointer); `well_formed` tells whether parsing succeeded.
xml::DocPtr stream_document(Matcher& matcher, std::string_view bytes, const std::string& file,
                            std::vector<Diagnostic>& out, bool keep_tree, bool& well_formed,
                            bool& valid);

/// Validates a parsed document by walking its tree.
bool walk_document(Matcher& matcher, xmlDoc* doc, const std::string& file,
                   std::vector<Diagnostic>& out);

}  // namespace teikit::validate::relaxng
